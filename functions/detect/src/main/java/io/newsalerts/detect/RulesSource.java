package io.newsalerts.detect;

import io.newsalerts.aws.ParameterSetting;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.rules.InvalidRulesException;
import io.newsalerts.rules.RuleBook;
import io.newsalerts.rules.RuleSet;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Where detect's rules come from: the SSM parameter named by {@code RULES_SSM_PARAMETER} when set, else the rules file
 * in the jar. The parameter holds a rules file (JSON), or the word {@code bundled} for the jar's own — the value
 * template.yaml gives it, so a deployer overrides the rules by writing the parameter, with no rebuild. Read at init
 * (an unreadable or invalid file fails init with a message naming the rule and the field) and again every few minutes
 * ({@link ParameterSetting}).
 */
public final class RulesSource {
    public static final String PARAMETER_ENV = "RULES_SSM_PARAMETER";

    private RulesSource() {
    }

    /** The rules, from the parameter when one is named. A missing parameter throws {@link io.newsalerts.aws.AwsCallException.NotFound} naming it. */
    public static Supplier<RuleSet> load(String parameterName, ParameterStore parameters, Clock clock) {
        return ParameterSetting.orBundled(parameterName, parameters, RulesSource::fromValue, clock);
    }

    /** The rules a parameter value stands for. */
    static RuleSet fromValue(String value, String origin) {
        if (value == null || value.isBlank()) {
            throw new InvalidRulesException(origin + ": empty (write a rules file, or 'bundled' for the built-in one)");
        }
        return ParameterSetting.BUNDLED.equals(value.strip()) ? RuleSet.defaults() : RuleBook.parse(value, origin);
    }
}

package io.newsalerts.detect;

import io.newsalerts.aws.ParameterStore;
import io.newsalerts.rules.InvalidRulesException;
import io.newsalerts.rules.RuleBook;
import io.newsalerts.rules.RuleSet;

/**
 * Where detect's rules come from: the SSM parameter named by {@code RULES_SSM_PARAMETER} when set, else the rules file
 * in the jar. The parameter holds a rules file (JSON), or the word {@code bundled} for the jar's own — the value
 * template.yaml gives it, so a deployer overrides the rules by writing the parameter, with no rebuild. Read once per
 * container, at init; an unreadable or invalid file fails init with a message naming the rule and the field.
 */
public final class RulesSource {
    public static final String PARAMETER_ENV = "RULES_SSM_PARAMETER";
    static final String BUNDLED = "bundled";

    private RulesSource() {
    }

    /** A missing parameter throws {@link io.newsalerts.aws.AwsCallException.NotFound} naming it. */
    public static RuleSet load(String parameterName, ParameterStore parameters) {
        if (parameterName == null || parameterName.isBlank()) {
            return RuleSet.defaults();
        }
        String value = parameters.value(parameterName.strip());
        return fromValue(value, "SSM parameter " + parameterName.strip());
    }

    /** The rules a parameter value stands for. */
    static RuleSet fromValue(String value, String origin) {
        if (value == null || value.isBlank()) {
            throw new InvalidRulesException(origin + ": empty (write a rules file, or 'bundled' for the built-in one)");
        }
        return BUNDLED.equals(value.strip()) ? RuleSet.defaults() : RuleBook.parse(value, origin);
    }
}

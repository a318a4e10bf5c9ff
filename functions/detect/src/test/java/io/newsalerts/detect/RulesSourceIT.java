package io.newsalerts.detect;

import io.newsalerts.aws.AwsCallException;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.rules.InvalidRulesException;
import io.newsalerts.rules.Rule;
import io.newsalerts.rules.RuleSet;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.TestParameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deployer's override: a rules file in an SSM parameter (written with the real SDK client), read from the emulator. */
@ExtendWith(LocalAws.class)
class RulesSourceIT {

    private TestParameter parameter;
    private ParameterStore parameters;
    private String name;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        parameter = TestParameter.named(aws, "rules");
        parameters = parameter.store();
        name = parameter.name();
    }

    @Test
    void theParameterReplacesTheBundledRules() {
        parameter.put("""
                {"rules": [{"id": "houthi-rise", "kind": "yoy-doubling", "severity": "high",
                  "scope": {"actors": ["Houthis"]}, "parameters": {"factor": 1.5, "minBaseline": 5}}]}""");

        RuleSet rules = RulesSource.load(name, parameters, Clock.systemUTC()).get();

        assertThat(rules.rules()).extracting(Rule::id).containsExactly("houthi-rise");
    }

    @Test
    void bundledMeansTheRulesInTheJar() {
        parameter.put("bundled");

        assertThat(RulesSource.load(name, parameters, Clock.systemUTC()).get().rules()).extracting(Rule::id)
                .containsExactlyElementsOf(RuleSet.defaults().rules().stream().map(Rule::id).toList());
    }

    @Test
    void anInvalidFileFailsNamingTheParameterAndTheRule() {
        parameter.put("{\"rules\": [{\"id\": \"typo\", \"kind\": \"threshold\", \"severity\": \"low\", \"parameters\": {\"cout\": 3}}]}");

        assertThatThrownBy(() -> RulesSource.load(name, parameters, Clock.systemUTC()).get())
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("SSM parameter " + name + ": rule 'typo': unknown parameter 'cout'");
    }

    @Test
    void aMissingParameterFailsInit() {
        assertThatThrownBy(() -> RulesSource.load(name, parameters, Clock.systemUTC()).get()).isInstanceOf(AwsCallException.NotFound.class)
                .hasMessageContaining("SSM parameter " + name + ": ParameterNotFound");
    }
}

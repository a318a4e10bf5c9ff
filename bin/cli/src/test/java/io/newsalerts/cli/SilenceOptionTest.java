package io.newsalerts.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `run --silence`: a value it cannot take is a usage error naming the value, before anything is written. */
class SilenceOptionTest {

    @Test
    void anUntilThatIsNeitherAnInstantNorADurationIsAUsageError() {
        assertThatThrownBy(() -> RunCommand.silence(null, "actor=al-Shabab,until=soon"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--silence 'actor=al-Shabab,until=soon': until is neither an ISO-8601 instant "
                        + "(e.g. 2026-12-31T00:00:00Z) nor a duration from now (e.g. P30D, PT12H): soon");
    }

    @Test
    void anUnknownKeyIsAUsageError() {
        assertThatThrownBy(() -> RunCommand.silence(null, "actr=al-Shabab"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("expected key=value pairs with keys actor, region, rule, until, reason");
    }
}

package io.newsalerts.aws;

import io.newsalerts.testing.FaultyProxy;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.TestParameter;
import io.newsalerts.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deployer's setting in SSM (written with the real SDK client on the emulator), read through ParameterStore. */
@ExtendWith(LocalAws.class)
class ParameterSettingIT {
    private static final Duration STALE = ParameterSetting.MAX_AGE.plusSeconds(1);
    private static final FaultyProxy.Fault SSM_ACCESS_DENIED = new FaultyProxy.Fault(400, "application/x-amz-json-1.1",
            "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform ssm:GetParameter\"}");

    private TestParameter parameter;
    private ParameterStore parameters;
    private String name;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T12:00:00Z"));
    /** Every value parsed, in order; "bad..." values are rejected. */
    private final List<String> parsed = new ArrayList<>();
    private final BiFunction<String, String, String> parse = (value, origin) -> {
        parsed.add(value);
        if (value.startsWith("bad")) {
            throw new IllegalArgumentException(origin + ": not a valid file");
        }
        return value.toUpperCase();
    };

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        parameter = TestParameter.named(aws, "setting");
        parameters = parameter.store();
        name = parameter.name();
    }

    @Test
    void readAtOnceAndKeptUntilStale() {
        parameter.put("one");
        ParameterSetting<String> setting = ParameterSetting.read(name, parameters, parse, clock);
        assertThat(setting.get()).isEqualTo("ONE");

        parameter.put("two");
        clock.advance(ParameterSetting.MAX_AGE.minusSeconds(1));
        assertThat(setting.get()).isEqualTo("ONE");

        clock.advance(Duration.ofSeconds(2));
        assertThat(setting.get()).isEqualTo("TWO");
        assertThat(parsed).containsExactly("one", "two");
    }

    @Test
    void anUnchangedValueIsNotParsedAgain() {
        parameter.put("one");
        ParameterSetting<String> setting = ParameterSetting.read(name, parameters, parse, clock);
        String first = setting.get();

        clock.advance(STALE);
        assertThat(setting.get()).isSameAs(first);
        assertThat(parsed).containsExactly("one");
    }

    @Test
    void anInvalidNewValueKeepsTheLastGoodOneUntilFixed() {
        parameter.put("one");
        ParameterSetting<String> setting = ParameterSetting.read(name, parameters, parse, clock);

        parameter.put("bad file");
        clock.advance(STALE);
        assertThat(setting.get()).isEqualTo("ONE");
        assertThat(setting.get()).isEqualTo("ONE"); // not parsed again on every call
        assertThat(parsed).containsExactly("one", "bad file");

        parameter.put("three");
        clock.advance(STALE);
        assertThat(setting.get()).isEqualTo("THREE");
    }

    @Test
    void anUnreadableParameterKeepsTheLastGoodValue(LocalAws.Endpoint aws) {
        parameter.put("one");
        try (FaultyProxy proxy = FaultyProxy.in(aws.uri())) {
            ParameterSetting<String> setting = ParameterSetting.read(name,
                    new ParameterStore(Clients.forEndpoint(proxy.uri(), "us-east-1")), parse, clock);
            parameter.put("two");
            proxy.failNext(1, SSM_ACCESS_DENIED);
            clock.advance(STALE);

            assertThat(setting.get()).isEqualTo("ONE");
            assertThat(proxy.faultsServed()).isEqualTo(1);

            clock.advance(STALE);
            assertThat(setting.get()).isEqualTo("TWO");
        }
    }

    @Test
    void atInitAnInvalidOrMissingValueFailsNamingTheParameter() {
        assertThatThrownBy(() -> ParameterSetting.read(name, parameters, parse, clock))
                .isInstanceOf(AwsCallException.NotFound.class).hasMessageContaining("SSM parameter " + name);

        parameter.put("bad file");
        assertThatThrownBy(() -> ParameterSetting.read(name, parameters, parse, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SSM parameter " + name + ": not a valid file");
    }
}

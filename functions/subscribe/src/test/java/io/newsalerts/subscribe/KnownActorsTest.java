package io.newsalerts.subscribe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The actors a gazetteer parameter value lets subscriptions name. */
class KnownActorsTest {
    private static final String ORIGIN = "SSM parameter /newsalerts/gazetteer";

    @Test
    void bundledIsTheGazetteersActorsWithTheirAliases() {
        var names = KnownActors.fromValue("bundled", ORIGIN);

        assertThat(names).containsEntry("isis", "Islamic State").containsEntry("islamic state", "Islamic State")
                .doesNotContainKey("example front");
    }

    @Test
    void aFileAddsItsActorsToTheBundledOnes() {
        var names = KnownActors.fromValue("""
                {"actors": [{"name": "Example Front", "type": "armed", "aliases": ["EF fighters"], "acronyms": ["EF"]}]}""", ORIGIN);

        assertThat(names).containsEntry("example front", "Example Front").containsEntry("ef fighters", "Example Front")
                .containsEntry("ef", "Example Front").containsEntry("daesh", "Islamic State");
        var validator = new SubscriptionValidator(names, null);
        assertThat(validator.parse("{\"protocol\": \"email\", \"endpoint\": \"desk@example.org\", \"actors\": [\"EF\"]}")
                .actors()).containsExactly("Example Front");
    }

    @Test
    void anInvalidOrEmptyValueNamesTheParameter() {
        assertThatThrownBy(() -> KnownActors.fromValue("{\"actors\": [", ORIGIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(ORIGIN + ": extra gazetteer is not valid JSON");
        assertThatThrownBy(() -> KnownActors.fromValue(" ", ORIGIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(ORIGIN + ": empty");
    }
}

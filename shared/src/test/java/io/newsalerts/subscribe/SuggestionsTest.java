package io.newsalerts.subscribe;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

    private static final List<String> ACTORS = List.of("Islamic State", "Islamic State Khorasan Province", "Hezbollah",
            "Hamas", "Houthis", "Boko Haram", "al-Shabab");

    @Test
    void misspellingsFindTheNameTheyMeant() {
        assertThat(Suggestions.closest("Hizbollah", ACTORS, 3)).containsExactly("Hezbollah");
        assertThat(Suggestions.closest("al shabaab", ACTORS, 3)).containsExactly("al-Shabab");
        assertThat(Suggestions.closest("HOUTHI", ACTORS, 3)).containsExactly("Houthis");
    }

    @Test
    void aFragmentFindsTheNamesThatStartWithIt() {
        assertThat(Suggestions.closest("islamic", ACTORS, 3)).containsExactly("Islamic State", "Islamic State Khorasan Province");
    }

    @Test
    void nothingCloseGivesNothing() {
        assertThat(Suggestions.closest("Zetas", ACTORS, 3)).isEmpty();
        assertThat(Suggestions.closest("XX", List.of("UK", "US", "Iraq"), 3)).isEmpty();
    }

    @Test
    void swappedNeighboursCostOneEdit() {
        assertThat(Suggestions.distance("hamsa", "hamas")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}

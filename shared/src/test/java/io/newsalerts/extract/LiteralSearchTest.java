package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link LiteralSearch} answers as the regular expression it stands for ({@link LiteralSearch#pattern}). */
class LiteralSearchTest {

    /** Pieces of the extractor's phrases and characters that test the edges: case, marks, surrogates, '_'. */
    private static final List<String> PIECES = List.of("in ", "during ", "by ", "from ", "after ", "when ", "a ", "an ",
            "the ", "that ", "this ", "there", "Monday's ", "last week's ", "suicide ", "car ", "drone ", "attack", "strike",
            "air strike", "fire", "gunmen", "a gunman", "hit", "struck", "territory", "zone", "jets", "air force",
            "airstrikes", " ", "x", "é", "\u0301", "\u212A", "K", "_", "1", "\uD83D\uDE00", "IN ", "THE ", "ATTACK",
            "\uFF21", "\u0130", "-", "'", "s");

    @Test
    void findsTheShapesAsTheRegularExpressionWould() {
        // given
        LiteralSearch search = LiteralSearch.ignoringCase()
                .or(true, List.of("in ", "by "), List.of("a ", "the "), List.of("car ", ""), List.of("bomb", "attack"))
                .or(false, List.of("when "), List.of("a "));
        // then
        assertThat(search.find("Killed in a car bomb.")).isTrue();
        assertThat(search.find("BY THE ATTACK")).isTrue();
        assertThat(search.find("in a bombing")).isFalse(); // no boundary after "bomb"
        assertThat(search.find("within a car bomb")).isFalse(); // no boundary before "in"
        assertThat(search.find("in a truck bomb")).isFalse();
        assertThat(search.find("when a")).isFalse(); // the space after "a" is part of the shape
        assertThat(search.find("when a man")).isTrue();
        assertThat(LiteralSearch.exact().or(true, List.of("there")).find("THERE")).isFalse();
    }

    @Test
    void theExtractorsSearchesAnswerAsTheirPatterns() throws IOException {
        // given the corpus's lines, in their case, lower and upper, and strings made of the phrases' pieces
        List<String> texts = new ArrayList<>();
        for (String text : CorpusSentences.texts()) {
            texts.addAll(text.lines().toList());
        }
        Random random = new Random(4);
        for (int n = 0; n < 50_000; n++) {
            texts.add(CorpusSentences.joined(random, PIECES, 12));
        }
        int found = 0;
        for (LiteralSearch search : List.of(Extractor.SINGLE_INCIDENT, Extractor.PLACE_ANAPHOR, Extractor.AIR)) {
            var pattern = search.pattern();
            for (String text : texts) {
                for (String s : List.of(text, text.toLowerCase(Locale.ROOT), text.toUpperCase(Locale.ROOT))) {
                    // when
                    boolean expected = pattern.matcher(s).find();
                    // then
                    assertThat(search.find(s)).as("%s in: %s", pattern, s).isEqualTo(expected);
                    found += expected ? 1 : 0;
                }
            }
        }
        assertThat(found).as("the texts exercise the shapes").isGreaterThan(5_000);
    }
}

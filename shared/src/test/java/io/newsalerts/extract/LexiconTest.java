package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconTest {

    @Test
    void findsAWordFromTheTextInAnyCaseAndOnlyThatWord() {
        // given a lexicon that has to grow
        Lexicon lexicon = new Lexicon(16);
        for (int i = 0; i < 500; i++) {
            lexicon.intern("word" + i);
        }
        lexicon.addClass(List.of("the", "a", "responsibility", "u.s."), 4L);
        // when / then: short (packed), one-character and long words, found from the sentence's characters
        for (String text : List.of("The", "A", "RESPONSIBILITY", "U.S.", "word42", "WORD499")) {
            String lower = text.toLowerCase(Locale.ROOT);
            int id = lexicon.findAsciiLowered(text.toCharArray(), 0, text.length(), lower.hashCode(), packed(lower));
            assertThat(id).as(text).isEqualTo(lexicon.find(lower)).isNotEqualTo(Lexicon.UNKNOWN);
            assertThat(lexicon.word(id)).isEqualTo(lower);
        }
        assertThat(lexicon.classes(lexicon.find("the"))).isEqualTo(4L);
        assertThat(lexicon.classes(lexicon.find("word7"))).isZero();
        for (String text : List.of("Thee", "th", "B", "word500", "responsibilities")) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertThat(lexicon.findAsciiLowered(text.toCharArray(), 0, text.length(), lower.hashCode(), packed(lower)))
                    .as(text).isEqualTo(Lexicon.UNKNOWN);
        }
    }

    @Test
    void aTokenIsItsWordInAnyCaseWhetherKnownOrNot() {
        // given
        Tokens t = Tokenizer.tokenize("According To UNKNOWNWORDX, the Ministry said", Gazetteer.bundled().lexicon);
        // then
        assertThat(t.get(0).is("according")).isTrue();
        assertThat(t.get(2).is("unknownwordx")).isTrue();
        assertThat(t.get(2).is("unknownwordy")).isFalse();
        assertThat(t.get(2).lower()).isEqualTo("unknownwordx");
        assertThat(t.get(3).is(",")).isTrue();
        assertThat(t.get(5).text()).isEqualTo("Ministry");
    }

    /** As the tokenizer packs a word's characters (character i at bit 8i). */
    private static long packed(String lower) {
        long p = 0;
        for (int i = 0; i < Math.min(7, lower.length()); i++) {
            p |= (long) lower.charAt(i) << (8 * i);
        }
        return p;
    }
}

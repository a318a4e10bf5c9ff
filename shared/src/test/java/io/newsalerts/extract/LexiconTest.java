package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            int id = findAsciiLowered(lexicon, text);
            assertThat(id).as(text).isEqualTo(lexicon.find(lower)).isNotEqualTo(Lexicon.UNKNOWN);
            assertThat(lexicon.word(id)).isEqualTo(lower);
        }
        assertThat(lexicon.classes(lexicon.find("the"))).isEqualTo(4L);
        assertThat(lexicon.classes(lexicon.find("word7"))).isZero();
        for (String text : List.of("Thee", "th", "B", "word500", "responsibilities")) {
            assertThat(findAsciiLowered(lexicon, text)).as(text).isEqualTo(Lexicon.UNKNOWN);
        }
    }

    @Test
    void aWordsSlotHoldsItsIdAndClassesAfterTheTableGrew() {
        // given classes given before and after the table grows, to long, short and one-character words
        Lexicon lexicon = new Lexicon(16);
        lexicon.addClass(List.of("the", "a", ",", "responsibility"), 1L);
        for (int i = 0; i < 500; i++) {
            lexicon.intern("word" + i);
        }
        lexicon.addClass(List.of("the", "word7", "$", "responsibility"), 2L);
        lexicon.addClass(lexicon.find("word300"), 1L << 63);
        // then each word's slot has the id find answers and the classes classes(id) answers
        for (String text : List.of("The", "A", ",", "$", "RESPONSIBILITY", "word7", "Word300", "word499")) {
            String lower = text.toLowerCase(Locale.ROOT);
            int slot = lexicon.slotOfAsciiLowered(text.toCharArray(), 0, text.length(), lower.hashCode(), packed(lower));
            assertThat(slot).as(text).isNotEqualTo(Lexicon.NO_SLOT);
            assertThat(lexicon.idAt(slot)).as(text).isEqualTo(lexicon.find(lower));
            assertThat(lexicon.classesAt(slot)).as(text).isEqualTo(lexicon.classes(lexicon.find(lower)));
        }
        assertThat(lexicon.classes(lexicon.find("the"))).isEqualTo(3L);
        assertThat(lexicon.classes(lexicon.find("$"))).isEqualTo(2L);
        assertThat(lexicon.classes(lexicon.find("word300"))).isEqualTo(1L << 63);
        assertThat(lexicon.slotOfAsciiLowered("?".toCharArray(), 0, 1, "?".hashCode(), '?')).isEqualTo(Lexicon.NO_SLOT);
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

    @Test
    void aTokenRefusesAKnownWordMadeAtRunTimeWhereAssertionsAreOn() {
        // given: "state" is a known word (the lexicon interned it), compared by identity with a rule's literal
        Tokens t = Tokenizer.tokenize("Islamic State said", Gazetteer.bundled().lexicon);
        assertThat(t.get(1).id()).isNotEqualTo(Lexicon.UNKNOWN);
        String madeAtRunTime = new StringBuilder("sta").append("te").toString();
        // then: the test JVM runs with assertions (surefire's default), so the mistake fails loudly there
        assertThat(Token.class.desiredAssertionStatus()).isTrue();
        assertThatThrownBy(() -> t.get(1).is(madeAtRunTime))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("string literal");
        assertThat(t.get(1).is("state")).isTrue();
    }

    @Test
    void aNameEntryRefusesCapitalBitsThatDisagreeWithItsWordsWhereAssertionsAreOn() {
        // given: "Islamic State" has capitals on both words (bits 0 and 1)
        List<String> surface = List.of("Islamic", "State");
        // then
        assertThat(new Gazetteer.Entry(Gazetteer.Kind.ACTOR, "Islamic State", "jihadist", surface, false, false,
                List.of()).capitalized()).isEqualTo(0b11L);
        assertThatThrownBy(() -> new Gazetteer.Entry(Gazetteer.Kind.ACTOR, "Islamic State", "jihadist", surface,
                false, false, List.of(), 0b01L))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("disagree");
    }

    /** The id the tokenizer finds for an ASCII token. */
    private static int findAsciiLowered(Lexicon lexicon, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int slot = lexicon.slotOfAsciiLowered(text.toCharArray(), 0, text.length(), lower.hashCode(), packed(lower));
        return slot == Lexicon.NO_SLOT ? Lexicon.UNKNOWN : lexicon.idAt(slot);
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

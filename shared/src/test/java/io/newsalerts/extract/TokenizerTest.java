package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens made with the lexicon (words of ASCII letters and digits hashed as they are read, the others after)
 * are the tokens made without it, each with the id and classes the lexicon has for its lower case: on every
 * sentence of the corpus and on strings of the pieces where a word's characters vary ("don't", "Israel's", "Café",
 * "U.S.", "1,200", digits of other scripts).
 */
class TokenizerTest {

    private static final Lexicon LEXICON = Gazetteer.bundled().lexicon;

    private static final List<String> PIECES = List.of("the", "The", "THE", "Responsibility", "responsibilities",
            "don't", "Israel's", "'s", "'s1", "rock'n'roll", "Café", "café", "İstanbul", "naïve", "U.S.", "U.N.",
            "a.m.", "1,200", "2.5", "3rd", "H1", "foo_bar", "٢٠٢٤", "x٢", "—", "-", ",", ".", "\"", "(", "'", "$", "€",
            "a", "A", "said", "killed", "Kabul", "al", "Qaida", "militants", "abcdefgh", "abcdefg", "x", "7");

    @Test
    void sameTokensOnTheCorpus() throws IOException {
        List<String> sentences = CorpusSentences.all();
        assertThat(sentences).hasSizeGreaterThan(100);
        for (String s : sentences) {
            assertSameTokens(s);
        }
    }

    @Test
    void sameTokensWhereWordsVary() {
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            assertSameTokens(CorpusSentences.ofPieces(random, PIECES, 8, 3));
        }
    }

    private static void assertSameTokens(String s) {
        Tokens plain = Tokenizer.tokenize(s);
        Tokens known = Tokenizer.tokenize(s, LEXICON);
        assertThat(known).as(s).hasSameSizeAs(plain);
        for (int k = 0; k < plain.size(); k++) {
            Token p = plain.get(k);
            Token t = known.get(k);
            String lower = p.lower();
            String at = s + " token " + k;
            assertThat(t.start()).as(at).isEqualTo(p.start());
            assertThat(t.end()).as(at).isEqualTo(p.end());
            assertThat(t.type()).as(at).isEqualTo(p.type());
            assertThat(t.lower()).as(at).isEqualTo(lower);
            assertThat(t.id()).as(at).isEqualTo(LEXICON.find(lower));
            long classes = t.id() == Lexicon.UNKNOWN ? 0L : LEXICON.classes(t.id());
            for (int bit = 0; bit < 64; bit++) {
                assertThat(t.in(1L << bit)).as(at + " class " + bit).isEqualTo((classes & (1L << bit)) != 0);
            }
            boolean asciiWord = t.text().matches("[A-Za-z0-9]+");
            assertThat(t.plain()).as(at).isEqualTo(asciiWord);
            if (asciiWord) {
                assertThat(t.plainHash()).as(at).isEqualTo(t.text().toLowerCase(Locale.ROOT).hashCode());
            }
        }
    }
}

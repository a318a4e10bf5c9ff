package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PeriodPhrases#scan(String, Tokens, boolean)} finds the openers the pass over every character finds: on
 * every sentence of the corpus and on strings of the pieces where words and tokens part ("foo_bar", "don't",
 * "1,200", "U.S.", "'s1", "Café", other scripts' digits).
 */
class PeriodPhrasesTokensTest {

    private static final Lexicon LEXICON = Gazetteer.bundled().lexicon;

    private static final List<String> PIECES = List.of("the", "past", "last", "previous", "first", "six", "months",
            "of", "2024", "1,200", "2.5", "3rd", "H1", "Q3", "since", "May", "may", "October", "Oct.", "so", "far",
            "this", "year", "week", "same", "period", "in", "from", "between", "early", "mid-", "a", "quarter",
            "half", "prior", "U.S.", "don't", "Israel's", "'s1", "foo_bar", "_", "Café", "İstanbul", "٢٠٢٤", "20٢٤",
            "—", "-", ",", ".", "\"", "(", ")", "'", "x", "Monday", "yesterday", "monthsx", "quarterly", "24",
            "hours", "ago");

    @Test
    void sameOpenersOnTheCorpus() throws IOException {
        List<String> sentences = CorpusSentences.all();
        assertThat(sentences).hasSizeGreaterThan(100);
        for (String s : sentences) {
            assertSameOpeners(s);
        }
    }

    @Test
    void sameOpenersWhereWordsAndTokensPart() {
        Random random = new Random(5);
        for (int n = 0; n < 50_000; n++) {
            assertSameOpeners(CorpusSentences.ofPieces(random, PIECES, 12, 4));
        }
    }

    private static void assertSameOpeners(String s) {
        for (boolean anaphora : new boolean[]{false, true}) {
            PeriodPhrases byCharacters = PeriodPhrases.scan(s, anaphora);
            PeriodPhrases byTokens = PeriodPhrases.scan(s, Tokenizer.tokenize(s, LEXICON), anaphora);
            assertThat(byTokens.openers()).as(s).isEqualTo(byCharacters.openers());
            for (int k = 0; k < byCharacters.openers(); k++) {
                assertThat(byTokens.openerAt(k)).as(s).isEqualTo(byCharacters.openerAt(k));
                for (int bit = 0; bit < 31; bit++) {
                    assertThat(byTokens.opens(k, 1 << bit)).as(s + " opener " + k + " bit " + bit)
                            .isEqualTo(byCharacters.opens(k, 1 << bit));
                }
            }
        }
    }
}

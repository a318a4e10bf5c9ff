package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TokenPhrases} answers what the set of phrase strings answers for the tokens' lower cases joined by spaces:
 * on every run of one to three tokens of the corpus, with phrases taken from the corpus itself (in other case, with
 * symbols and non-ASCII words) and phrases no token run can spell.
 */
class TokenPhrasesTest {

    @Test
    void sameAnswersAsTheJoinedLowerCasesOnTheCorpus() throws IOException {
        // given the corpus' sentences, tokenized with a lexicon of their own
        Lexicon lexicon = new Lexicon(16);
        List<Tokens> sentences = new ArrayList<>();
        for (String s : CorpusSentences.all()) {
            sentences.add(Tokenizer.tokenize(s, lexicon));
        }
        // and phrases: every 7th run of one, two and three tokens, and a few that never occur
        Set<String> phrases = new HashSet<>(List.of("us$", "€", "first time above", "in excess of", "zzz qqq",
                "the the the"));
        int k = 0;
        for (Tokens t : sentences) {
            for (int end = 1; end <= t.size(); end++) {
                for (int words = 1; words <= 3 && words <= end; words++) {
                    if (k++ % 7 == 0) {
                        phrases.add(joined(t, end, words));
                    }
                }
            }
        }
        Lexicon phraseLexicon = new Lexicon(16);
        List<Tokens> retokenized = new ArrayList<>();
        TokenPhrases tokenPhrases = new TokenPhrases(phrases, phraseLexicon);
        for (String s : CorpusSentences.all()) {
            retokenized.add(Tokenizer.tokenize(s, phraseLexicon)); // after the phrases' words are in the lexicon
        }
        // then every run of the corpus is in the phrases exactly when its joined lower cases are
        int found = 0;
        for (Tokens t : retokenized) {
            for (int end = 0; end <= t.size() + 1; end++) {
                boolean any = false;
                for (int words = 1; words <= 3; words++) {
                    boolean expected = end - words >= 0 && end <= t.size() && phrases.contains(joined(t, end, words));
                    assertThat(tokenPhrases.has(t, end, words)).as(t + " end " + end + " words " + words)
                            .isEqualTo(expected);
                    any |= expected;
                    found += expected ? 1 : 0;
                }
                assertThat(tokenPhrases.endsAt(t, end)).isEqualTo(any);
            }
        }
        assertThat(found).isGreaterThan(1000);
    }

    @Test
    void aTokenTheLexiconDoesNotKnowIsInNoPhrase() {
        // given phrases of known words
        Lexicon lexicon = new Lexicon(16);
        TokenPhrases phrases = new TokenPhrases(List.of("of", "more than"), lexicon);
        // when a word the lexicon does not know stands before one: its id is not a shorter key
        Tokens t = Tokenizer.tokenize("Zanzibar of more than", lexicon);
        // then
        assertThat(phrases.has(t, 2, 1)).isTrue();
        assertThat(phrases.has(t, 2, 2)).isFalse();
        assertThat(phrases.has(t, 4, 2)).isTrue();
        assertThat(phrases.has(t, 4, 3)).isFalse();
    }

    @Test
    void refusesPhrasesOfMoreThanThreeWords() {
        assertThatThrownBy(() -> new TokenPhrases(List.of("one two three four"), new Lexicon(16)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String joined(Tokens t, int end, int words) {
        StringBuilder b = new StringBuilder();
        for (int k = end - words; k < end; k++) {
            b.append(k > end - words ? " " : "").append(t.get(k).text().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}

package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Chars} answers as {@link Character} and {@link Pattern} do, only faster for ASCII. */
class CharsTest {

    @Test
    void characterTestsAnswerAsCharacterDoes() {
        for (char c = 0; c < 0x3000; c++) {
            assertThat(Chars.isLetter(c)).as("letter %04x", (int) c).isEqualTo(Character.isLetter(c));
            assertThat(Chars.isDigit(c)).as("digit %04x", (int) c).isEqualTo(Character.isDigit(c));
            assertThat(Chars.isLetterOrDigit(c)).as("letter or digit %04x", (int) c)
                    .isEqualTo(Character.isLetterOrDigit(c));
            assertThat(Chars.isUpperCase(c)).as("upper %04x", (int) c).isEqualTo(Character.isUpperCase(c));
            assertThat(Chars.isWhitespace(c)).as("whitespace %04x", (int) c).isEqualTo(Character.isWhitespace(c));
            assertThat(Chars.isRegexWord(c)).as("\\w %04x", (int) c)
                    .isEqualTo(Pattern.matches("\\w", String.valueOf(c)));
        }
    }

    @Test
    void wordBoundaryIsWherePatternFindsOne() {
        // given texts of pieces where the engine's rules differ from a plain ASCII test: marks after letters and
        // after spaces, surrogate pairs, other scripts' letters and digits, '_'
        List<String> pieces = List.of("a", "Z", "7", "_", " ", ".", "-", "'", "é", "\u0301", "\u0300\u0301", "\u212A",
                "\u0130", "\uD83D\uDE00", "\uD835\uDC00", "٢", "\u00A0", "—", "ß");
        Pattern boundary = Pattern.compile("\\b");
        Random random = new Random(11);
        int boundaries = 0;
        for (int n = 0; n < 20_000; n++) {
            String s = CorpusSentences.joined(random, pieces, 8);
            Matcher m = boundary.matcher(s).useTransparentBounds(true);
            for (int i = 0; i <= s.length(); i++) {
                // when
                boolean expected = m.region(i, s.length()).lookingAt();
                // then
                assertThat(Chars.isWordBoundary(s, i)).as("at %d of \"%s\"", i, s).isEqualTo(expected);
                boundaries += expected ? 1 : 0;
            }
        }
        assertThat(boundaries).as("the texts have boundaries to find").isGreaterThan(10_000);
    }
}

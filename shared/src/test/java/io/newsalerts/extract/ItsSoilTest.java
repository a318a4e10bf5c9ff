package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Extractor#saysItsSoil} reads the sentence as its lower case would read. */
class ItsSoilTest {

    @Test
    void findsThePhrasesInAnyCase() {
        assertThat(Extractor.saysItsSoil("strikes on its soil")).isTrue();
        assertThat(Extractor.saysItsSoil("ITS TERRITORY was hit")).isTrue();
        assertThat(Extractor.saysItsSoil("visits soil samples")).isTrue(); // as the lower case contains it
        assertThat(Extractor.saysItsSoil("its  soil")).isFalse();
        assertThat(Extractor.saysItsSoil("its")).isFalse();
        assertThat(Extractor.saysItsSoil("İts soil")).isFalse(); // "i" and a combining dot
        assertThat(Extractor.saysItsSoil("ıts soil")).isFalse(); // dotless i stays itself
    }

    @Test
    void sameAnswerAsTheLowerCase() {
        // given strings of the phrases' letters in either case, and characters that case-fold to them elsewhere
        String alphabet = "itsoleryITSOLERY  \u0130\u0131\u017F\u212Ax";
        String[] pieces = {"its ", "soil", "territory", "ITS ", "Soil", "TERRITORY", "İts ", "\u017Foil"};
        Random random = new Random(11);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(24);
            while (b.length() < length) {
                if (random.nextInt(4) == 0) {
                    b.append(pieces[random.nextInt(pieces.length)]);
                } else {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String s = b.toString();
            String lower = s.toLowerCase(Locale.ROOT);
            // then
            assertThat(Extractor.saysItsSoil(s)).as(s)
                    .isEqualTo(lower.contains("its soil") || lower.contains("its territory"));
        }
    }
}

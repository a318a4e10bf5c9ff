package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Extractor#datelineAt} answers as the regular expression {@link Extractor#DATELINE} it stands for. */
class DatelineTest {

    private static final Pattern DATELINE = Pattern.compile(Extractor.DATELINE);

    @Test
    void readsWireDatelines() {
        // given
        String s = "KYIV, Ukraine (AP) — Russian drones struck the city overnight.";
        // when
        int[] m = Extractor.datelineAt(s, s.indexOf('('));
        // then
        assertThat(s.substring(0, m[0])).isEqualTo("KYIV");
        assertThat(s.substring(m[1])).startsWith("Russian drones");
        assertThat(Extractor.datelineAt("The army (AP) - said", 9)).isNull();
    }

    @Test
    void readsReutersDatelinesWithTheDay() {
        // given
        String withCity = "DUBAI, March 12 (Reuters) - Houthi rebels fired missiles.";
        String dayAlone = "July 25 (Reuters) - Ransomware gangs named victims.";
        // when
        int[] city = Extractor.datelineAt(withCity, withCity.indexOf('('));
        int[] day = Extractor.datelineAt(dayAlone, dayAlone.indexOf('('));
        // then
        assertThat(withCity.substring(0, city[0])).isEqualTo("DUBAI");
        assertThat(withCity.substring(city[1])).startsWith("Houthi rebels");
        assertThat(day[0]).as("no city").isZero();
        assertThat(dayAlone.substring(day[1])).startsWith("Ransomware gangs");
        assertThat(Extractor.datelineAt("In 2024 (AP) - it rained", 8)).isNull();
        String regionAndDay = "RAMALLAH, West Bank, Aug 29 (Reuters) - Israeli forces raided a camp.";
        int[] both = Extractor.datelineAt(regionAndDay, regionAndDay.indexOf('('));
        assertThat(regionAndDay.substring(0, both[0])).isEqualTo("RAMALLAH");
        assertThat(regionAndDay.substring(both[1])).startsWith("Israeli forces");
    }

    @Test
    void sameAnswerAsTheRegularExpression() {
        // given strings shaped like datelines, with the characters each part may hold and some it may not
        Random random = new Random(7);
        int matched = 0;
        for (int n = 0; n < 200_000; n++) {
            String s = candidate(random);
            int open = s.indexOf('(');
            if (open <= 0 || open >= 80) {
                continue;
            }
            // when
            Matcher m = DATELINE.matcher(s);
            int[] expected = !m.lookingAt() ? null : new int[]{m.start(1) < 0 ? 0 : m.end(1), m.end()};
            int[] actual = Extractor.datelineAt(s, open);
            // then
            assertThat(actual).as(s).satisfies(a -> assertThat(Arrays.equals(a, expected)).as(s).isTrue());
            matched += expected != null ? 1 : 0;
        }
        assertThat(matched).isGreaterThan(1_000); // the generator reaches the matching cases too
    }

    private static String candidate(Random r) {
        String any = "ABZaz ,.'-—()X1";
        StringBuilder b = new StringBuilder();
        if (r.nextInt(4) == 0) {
            int length = r.nextInt(90);
            for (int i = 0; i < length; i++) {
                b.append(any.charAt(r.nextInt(any.length())));
            }
            return b.toString();
        }
        if (r.nextInt(8) == 0) {
            // the day alone: "July 25", "Sept. 5", and near misses
            b.append(r.nextInt(6) > 0 ? 'J' : 'j');
            int letters = r.nextInt(10);
            for (int i = 0; i < letters; i++) {
                b.append("ulyA".charAt(r.nextInt(r.nextInt(10) == 0 ? 4 : 3)));
            }
            b.append(r.nextBoolean() ? "." : "").append(r.nextInt(6) > 0 ? " " : "").append(r.nextInt(120));
            return agencyAndRest(r, b, any);
        }
        int city = r.nextInt(46);
        for (int i = 0; i < city; i++) {
            b.append(i == 0 ? (r.nextBoolean() ? 'K' : 'a') : " ABC.'-xZ,".charAt(r.nextInt(r.nextInt(10) == 0 ? 10 : 7)));
        }
        if (r.nextBoolean()) {
            b.append(", ");
            if (r.nextInt(5) > 0) {
                b.append('U');
            }
            int region = r.nextInt(34);
            for (int i = 0; i < region; i++) {
                b.append("ab C.D1,".charAt(r.nextInt(r.nextInt(10) == 0 ? 8 : 7)));
            }
        }
        return agencyAndRest(r, b, any);
    }

    private static String agencyAndRest(Random r, StringBuilder b, String any) {
        b.append(r.nextInt(8) > 0 ? " (" : "(");
        if (r.nextInt(6) > 0) {
            b.append('A');
        }
        int agency = r.nextInt(24);
        for (int i = 0; i < agency; i++) {
            b.append("Pa. (".charAt(r.nextInt(r.nextInt(10) == 0 ? 5 : 4)));
        }
        if (r.nextInt(6) > 0) {
            b.append(')');
        }
        if (r.nextBoolean()) {
            b.append(' ');
        }
        int dashes = r.nextInt(4);
        for (int i = 0; i < dashes; i++) {
            b.append(r.nextBoolean() ? '—' : '-');
        }
        if (r.nextBoolean()) {
            b.append(' ');
        }
        int rest = r.nextInt(6);
        for (int i = 0; i < rest; i++) {
            b.append(any.charAt(r.nextInt(any.length())));
        }
        if (r.nextInt(3) == 0) {
            b.setCharAt(r.nextInt(b.length()), any.charAt(r.nextInt(any.length())));
        }
        return b.toString();
    }
}

package io.newsalerts.message;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the names, places and figures, an alert fits one GSM-7 SMS and one SNS subject line. Generated cases
 * come from a fixed seed, so a failure names a case that fails again on every run.
 */
class AlertMessageLimitsTest {

    private static final long SEED = 20240717L;
    private static final int GENERATED = 600;
    private static final List<String> COUNTRIES = List.of(Locale.getISOCountries());
    private static final List<String> ACTORS = List.of(
            "Islamic State", "Islamic State West Africa Province", "Hezbollah", "Вагнер", "الدولة الإسلامية", "伊斯兰国",
            "Ελληνική Ομάδα", "Forces de défense et de sécurité", "Kurdistan Workers' Party", "😀 emoji brigade {[~^|]}",
            "~".repeat(200), "€".repeat(90), "A".repeat(500), "Jama'at Nusrat al-Islam wal-Muslimin");
    private static final List<String> EVENTS = List.of(
            "attack", "drone attack", "fatality", "kidnapping", "ракетный удар", "\t", "x".repeat(300), "{[~]}".repeat(40));

    @ParameterizedTest
    @MethodSource("alerts")
    void smsIsOneGsm7MessageWhateverTheAlert(Alert alert) {
        String sms = AlertMessage.of(alert).sms();
        assertThat(Gsm7.isEncodable(sms)).as("GSM-7 only: %s", sms).isTrue();
        assertThat(Gsm7.septets(sms)).as("septets of %s", sms).isLessThanOrEqualTo(160);
        assertThat(sms.length()).isLessThanOrEqualTo(160);
        assertThat(sms).doesNotContain("\n", "\r").isNotBlank();
        // The figures are what the alert is about: they survive any shortening of names.
        assertThat(sms).contains(Long.toString(alert.current().count()));
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void emailSubjectIsOneAsciiLineUnderOneHundred(Alert alert) {
        String subject = AlertMessage.of(alert).emailSubject();
        assertThat(subject.length()).isLessThan(100);
        assertThat(subject).matches("\\p{Graph}[\\x20-\\x7E]*");
    }

    static Stream<Alert> alerts() {
        Random random = new Random(SEED);
        return IntStream.range(0, GENERATED).mapToObj(i -> alert(random));
    }

    private static Alert alert(Random r) {
        String actor = switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> ACTORS.get(r.nextInt(ACTORS.size()));
            case 2 -> anyText(r, 1 + r.nextInt(300));
            default -> latinish(r, 1 + r.nextInt(400));
        };
        List<String> regions = new ArrayList<>();
        int n = r.nextInt(5) == 0 ? r.nextInt(60) : r.nextInt(4);
        for (int i = 0; i < n; i++) {
            regions.add(COUNTRIES.get(r.nextInt(COUNTRIES.size())));
        }
        String eventType = r.nextBoolean() ? EVENTS.get(r.nextInt(EVENTS.size())) : anyText(r, 1 + r.nextInt(200));
        String area = List.of("Red Sea", "worldwide", "Mer Méditerranée", "Южно-Китайское море").get(r.nextInt(4));
        long current = 1 + (long) (Math.pow(10, r.nextInt(11)) * r.nextDouble());
        long baseline = 1 + (long) (Math.pow(10, r.nextInt(11)) * r.nextDouble());
        boolean projected = r.nextBoolean();
        double ratio = Math.round((2 + r.nextDouble() * Math.pow(10, r.nextInt(7))) * 100) / 100.0;
        Period cur = projected ? Period.of("2024-01-01", "2024-03-17") : Period.of("2024-01-05", "2024-02-10");
        Period base = projected ? Period.year(2023) : Period.of("2023-01-05", "2023-02-10");
        return new Alert(projected ? "yoy-projected-doubling" : "yoy-doubling",
                new SeriesKey(SeriesKey.Source.STATISTIC, actor, regions, eventType, regions.isEmpty() ? area : null),
                new Observation(cur, current), new Observation(base, baseline),
                projected ? current * 5 : null, ratio, Severity.values()[r.nextInt(3)],
                projected ? Period.year(2024) : cur);
    }

    /** Any code points at all: controls, surrogate pairs, right-to-left, combining marks, CJK. */
    private static String anyText(Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = r.nextInt(4) == 0 ? r.nextInt(0x1F000) : r.nextInt(0x3000);
            if (Character.isDefined(cp) && !Character.isSurrogate((char) cp)) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static String latinish(Random r, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz      ~€[]éüñ'-";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}

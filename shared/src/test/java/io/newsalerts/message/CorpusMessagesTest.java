package io.newsalerts.message;

import io.newsalerts.domain.AlertState;
import io.newsalerts.counting.Ledger;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Article;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;
import io.newsalerts.extract.ArticleReader;
import io.newsalerts.extract.BadArticleException;
import io.newsalerts.extract.Extractor;
import io.newsalerts.testing.Events;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert the article corpus can give — each series the extractor and the counting rules make of the labelled
 * corpus (shared/src/test/resources/corpus, when present) and the sample articles (events/articles), every later figure
 * against every earlier one, under both rules and in every lifecycle state, alone, grouped and in a digest — fits one
 * GSM-7 SMS of at most 160 characters and still carries its figure.
 */
class CorpusMessagesTest {

    @Test
    void everySmsTheCorpusCanProduceFitsOneGsm7Message() throws IOException {
        List<Alert> alerts = corpusAlerts();
        assertThat(alerts).as("the corpus must yield alerts, or this test checks nothing").hasSizeGreaterThanOrEqualTo(4);
        int checked = 0;
        for (Alert a : alerts) {
            for (AlertState state : AlertState.values()) {
                Alert n = a.withState(state);
                assertFits(AlertMessage.of(n).sms(), a);
                assertFits(new GroupMessage(List.of(n, n, n)).sms(), a);
                assertThat(AlertMessage.of(n).emailSubject().length()).isLessThan(100);
                checked++;
            }
            assertFits(new DigestMessage(LocalDate.of(2024, 7, 17), List.of(a, a)).sms(), a);
        }
        assertThat(checked).isEqualTo(alerts.size() * AlertState.values().length);
    }

    private static void assertFits(String sms, Alert a) {
        assertThat(Gsm7.isEncodable(sms)).as("GSM-7 only: %s", sms).isTrue();
        assertThat(sms.length()).as("length of %s", sms).isLessThanOrEqualTo(AlertMessage.SMS_LIMIT);
        assertThat(Gsm7.septets(sms)).as("septets of %s", sms).isLessThanOrEqualTo(AlertMessage.SMS_LIMIT);
        assertThat(sms).contains(Long.toString(a.current().count()));
    }

    /** Alerts of every (later, earlier) pair of figures in every series the corpus gives. */
    static List<Alert> corpusAlerts() throws IOException {
        Extractor extractor = Extractor.defaults();
        Ledger ledger = new Ledger();
        Set<SeriesKey> series = new LinkedHashSet<>();
        for (Path file : articles()) {
            Article article;
            try {
                article = ArticleReader.read(Files.readString(file), null, file.getFileName().toString());
            } catch (BadArticleException refused) {
                continue; // the corpus holds some articles the reader refuses on purpose: nothing to alert on
            }
            series.addAll(ledger.add(file.getFileName().toString(), article.published(), extractor.extract(article)));
        }
        List<Alert> out = new ArrayList<>();
        for (SeriesKey key : series) {
            List<Observation> obs = ledger.observations(key);
            for (Observation current : obs) {
                for (Observation baseline : obs) {
                    if (!baseline.period().end().isBefore(current.period().start()) || baseline.count() == 0) {
                        continue;
                    }
                    double ratio = Math.round(100.0 * current.count() / baseline.count()) / 100.0;
                    Period year = Period.year(current.period().end().getYear());
                    out.add(new Alert(AlertMessage.YOY_DOUBLING, key, current, baseline, null, ratio, Severity.MEDIUM,
                            current.period()));
                    long projected = Math.round(current.count() * (double) year.days() / current.period().days());
                    out.add(new Alert(AlertMessage.YOY_PROJECTED_DOUBLING, key, current, baseline, projected,
                            Math.round(100.0 * projected / baseline.count()) / 100.0, Severity.HIGH, year));
                }
            }
        }
        return out;
    }

    private static List<Path> articles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path corpus = Path.of("src/test/resources/corpus");
        for (Path dir : List.of(corpus, Events.dir().resolve("articles"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                        .filter(p -> p.getFileName().toString().matches(".*\\.(txt|json|html)"))
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }
}

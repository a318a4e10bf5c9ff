package io.newsalerts.aws;

import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reported figures in their slots on the emulator: corroboration keeps every source but a bounded set of evidence. */
@ExtendWith(LocalAws.class)
class CounterRepositoryIT {
    private static final SeriesKey SERIES = new SeriesKey(SeriesKey.Source.STATISTIC, "Islamic State", List.of("IQ", "SY"),
            "attack", null);
    private static final Period H1 = Period.of("2024-01-01", "2024-06-30");
    private static final LocalDate PUBLISHED = LocalDate.parse("2024-07-17");

    private CounterRepository counters;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("counters"));
        tables.create(aws.clients().dynamoDb());
        counters = new CounterRepository(aws.clients().dynamoDb(), tables.counters());
    }

    private static Evidence reprint(int outlet) {
        return new Evidence("Outlet " + outlet + " reprints: the group claimed 153 attacks in the first half of 2024.",
                "outlet-" + outlet, "CENTCOM");
    }

    private Observation slot() {
        return counters.series(SERIES).stream().filter(o -> o.period().equals(H1)).findFirst().orElseThrow();
    }

    @Test
    void aFigureEveryOutletReprintsKeepsEverySourceAndTheFirstEvidenceOnly() {
        int outlets = CounterRepository.MAX_EVIDENCE + 15;
        assertThat(counters.recordStatistic(SERIES, H1, 153, reprint(0), PUBLISHED)).isEqualTo(CounterRepository.Outcome.NEW);
        for (int i = 1; i < outlets; i++) {
            assertThat(counters.recordStatistic(SERIES, H1, 153, reprint(i), PUBLISHED)).as("outlet " + i)
                    .isEqualTo(CounterRepository.Outcome.CORROBORATED);
        }
        assertThat(slot().count()).isEqualTo(153);
        assertThat(slot().sources()).isEqualTo(outlets);
        assertThat(slot().evidence()).hasSize(CounterRepository.MAX_EVIDENCE)
                .allSatisfy(e -> assertThat(Integer.parseInt(e.source().substring("outlet-".length())))
                        .isLessThan(CounterRepository.MAX_EVIDENCE));

        // a redelivered report, and a different figure for the same half-year, change nothing
        assertThat(counters.recordStatistic(SERIES, H1, 153, reprint(outlets - 1), PUBLISHED))
                .isEqualTo(CounterRepository.Outcome.CORROBORATED);
        assertThat(counters.recordStatistic(SERIES, H1, 150, reprint(outlets), PUBLISHED))
                .isEqualTo(CounterRepository.Outcome.IGNORED);
        assertThat(slot().sources()).isEqualTo(outlets);
        assertThat(slot().evidence()).hasSize(CounterRepository.MAX_EVIDENCE);
    }

    @Test
    void theEmulatorRefusesEvidenceToAFullSlotWhenTheRepositoryDidNotSeeItFull() {
        // as when DynamoDB returns no item with a failed condition, or another writer filled the slot meanwhile
        for (int i = 0; i < CounterRepository.MAX_EVIDENCE; i++) {
            counters.recordStatistic(SERIES, H1, 153, reprint(i), PUBLISHED);
        }
        assertThat(counters.corroborate(SERIES, H1, 153, "late-outlet", "{\"sentence\":\"one more\"}")).isFalse();
        assertThat(slot().evidence()).hasSize(CounterRepository.MAX_EVIDENCE);
        assertThat(counters.corroborate(SERIES, H1, 153, "late-outlet", null)).isTrue();
        assertThat(slot().sources()).isEqualTo(CounterRepository.MAX_EVIDENCE + 1);
        assertThat(counters.corroborate(SERIES, H1, 150, "other-outlet", null)).as("another figure").isFalse();
    }
}

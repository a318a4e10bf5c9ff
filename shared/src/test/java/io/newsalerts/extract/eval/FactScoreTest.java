package io.newsalerts.extract.eval;

import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;
import io.newsalerts.extract.Extractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FactScoreTest {

    private static Fact fact(String actor, long count, String... regions) {
        return new Fact(actor, List.of(regions), "attack", count, Qualifier.EXACT, Period.year(2023),
                FactKind.REPORTED, null, "s", null);
    }

    @Test
    void factsMatchOnActorRegionsCountAndPeriodOnly() {
        Fact expected = fact("Islamic State", 121, "IQ", "SY");
        Fact differentTypeAndAttribution = new Fact("Islamic State", List.of("SY", "IQ"), "bombing", 121,
                Qualifier.APPROX, Period.year(2023), FactKind.INCIDENT, "someone", "other", null);
        assertThat(FactScore.matches(expected, differentTypeAndAttribution)).isTrue();
        assertThat(FactScore.matches(expected, fact("Islamic State", 122, "IQ", "SY"))).isFalse();
        assertThat(FactScore.matches(expected, fact("Islamic State", 121, "IQ"))).isFalse();
        assertThat(FactScore.matches(expected, fact(null, 121, "IQ", "SY"))).isFalse();
    }

    @Test
    void precisionRecallAndF1() {
        // given 2 expected, 3 extracted of which 1 matches
        FactScore s = FactScore.of(List.of(fact("A", 1, "IQ"), fact("B", 2, "IQ")),
                List.of(fact("A", 1, "IQ"), fact("C", 3, "IQ"), fact("D", 4, "IQ")));
        assertThat(s.truePositives()).isEqualTo(1);
        assertThat(s.falsePositives()).isEqualTo(2);
        assertThat(s.falseNegatives()).isEqualTo(1);
        assertThat(s.precision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(s.f1()).isCloseTo(0.4, within(1e-9));
        assertThat(s.missed()).extracting(Fact::actor).containsExactly("B");
    }

    @Test
    void aDuplicateExtractionCountsOnceAndThenAsSpurious() {
        FactScore s = FactScore.of(List.of(fact("A", 1, "IQ")), List.of(fact("A", 1, "IQ"), fact("A", 1, "IQ")));
        assertThat(s.truePositives()).isEqualTo(1);
        assertThat(s.falsePositives()).isEqualTo(1);
    }

    @Test
    void nothingExpectedAndNothingFoundIsPerfect() {
        assertThat(FactScore.of(List.of(), List.of()).f1()).isEqualTo(1.0);
        assertThat(FactScore.of(List.of(), List.of(fact("A", 1))).f1()).isEqualTo(0.0);
    }

    @Test
    void corpusDirectoryIsScoredPerFileAndInTotal(@TempDir Path dir) throws IOException {
        // given one article with its expected facts, and one without (work in progress)
        Files.writeString(dir.resolve("a.txt"), "date 2024-07-17 Headline\n\nISIS claimed 40 attacks in Iraq in 2023.\n");
        Files.writeString(dir.resolve("a.expected.json"), """
                {"facts":[{"actor":"Islamic State","regions":["IQ"],"eventType":"attack","count":40,
                  "qualifier":"exact","period":{"start":"2023-01-01","end":"2023-12-31"},"kind":"reported"}]}""");
        Files.writeString(dir.resolve("b.txt"), "date 2024-07-17 Headline\n\nNothing here.\n");
        // when
        CorpusScore score = CorpusScore.score(dir, Extractor.defaults());
        // then
        assertThat(score.files()).extracting(CorpusScore.FileScore::name).containsExactly("a.txt");
        assertThat(score.skipped()).containsExactly("b.txt");
        assertThat(score.total().f1()).isEqualTo(1.0);
        assertThat(score.report()).contains("TOTAL files=1 tp=1 fp=0 fn=0");
    }
}

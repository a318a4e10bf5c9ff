package io.newsalerts.cli;

import io.newsalerts.extract.Extractor;
import io.newsalerts.extract.eval.CorpusScore;
import io.newsalerts.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The labelled corpus must keep raising exactly the alerts an analyst expects from each article. */
class EvalCommandTest {

    /** Committed baseline; raise it when the corpus and rules improve, never lower it to make a change pass. */
    private static final double ALERTS_F1_BASELINE = 0.95;
    private static final Path CORPUS = Path.of("../../shared/src/test/resources/corpus");

    @Test
    void corpusAlertsStayAboveTheCommittedBaseline() throws Exception {
        CorpusScore facts = CorpusScore.score(CORPUS, Extractor.defaults());

        EvalCommand.AlertScore alerts = EvalCommand.scoreAlerts(CORPUS, facts, RuleSet.defaults());

        assertThat(alerts.tp()).as("the corpus must hold articles that should raise alerts").isGreaterThanOrEqualTo(4);
        assertThat(alerts.f1()).as(String.join("\n", alerts.differences())).isGreaterThanOrEqualTo(ALERTS_F1_BASELINE);
    }
}

package io.newsalerts.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.extract.Extractor;
import io.newsalerts.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled corpora scored with {@link FactScore}: each fails when facts F1, precision or recall drop below its
 * committed baseline (its baseline.json). src/test/resources/corpus holds the articles the rules were built on;
 * corpus-blind, three batches written without sight of the rules, each scored once before any rule changed for it
 * (facts F1 0.61, 0.48 and 0.60 then; for the third only a page's "Advertisement" line was fixed;
 * docs/extraction.md). Raise a baseline when the extractor improves; never lower it to make a change pass.
 */
class CorpusBaselineTest {

    private static Path corpus(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(CorpusBaselineTest.class.getResource("/" + name + "/baseline.json"))
                .toURI()).getParent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"corpus", "corpus-blind"})
    void corpusFactsScoreAtLeastTheCommittedBaseline(String name) throws IOException, URISyntaxException {
        // given
        Path dir = corpus(name);
        JsonNode baseline = Json.MAPPER.readTree(Files.readString(dir.resolve("baseline.json")));
        // when
        CorpusScore score = CorpusScore.score(dir, Extractor.defaults());
        // then
        String report = score.report();
        assertThat(score.skipped()).as("articles without NAME.expected.json").isEmpty();
        assertThat(score.files().size()).as(report).isGreaterThanOrEqualTo(baseline.get("files").asInt());
        assertThat(score.total().f1()).as(report).isGreaterThanOrEqualTo(baseline.get("f1").asDouble());
        assertThat(score.total().precision()).as(report).isGreaterThanOrEqualTo(baseline.get("precision").asDouble());
        assertThat(score.total().recall()).as(report).isGreaterThanOrEqualTo(baseline.get("recall").asDouble());
    }

    @ParameterizedTest
    @ValueSource(strings = {"corpus", "corpus-blind"})
    void everyExpectedFactIsWellFormed(String name) throws IOException, URISyntaxException {
        // every expected file parses into contract facts with sorted ISO regions
        try (var files = Files.list(corpus(name))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".expected.json")).toList()) {
                var facts = io.newsalerts.extract.FactJson.readList(Json.MAPPER.readTree(Files.readString(p)));
                facts.forEach(f -> assertThat(f.regions()).as(p.getFileName().toString())
                        .allMatch(r -> r.matches("[A-Z]{2}")));
            }
        }
    }
}

package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.counting.Ledger;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Article;
import io.newsalerts.extract.ArticleReader;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.extract.Extractor;
import io.newsalerts.extract.eval.CorpusScore;
import io.newsalerts.json.Json;
import io.newsalerts.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code alerts eval DIR}: extraction and alerting quality on a labelled corpus. Facts: a fact matches when actor,
 * region set, count and period agree. Alerts: each article is run alone through the counting rules and detection in
 * memory; an alert matches when rule, actor, region set and event type agree with one in the article's
 * {@code "alerts"} list.
 */
@Command(name = "eval", description = "Print precision, recall and F1 of facts and alerts on a labelled corpus directory.")
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "corpus: NAME.txt|.json|.html with NAME.expected.json")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Extractor extractor = Extractor.defaults();
        CorpusScore facts = CorpusScore.score(dir, extractor);
        System.out.print(facts.report());

        AlertScore alerts = scoreAlerts(dir, facts, RuleSet.defaults());
        alerts.differences().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "ALERTS tp=%d fp=%d fn=%d precision=%.3f recall=%.3f f1=%.3f%n",
                alerts.tp(), alerts.fp(), alerts.fn(), alerts.precision(), alerts.recall(), alerts.f1());
        System.out.printf(Locale.ROOT, "FACTS precision=%.3f recall=%.3f f1=%.3f%n",
                facts.total().precision(), facts.total().recall(), facts.total().f1());
        return 0;
    }

    /** Alert matches over a corpus: true positives, false positives, false negatives, and a line per difference. */
    record AlertScore(int tp, int fp, int fn, List<String> differences) {
        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        double f1() {
            return precision() + recall() == 0 ? 0.0 : 2 * precision() * recall() / (precision() + recall());
        }
    }

    /** Each article alone through the counting rules (in memory) and the rules; compared with its "alerts" list. */
    static AlertScore scoreAlerts(Path dir, CorpusScore facts, RuleSet rules) throws IOException {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> differences = new java.util.ArrayList<>();
        for (CorpusScore.FileScore f : facts.files()) {
            String stem = f.name().substring(0, f.name().lastIndexOf('.'));
            JsonNode expectedDoc = Json.MAPPER.readTree(dir.resolve(stem + ".expected.json").toFile());
            Set<String> expected = new TreeSet<>();
            expectedDoc.path("alerts").forEach(a -> expected.add(alertKey(a.path("rule").asText(),
                    a.hasNonNull("actor") ? a.get("actor").asText() : null, regions(a.path("regions")), a.path("eventType").asText())));
            Article article = ArticleReader.read(Files.readString(dir.resolve(f.name())), null, f.name());
            Ledger ledger = new Ledger();
            var changed = ledger.add(f.name(), article.published(), f.actual());
            Set<String> actual = new TreeSet<>();
            for (SeriesKey key : changed) {
                for (Alert a : rules.evaluate(key, ledger.observations(key))) {
                    actual.add(alertKey(a.rule(), a.series().actor(), a.series().regions(), a.series().eventType()));
                }
            }
            Set<String> hit = new HashSet<>(actual);
            hit.retainAll(expected);
            tp += hit.size();
            fp += actual.size() - hit.size();
            fn += expected.size() - hit.size();
            actual.stream().filter(k -> !expected.contains(k)).forEach(k -> differences.add("SPURIOUS ALERT " + f.name() + ": " + k));
            expected.stream().filter(k -> !actual.contains(k)).forEach(k -> differences.add("MISSED ALERT   " + f.name() + ": " + k));
        }
        return new AlertScore(tp, fp, fn, List.copyOf(differences));
    }

    private static List<String> regions(JsonNode a) {
        List<String> out = new java.util.ArrayList<>();
        a.forEach(r -> out.add(r.asText()));
        return out.stream().sorted().toList();
    }

    private static String alertKey(String rule, String actor, List<String> regions, String eventType) {
        return rule + " " + actor + " " + String.join("+", regions) + " " + eventType;
    }
}

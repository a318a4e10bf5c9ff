package io.newsalerts.extract.eval;

import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import io.newsalerts.extract.ArticleReader;
import io.newsalerts.extract.BadArticleException;
import io.newsalerts.extract.Extractor;
import io.newsalerts.extract.FactJson;
import io.newsalerts.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scores an extractor on a labelled corpus: a directory where each article {@code NAME.txt|.json|.html} has
 * {@code NAME.expected.json} = {@code {"facts": [...contract facts...], "alerts": [...optional...]}}.
 * Articles without an expected file are skipped (and listed), so a corpus can hold work in progress.
 *
 * @param files   per-article scores, in file-name order
 * @param total   the micro-averaged total over every article
 * @param skipped articles that have no expected file
 */
public record CorpusScore(List<FileScore> files, FactScore total, List<String> skipped) {

    /** One article's score, with the facts the extractor produced. */
    public record FileScore(String name, FactScore score, List<Fact> actual) {
    }

    public CorpusScore {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public static CorpusScore score(Path dir, Extractor extractor) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a corpus directory: " + dir);
        }
        List<Path> articles;
        try (Stream<Path> s = Files.list(dir)) {
            articles = s.filter(CorpusScore::isArticle).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<FileScore> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        FactScore total = FactScore.empty();
        for (Path p : articles) {
            String file = p.getFileName().toString();
            String stem = file.substring(0, file.lastIndexOf('.'));
            Path expectedPath = dir.resolve(stem + ".expected.json");
            if (!Files.exists(expectedPath)) {
                skipped.add(file);
                continue;
            }
            try {
                List<Fact> expected = FactJson.readList(Json.MAPPER.readTree(Files.readString(expectedPath, StandardCharsets.UTF_8)));
                Article article = ArticleReader.read(Files.readString(p, StandardCharsets.UTF_8), null, file);
                List<Fact> actual = extractor.extract(article);
                FactScore s = FactScore.of(expected, actual);
                files.add(new FileScore(file, s, actual));
                total = total.plus(s);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            } catch (BadArticleException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return new CorpusScore(files, total, skipped);
    }

    private static boolean isArticle(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && !n.endsWith(".expected.json") && !n.equals("baseline.json")
                && (n.endsWith(".txt") || n.endsWith(".json") || n.endsWith(".html") || n.endsWith(".htm"));
    }

    /** A plain report: one line per article, then the totals, then what was missed and what was spurious. */
    public String report() {
        StringBuilder b = new StringBuilder();
        for (FileScore f : files) {
            b.append(String.format(Locale.ROOT, "%-48s tp=%d fp=%d fn=%d f1=%.3f%n", f.name(),
                    f.score().truePositives(), f.score().falsePositives(), f.score().falseNegatives(), f.score().f1()));
        }
        b.append(String.format(Locale.ROOT, "TOTAL files=%d tp=%d fp=%d fn=%d precision=%.3f recall=%.3f f1=%.3f%n",
                files.size(), total.truePositives(), total.falsePositives(), total.falseNegatives(),
                total.precision(), total.recall(), total.f1()));
        for (FileScore f : files) {
            for (Fact m : f.score().missed()) {
                b.append("MISSED   ").append(f.name()).append(": ").append(describe(m)).append('\n');
            }
            for (Fact s : f.score().spurious()) {
                b.append("SPURIOUS ").append(f.name()).append(": ").append(describe(s)).append('\n');
            }
        }
        return b.toString();
    }

    private static String describe(Fact f) {
        return f.actor() + " " + f.regions() + (f.area() != null ? "(" + f.area() + ")" : "") + " " + f.eventType()
                + " " + f.count() + " " + f.period() + " " + f.kind().wire()
                + (f.sentence() != null ? "  <- " + f.sentence() : "");
    }
}

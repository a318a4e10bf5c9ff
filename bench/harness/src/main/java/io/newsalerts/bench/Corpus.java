package io.newsalerts.bench;

import io.newsalerts.domain.Article;
import io.newsalerts.extract.ArticleReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The articles the benchmarks read from disk: events/articles/*.txt and shared/src/test/resources/corpus/**. */
public final class Corpus {
    public record Doc(String name, String content, Article article) {
        public int bodyBytes() {
            return article.body().getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private Corpus() {
    }

    public static List<Path> dirs(Path root) {
        return Stream.of(root.resolve("events/articles"), root.resolve("shared/src/test/resources/corpus"))
                .filter(Files::isDirectory).toList();
    }

    /** Every readable article (files the reader rejects, e.g. labels, are left out). */
    public static List<Doc> load(Path root) {
        List<Doc> docs = new ArrayList<>();
        for (Path dir : dirs(root)) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    if (!(n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".json"))) {
                        continue;
                    }
                    String content = Files.readString(f);
                    try {
                        docs.add(new Doc(root.relativize(f).toString(), content, ArticleReader.read(content, null, n)));
                    } catch (RuntimeException notAnArticle) {
                        // e.g. a label file next to the articles
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalStateException("no articles under " + dirs(root));
        }
        return docs;
    }

    public static Path root() {
        String r = System.getProperty("newsalerts.root");
        return r != null ? Path.of(r) : io.newsalerts.smoke.Template.findRoot();
    }
}

package io.newsalerts.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Article;
import io.newsalerts.extract.ArticleReader;
import io.newsalerts.extract.BadArticleException;
import io.newsalerts.extract.Extractor;
import io.newsalerts.extract.FactJson;
import io.newsalerts.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code alerts extract FILE...}: one line per file, {"file", "published", "facts": [...]}. */
@Command(name = "extract", description = "Print the facts extracted from each article file, one JSON line per file.")
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "article files: text (first line 'date YYYY-MM-DD headline'), JSON envelope, or HTML")
    List<Path> files;

    @Mixin
    GazetteerOption gazetteer;

    @Override
    public Integer call() {
        Extractor extractor;
        try {
            extractor = gazetteer.extractor();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        int failures = 0;
        for (Path file : files) {
            try {
                String content = Files.readString(file);
                Article article = ArticleReader.read(content, null, file.getFileName().toString());
                ObjectNode line = Json.object();
                line.put("file", file.toString());
                line.put("published", article.published().toString());
                line.set("facts", FactJson.toJson(extractor.extract(article)));
                System.out.println(line);
            } catch (IOException | BadArticleException e) {
                System.err.println("error: " + file + ": " + e.getMessage());
                failures++;
            }
        }
        System.out.flush();
        return failures == 0 ? 0 : 2;
    }
}

package io.newsalerts.pipeline;

import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import io.newsalerts.extract.ArticleReader;
import io.newsalerts.extract.BadArticleException;
import io.newsalerts.extract.Extractor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The ingest stage: read an article in any accepted format, extract its facts, store both once. */
public final class Ingestion {

    /** What happened to one article: its id, how many facts it carried, and whether it was new. */
    public record Result(String articleId, List<Fact> facts, boolean stored) {
    }

    private final Extractor extractor;
    private final ArticleRepository articles;
    private final Clock clock;

    public Ingestion(Extractor extractor, ArticleRepository articles, Clock clock) {
        this.extractor = extractor;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * @param contentType media type if known (text/plain, text/html, application/json), else null to detect
     * @param name        file or object name if known, used as a format hint
     * @throws BadArticleException when the content is not an article we can read; nothing is written then
     */
    public Result ingest(String content, String contentType, String name) {
        Article article = ArticleReader.read(content, contentType, name);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1); // a day of slack for time zones
        if (article.published().isAfter(tomorrow)) {
            throw new BadArticleException("publication date " + article.published() + " is in the future");
        }
        List<Fact> facts = extractor.extract(article);
        boolean stored = articles.store(article, facts);
        return new Result(article.id(), facts, stored);
    }
}

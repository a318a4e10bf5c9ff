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
import java.util.function.Supplier;

/** The ingest stage: read an article in any accepted format, extract its facts, store both once. */
public final class Ingestion {

    /** What happened to one article: its id, how many facts it carried, and whether it was new. */
    public record Result(String articleId, List<Fact> facts, boolean stored) {
    }

    /**
     * Largest figure one fact may carry. Past it the number is a typo, a parse of an overflowing digit string (the
     * extractor caps those at Long.MAX_VALUE) or a joke, and summing it into a counter would poison the series for good.
     */
    public static final long MAX_PLAUSIBLE_COUNT = 1_000_000;

    private final Supplier<Extractor> extractor; // the deployer's gazetteer extension can change under a running function
    private final ArticleRepository articles;
    private final Clock clock;

    public Ingestion(Supplier<Extractor> extractor, ArticleRepository articles, Clock clock) {
        this.extractor = extractor;
        this.articles = articles;
        this.clock = clock;
    }

    public Ingestion(Extractor extractor, ArticleRepository articles, Clock clock) {
        this(() -> extractor, articles, clock);
    }

    /**
     * @param contentType media type if known (text/plain, text/html, application/json), else null to detect
     * @param name        file or object name if known, used as a format hint
     * @throws BadArticleException when the content is not an article we can read, or yields more facts than one
     *                             article's record can hold; nothing is written then
     */
    public Result ingest(String content, String contentType, String name) {
        int nul = content == null ? -1 : content.indexOf('\0');
        if (nul >= 0) {
            throw new BadArticleException("the content holds NUL characters (the first at offset " + nul
                    + "): binary data, not an article");
        }
        Article article = ArticleReader.read(content, contentType, name);
        if (article.url() != null && !article.url().isBlank() && !isWebAddress(article.url())) {
            throw new BadArticleException("url must be an absolute http or https address, got '"
                    + abbreviate(article.url()) + "'");
        }
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1); // a day of slack for time zones
        if (article.published().isAfter(tomorrow)) {
            throw new BadArticleException("publication date " + article.published() + " is in the future");
        }
        List<Fact> facts = extractor.get().extract(article);
        for (Fact f : facts) {
            if (f.count() < 0 || f.count() > MAX_PLAUSIBLE_COUNT) {
                throw new BadArticleException("implausible count " + f.count() + " (allowed 0.." + MAX_PLAUSIBLE_COUNT
                        + ") in: " + abbreviate(f.sentence()));
            }
        }
        boolean stored = articles.store(article, facts);
        return new Result(article.id(), facts, stored);
    }

    private static boolean isWebAddress(String url) {
        try {
            java.net.URI u = new java.net.URI(url.strip());
            return u.getScheme() != null && (u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    && u.getHost() != null && !u.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}

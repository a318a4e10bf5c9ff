package io.newsalerts.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A news article reduced to what extraction needs. The id is a content hash, so the same article posted twice
 * (or delivered twice) has the same id and is stored once.
 */
public record Article(String id, String url, String title, LocalDate published, String body) {

    public Article {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(body, "body");
        title = title == null ? "" : title;
    }

    public static Article of(String url, String title, LocalDate published, String body) {
        return new Article(idFor(url, title, published, body), url, title, published, body);
    }

    /** Same URL means same article (pages are re-scraped with different sidebars); without a URL, same text. */
    static String idFor(String url, String title, LocalDate published, String body) {
        String basis = url != null && !url.isBlank()
                ? "url:" + url.strip()
                : "text:" + published + "\n" + (title == null ? "" : title.strip()) + "\n" + body.strip();
        return Ids.sha256Hex(basis, 16);
    }

    /** Where the article came from, for evidence: its URL, else its headline. */
    public String source() {
        return url != null && !url.isBlank() ? url : title;
    }
}

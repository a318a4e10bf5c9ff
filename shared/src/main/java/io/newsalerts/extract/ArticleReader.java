package io.newsalerts.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.domain.Article;
import io.newsalerts.json.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article from what a caller posts or a scraper stored: a JSON envelope
 * {@code {url, title, publishedAt, body}}, an HTML page, or plain text whose first line is
 * {@code date YYYY-MM-DD headline}. The format is taken from the content type, else the file name, else the
 * content itself. Anything we cannot read fails with a {@link BadArticleException} that says what is wrong.
 */
public final class ArticleReader {

    private static final Pattern TEXT_HEADER = Pattern.compile("^\\s*date\\s+(\\S+)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"");
    private static final String DROP = "nav, header, footer, script, style, noscript, aside, figure, figcaption, form, "
            + "iframe, svg, button, template, [role=navigation], [role=complementary], [aria-hidden=true], "
            + "[class~=(?i)(related|teaser|sidebar|promo|newsletter|share|social|recommend|trending|most-read|"
            + "mostread|byline|caption|advert|ad-slot|ad-container|breadcrumb|subscribe|comments|tags|author)], "
            + "[id~=(?i)(related|sidebar|teaser|comments|newsletter|trending|recommend)]";

    /** A misspelt field ("publishedat", "text") would otherwise be dropped without a word. */
    private static final java.util.Set<String> ENVELOPE_FIELDS = java.util.Set.of("url", "title", "publishedAt", "body");

    private ArticleReader() {
    }

    public static Article read(String content, String contentTypeOrNull, String fileNameOrNull) {
        if (content == null || content.isBlank()) {
            throw new BadArticleException("empty article: no content"
                    + (fileNameOrNull != null ? " in " + fileNameOrNull : ""));
        }
        String body = content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
        String ct = contentTypeOrNull == null ? "" : contentTypeOrNull.toLowerCase(Locale.ROOT);
        String fn = fileNameOrNull == null ? "" : fileNameOrNull.toLowerCase(Locale.ROOT);
        String head = body.stripLeading();
        if (ct.contains("json") || fn.endsWith(".json")) {
            return json(body);
        }
        if (ct.contains("html") || fn.endsWith(".html") || fn.endsWith(".htm")) {
            return html(body, null);
        }
        if (ct.startsWith("text/plain") || fn.endsWith(".txt")) {
            return text(body);
        }
        if (head.startsWith("{")) {
            return json(body);
        }
        if (head.startsWith("<")) {
            return html(body, null);
        }
        return text(body);
    }

    // ------------------------------------------------------------------------------------------- plain text

    private static Article text(String content) {
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        Matcher m = TEXT_HEADER.matcher(lines[first]);
        if (!m.matches()) {
            throw new BadArticleException("plain-text article has no date: the first line must be "
                    + "'date YYYY-MM-DD headline', got '" + abbreviate(lines[first].strip()) + "'");
        }
        LocalDate date = date(m.group(1), "the first line's date");
        String title = m.group(2).strip();
        StringBuilder b = new StringBuilder();
        for (int i = first + 1; i < lines.length; i++) {
            b.append(lines[i]).append('\n');
        }
        String body = b.toString().strip();
        if (body.isEmpty()) {
            throw new BadArticleException("empty article: nothing follows the 'date " + m.group(1) + "' line");
        }
        return Article.of(null, title, date, body);
    }

    // ------------------------------------------------------------------------------------------- JSON

    private static Article json(String content) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new BadArticleException("invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadArticleException("invalid JSON article: expected an object {url, title, publishedAt, body}");
        }
        java.util.List<String> unknown = new java.util.ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!ENVELOPE_FIELDS.contains(f)) {
                unknown.add("'" + abbreviate(f) + "'");
            }
        });
        if (!unknown.isEmpty()) {
            throw new BadArticleException("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " in the JSON article (allowed: url, title, publishedAt, body)");
        }
        String body = field(root, "body", true);
        String published = field(root, "publishedAt", true);
        String title = field(root, "title", false);
        String url = field(root, "url", false);
        LocalDate date = date(published, "publishedAt");
        if (looksLikeHtml(body)) {
            Article fromHtml = html(body, date);
            return Article.of(url, title != null ? title : fromHtml.title(), date, fromHtml.body());
        }
        return Article.of(url, title, date, body.strip());
    }

    private static String field(JsonNode root, String name, boolean required) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadArticleException("missing field '" + name + "' in the JSON article");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new BadArticleException("field '" + name + "' must be a string, got " + v.getNodeType()
                    .toString().toLowerCase(Locale.ROOT));
        }
        if (required && v.asText().isBlank()) {
            throw new BadArticleException("empty field '" + name + "' in the JSON article");
        }
        return v.asText();
    }

    private static boolean looksLikeHtml(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("<p") || l.contains("</") || l.contains("<br") || l.contains("<div");
    }

    // ------------------------------------------------------------------------------------------- HTML

    private static Article html(String content, LocalDate knownDate) {
        Document doc = Jsoup.parse(content);
        String title = firstNonBlank(meta(doc, "meta[property=og:title]"), text(doc.selectFirst("h1")), doc.title());
        String url = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "href"),
                meta(doc, "meta[property=og:url]"));
        LocalDate date = knownDate;
        if (date == null) {
            String raw = firstNonBlank(meta(doc, "meta[property=article:published_time]"),
                    meta(doc, "meta[name=article:published_time]"), meta(doc, "meta[itemprop=datePublished]"),
                    meta(doc, "meta[name=pubdate]"), meta(doc, "meta[name=publish-date]"), meta(doc, "meta[name=date]"),
                    meta(doc, "meta[name=dc.date]"), meta(doc, "meta[name=DC.date.issued]"),
                    attr(doc.selectFirst("time[datetime]"), "datetime"), ldDate(doc));
            if (raw == null) {
                throw new BadArticleException("HTML article has no publication date (looked for "
                        + "article:published_time, datePublished, <time datetime>)");
            }
            date = date(raw, "the page's publication date");
        }
        Element root = contentRoot(doc);
        root.select(DROP).remove();
        StringBuilder b = new StringBuilder();
        Elements blocks = root.select("p, h2, h3, h4, blockquote, pre");
        if (blocks.isEmpty()) {
            b.append(root.wholeText());
        } else {
            for (Element e : blocks) {
                if (e.parents().stream().anyMatch(p -> p.tagName().equals("blockquote")) && !e.tagName().equals("blockquote")) {
                    continue;
                }
                String t = e.text().strip();
                if (!t.isEmpty()) {
                    b.append(t).append("\n\n");
                }
            }
        }
        String body = b.toString().strip();
        if (body.isEmpty()) {
            throw new BadArticleException("empty article: the HTML page has no article text");
        }
        return Article.of(url, title == null ? "" : title.strip(), date, body);
    }

    private static Element contentRoot(Document doc) {
        Element best = null;
        for (String sel : new String[]{"[itemprop=articleBody]", "article", "main", "[role=main]",
                "div.article-body, div.story-body, div.entry-content, div.post-content, div#article-body"}) {
            for (Element e : doc.select(sel)) {
                if (best == null || e.text().length() > best.text().length()) {
                    best = e;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return doc.body() != null ? doc.body() : doc;
    }

    private static String ldDate(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            Matcher m = LD_DATE.matcher(s.data());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String meta(Document doc, String selector) {
        return attr(doc.selectFirst(selector), "content");
    }

    private static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String v = e.attr(name);
        return v.isBlank() ? null : v.strip();
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------- dates

    /** An ISO date or date-time; a date-time's own calendar day (its offset, not UTC) is the publication date. */
    static LocalDate date(String raw, String what) {
        String s = raw.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            try {
                return OffsetDateTime.parse(s).toLocalDate();
            } catch (DateTimeParseException e) {
                // fall through
            }
            try {
                return ZonedDateTime.parse(s).toLocalDate();
            } catch (DateTimeParseException e) {
                // fall through
            }
            try {
                return LocalDateTime.parse(s).toLocalDate();
            } catch (DateTimeParseException e) {
                // fall through
            }
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX")).toLocalDate();
            } catch (DateTimeParseException e) {
                // fall through
            }
            if (s.length() > 10 && s.charAt(10) == ' ') {
                return LocalDate.parse(s.substring(0, 10));
            }
            return Instant.parse(s).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new BadArticleException("unparseable date in " + what + ": '" + abbreviate(s)
                    + "' (expected an ISO date like 2024-07-17 or date-time like 2024-07-17T03:14:00Z)", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

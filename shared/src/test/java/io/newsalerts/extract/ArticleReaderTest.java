package io.newsalerts.extract;

import io.newsalerts.domain.Article;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleReaderTest {

    private static final String PAGE = """
            <!doctype html><html><head><title>Site | Houthis claim ship attack</title>
            <meta property="article:published_time" content="2024-03-05T09:30:00+03:00">
            <link rel="canonical" href="https://news.example/houthis-ship">
            <script>var tracking = "153 attacks";</script><style>p{}</style></head>
            <body><header>Top stories 5h ago</header><nav><a>World</a><a>Sport</a></nav>
            <article><h1>Houthis claim ship attack</h1>
            <figure><img src="x.jpg"><figcaption>A ship burns (Photo, File)</figcaption></figure>
            <p>The Houthis said they attacked a cargo ship in the Red Sea on Monday.</p>
            <p>It was the group's second claim this week.</p>
            <aside class="related"><p>Related: 40 killed in unrelated story</p></aside>
            <div class="teaser-list"><p>Storm leaves 5,000 customers without power</p></div>
            </article><footer>Copyright 2024</footer></body></html>
            """;

    @Test
    void jsonEnvelopeWithDateTimeBecomesAnArticle() {
        // given
        String json = """
                {"url":"https://news.example/a","title":"Attacks rise","publishedAt":"2024-07-17T03:14:00Z",
                 "body":"IS has claimed 153 attacks in Iraq and Syria in the first six months of 2024."}""";
        // when
        Article a = ArticleReader.read(json, "application/json", null);
        // then
        assertThat(a.url()).isEqualTo("https://news.example/a");
        assertThat(a.title()).isEqualTo("Attacks rise");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 7, 17));
        assertThat(a.body()).startsWith("IS has claimed 153 attacks");
        assertThat(a.id()).isEqualTo(Article.of("https://news.example/a", "x", LocalDate.of(2024, 1, 1), "y").id());
    }

    @Test
    void jsonEnvelopeWithHtmlBodyKeepsOnlyTheText() {
        String json = """
                {"title":"t","publishedAt":"2024-07-17","body":"<p>First paragraph.</p><script>x()</script><p>Second.</p>"}""";
        Article a = ArticleReader.read(json, null, null);
        assertThat(a.body()).isEqualTo("First paragraph.\n\nSecond.");
    }

    @Test
    void htmlPageKeepsTheArticleBodyAndDropsChrome() {
        // when
        Article a = ArticleReader.read(PAGE, "text/html; charset=utf-8", null);
        // then
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(a.url()).isEqualTo("https://news.example/houthis-ship");
        assertThat(a.title()).isEqualTo("Houthis claim ship attack");
        assertThat(a.body()).contains("The Houthis said they attacked a cargo ship", "second claim this week")
                .doesNotContain("Top stories", "World", "Photo", "Related", "5,000 customers", "Copyright",
                        "tracking");
    }

    @Test
    void formatIsSniffedFromContentWhenNothingElseSaysIt() {
        assertThat(ArticleReader.read(PAGE, null, null).title()).isEqualTo("Houthis claim ship attack");
        assertThat(ArticleReader.read("{\"publishedAt\":\"2024-01-02\",\"body\":\"text\"}", null, null).published())
                .isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(ArticleReader.read("date 2024-01-02 Headline here\n\nBody text.", null, null).title())
                .isEqualTo("Headline here");
    }

    @Test
    void plainTextNeedsTheDateLine() {
        assertThatThrownBy(() -> ArticleReader.read("Just some text.\nMore.", null, "a.txt"))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("no date")
                .hasMessageContaining("date YYYY-MM-DD");
    }

    @Test
    void emptyContentIsRejected() {
        assertThatThrownBy(() -> ArticleReader.read("  \n ", null, "x.txt"))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ArticleReader.read("date 2024-01-01 Title only\n\n", null, null))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("empty");
    }

    @Test
    void invalidJsonIsRejectedWithTheParsersReason() {
        assertThatThrownBy(() -> ArticleReader.read("{\"body\": ", "application/json", null))
                .isInstanceOf(BadArticleException.class).hasMessageStartingWith("invalid JSON");
    }

    @Test
    void missingJsonFieldIsNamed() {
        assertThatThrownBy(() -> ArticleReader.read("{\"body\":\"x\"}", "application/json", null))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("missing field 'publishedAt'");
        assertThatThrownBy(() -> ArticleReader.read("{\"publishedAt\":\"2024-01-01\"}", null, "a.json"))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("missing field 'body'");
    }

    @Test
    void unparseableDateIsQuoted() {
        assertThatThrownBy(() -> ArticleReader.read("{\"publishedAt\":\"last Tuesday\",\"body\":\"x\"}", null, null))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("unparseable date")
                .hasMessageContaining("last Tuesday");
        assertThatThrownBy(() -> ArticleReader.read("date 17/07/2024 Title\nBody", null, null))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("17/07/2024");
    }

    @Test
    void htmlWithoutAPublicationDateIsRejected() {
        assertThatThrownBy(() -> ArticleReader.read("<html><body><p>Text</p></body></html>", "text/html", null))
                .isInstanceOf(BadArticleException.class).hasMessageContaining("no publication date");
    }

    @Test
    void dateTimeKeepsItsOwnCalendarDay() {
        // 23:30 in New York on July 16 is July 17 in UTC; the article's own day is July 16
        assertThat(ArticleReader.date("2024-07-16T23:30:00-04:00", "x")).isEqualTo(LocalDate.of(2024, 7, 16));
        assertThat(ArticleReader.date("2024-07-16 23:30:00", "x")).isEqualTo(LocalDate.of(2024, 7, 16));
    }
}

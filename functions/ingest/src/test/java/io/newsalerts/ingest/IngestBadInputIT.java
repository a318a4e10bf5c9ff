package io.newsalerts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.extract.Extractor;
import io.newsalerts.pipeline.Ingestion;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Whatever is posted to /articles, the answer is a 4xx problem document that says what is wrong, and the articles
 * table stays empty: nothing half-written, nothing crashed.
 */
@ExtendWith(LocalAws.class)
class IngestBadInputIT {

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";
    private static final String HTML = "text/html";
    private static final String STORY = "Militants launched 7 drone attacks on Ain al-Asad air base in Iraq on March 4, 2024, officials said.";

    private DynamoDbClient ddb;
    private Tables tables;
    private IngestHandler handler;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        ddb = aws.clients().dynamoDb();
        tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("badin"));
        tables.create(ddb);
        handler = new IngestHandler(new Ingestion(Extractor.defaults(), new ArticleRepository(ddb, tables.articles()),
                Clock.systemUTC()), null);
    }

    static ObjectNode post(String contentType, byte[] body, boolean base64) {
        return Events.post("ingest-post.json", contentType, body, base64);
    }

    private static Arguments text(String name, String contentType, String body, int status, String detail) {
        return arguments(name, post(contentType, body.getBytes(StandardCharsets.UTF_8), false), status, detail);
    }

    private static Arguments bytes(String name, String contentType, byte[] body, int status, String detail) {
        return arguments(name, post(contentType, body, true), status, detail);
    }

    private static String envelope(String fields) {
        return "{" + fields + "}";
    }

    /**
     * Well under the 1 MB limit, but a figure for every month of 74 years, each in a long sentence that is kept as its
     * evidence: more than DynamoDB's 400 KB item holds.
     */
    private static String monthlyFigures() {
        StringBuilder text = new StringBuilder("date 2024-07-17 Monthly attack figures since 1950\n\n");
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"};
        for (int year = 1950; year < 2024; year++) {
            for (String month : months) {
                text.append("Militants carried out ").append(5 + year % 7).append(" attacks in Iraq in ").append(month)
                        .append(' ').append(year).append(", according to figures a monitoring group compiled from police")
                        .append(" reports, hospital records, court filings, local radio and interviews with residents of")
                        .append(" the districts, church and mosque records, aid agencies' field notes and the regional")
                        .append(" governor's weekly bulletins, shared on condition that the group not be named.\n\n");
            }
        }
        return text.toString();
    }

    static Stream<Arguments> badArticles() {
        String dated = "\"publishedAt\": \"2024-03-05\"";
        String body = "\"body\": \"" + STORY + "\"";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff, (byte) 0xfe};
        return Stream.of(
                text("empty body", TEXT, "", 400, "empty"),
                text("only white space", TEXT, " \n\t \r\n ", 400, "empty"),
                text("one byte over the 1 MB limit", TEXT, "a".repeat(IngestHandler.MAX_ARTICLE_BYTES + 1), 413, "limit is 1000000"),
                text("more facts than an article's record holds", TEXT, monthlyFigures(), 400, "at most 400 KB per article"),
                text("invalid JSON", JSON, "{\"publishedAt\": \"2024-03-05\", \"body\": ", 400, "invalid JSON"),
                text("JSON that is an array", JSON, "[\"2024-03-05\", \"" + STORY + "\"]", 400, "expected an object"),
                text("JSON without a date", JSON, envelope(body), 400, "missing field 'publishedAt'"),
                text("JSON without a body", JSON, envelope(dated), 400, "missing field 'body'"),
                text("date given as a number that overflows", JSON, envelope("\"publishedAt\": 1e999, " + body), 400, "'publishedAt' must be a string"),
                text("impossible date", JSON, envelope("\"publishedAt\": \"2024-13-45\", " + body), 400, "unparseable date"),
                text("date in the future", JSON, envelope("\"publishedAt\": \"2999-01-01\", " + body), 400, "in the future"),
                text("body that is a number", JSON, envelope(dated + ", \"body\": 12345678901234567890123"), 400, "'body' must be a string"),
                text("unknown field", JSON, envelope(dated + ", " + body + ", \"severity\": \"high\""), 400, "unknown field 'severity'"),
                text("script URL", JSON, envelope(dated + ", " + body + ", \"url\": \"javascript:alert(1)\""), 400, "url"),
                text("deeply nested JSON", JSON, "[".repeat(100_000), 400, "invalid JSON"),
                text("JSON sent as text/html", HTML, envelope(dated + ", " + body), 400, "publication date"),
                text("image content type", "image/png", "date 2024-03-05 x\n\n" + STORY, 415, "image/png"),
                bytes("binary octet stream", "application/octet-stream", png, 415, "application/octet-stream"),
                bytes("binary without a content type", null, png, 400, "UTF-8"),
                bytes("Latin-1 bytes that are invalid UTF-8", TEXT,
                        ("date 2024-03-05 Caf\u00e9\n\n" + STORY).getBytes(StandardCharsets.ISO_8859_1), 400, "UTF-8"),
                text("NUL characters", TEXT, "date 2024-03-05 x\n\n\u0000\u0000\u0000\u0000", 400, "NUL"),
                text("plain text without a date line", TEXT, STORY, 400, "no date"),
                text("plain text with an impossible date", TEXT, "date 2024-02-30 x\n\n" + STORY, 400, "unparseable date"),
                text("plain text with a future date", TEXT, "date 2999-02-03 x\n\n" + STORY, 400, "in the future"),
                text("a count that overflows", TEXT, "date 2024-03-05 x\n\n"
                        + STORY.replace("7 drone", "99999999999999999999999 drone"), 400, "implausible count"),
                text("an absurd count", TEXT, "date 2024-03-05 x\n\n" + STORY.replace("7 drone", "3,000,000 drone"), 400, "implausible count"),
                text("HTML that is only a script", HTML, "<html><head><meta property=\"article:published_time\" content=\"2024-03-05\">"
                        + "</head><body><script>alert(document.cookie)</script></body></html>", 400, "no article text"),
                text("huge HTML without a date", HTML, "<html><body>" + "<span>word</span> ".repeat(45_000) + "</body></html>", 400, "no publication date"),
                text("deeply nested HTML without text", HTML, "<html><head><meta property=\"article:published_time\" content=\"2024-03-05\">"
                        + "</head><body>" + "<div>".repeat(50_000) + "</body></html>", 400, "no article text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArticles")
    void badArticleGetsAProblemNamingItAndNothingIsStored(String name, JsonNode event, int status, String detail) {
        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).as(name).isEqualTo(status);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = Lambda.body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).as(name).containsIgnoringCase(detail);
        assertThat(ddb.scan(b -> b.tableName(tables.articles())).count()).as("articles stored").isZero();
    }

    @Test
    void anythingButPostIsRefused() {
        ObjectNode event = post(TEXT, ("date 2024-03-05 x\n\n" + STORY).getBytes(StandardCharsets.UTF_8), false);
        ((ObjectNode) event.path("requestContext").path("http")).put("method", "GET");

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(405);
        assertThat(Lambda.body(response).path("detail").asText()).contains("POST");
        assertThat(ddb.scan(b -> b.tableName(tables.articles())).count()).isZero();
    }

    @Test
    void theSameStoryWellFormedIsAccepted() {
        JsonNode response = Lambda.invoke(handler, post(JSON, envelope("\"publishedAt\": \"2024-03-05\", \"body\": \"" + STORY
                + "\", \"url\": \"https://example.org/a\", \"title\": \"'; DROP TABLE articles; --\"").getBytes(StandardCharsets.UTF_8), false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        assertThat(Lambda.body(response).path("facts").asInt()).isEqualTo(1);
        assertThat(ddb.scan(b -> b.tableName(tables.articles())).count()).isEqualTo(1);
    }
}

package io.newsalerts.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.api.HttpRequest;
import io.newsalerts.api.HttpResponse;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.BulkDrops;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.aws.Priming;
import io.newsalerts.aws.Tables;
import io.newsalerts.extract.ArticleReader;
import io.newsalerts.extract.BadArticleException;
import io.newsalerts.extract.Extractor;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import io.newsalerts.pipeline.Ingestion;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Set;

/**
 * Ingest function, two triggers: HTTP API {@code POST /articles} (one article, answered synchronously) and S3
 * object-created (bulk drops). Either way the article is read, its facts extracted, and both stored once.
 */
public final class IngestHandler implements RequestStreamHandler {
    /** Largest article accepted, checked before any parsing. */
    public static final int MAX_ARTICLE_BYTES = 1_000_000;
    private static final Set<String> ACCEPTED_TYPES = Set.of("text/plain", "text/html", "application/json", "application/xhtml+xml");

    /** SnapStart priming: an HTTP request refused before any storage, and an article extracted. */
    private static final String PRIMING_EVENT = """
            {"version":"2.0","routeKey":"GET /articles","rawPath":"/articles","headers":{"content-type":"text/plain"},
             "requestContext":{"http":{"method":"GET","path":"/articles"}},"body":"priming","isBase64Encoded":false}""";
    private static final String PRIMING_ARTICLE = """
            date 2024-07-17 Militant attacks in the region rose in the first half of the year, officials said

            BAGHDAD - Islamic State militants carried out 153 attacks in Iraq and Syria in the first six months of 2024, \
            the U.S. Central Command said on Wednesday. The group carried out 121 attacks in 2023.
            """;

    private final Ingestion ingestion;
    private final BulkDrops drops;
    private Priming priming; // held here: the CRaC context keeps resources only weakly

    /** Called by Lambda: clients and the gazetteer built once per container, at init. */
    public IngestHandler() {
        this(Clients.fromEnvironment(), Tables.fromEnvironment().articles());
    }

    private IngestHandler(Clients clients, String table) {
        this(clients, clients.dynamoDb(), table);
    }

    private IngestHandler(Clients clients, DynamoDbClient ddb, String table) {
        this(clients, ddb, table, GazetteerSource.load(System.getenv(GazetteerSource.PARAMETER_ENV),
                new ParameterStore(clients), Clock.systemUTC()));
    }

    private IngestHandler(Clients clients, DynamoDbClient ddb, String table, Supplier<Extractor> extractor) {
        this(new Ingestion(extractor, new ArticleRepository(ddb, table), Clock.systemUTC()), new BulkDrops(clients));
        // primes the extractor the function uses: with the deployer's additions, the bundled-only one is never built
        this.priming = Priming.register("ingest", () -> prime(extractor.get(), ddb, table));
    }

    public IngestHandler(Ingestion ingestion, BulkDrops drops) {
        this.ingestion = ingestion;
        this.drops = drops;
    }

    /**
     * The hot path without storing anything: an HTTP event read and answered (405), the built-in article extracted,
     * and one PutItem to the function's own table (the only call its role allows) whose condition can never hold,
     * so DynamoDB writes nothing (it charges one write unit); marshalling, signing, HTTP and error reading are warm.
     */
    private void prime(Extractor extractor, DynamoDbClient ddb, String table) {
        try {
            handleRequest(new ByteArrayInputStream(PRIMING_EVENT.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        extractor.extract(ArticleReader.read(PRIMING_ARTICLE, "text/plain", null));
        try {
            ddb.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("__priming__")))
                    .conditionExpression("attribute_exists(id) AND attribute_not_exists(id)"));
        } catch (ConditionalCheckFailedException expected) {
            // always: nothing written
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        Metrics metrics = Metrics.of("ingest");
        try {
            if (HttpRequest.isHttpApiEvent(event)) {
                Json.MAPPER.writeValue(output, handleHttp(HttpRequest.fromEvent(event), metrics).toEvent());
            } else if (event.path("Records").path(0).path("eventSource").asText().equals("aws:s3")) {
                Json.MAPPER.writeValue(output, handleS3(event, metrics));
            } else {
                throw new IllegalArgumentException("ingest expects an HTTP API v2 request or an S3 event");
            }
        } catch (RuntimeException | IOException e) {
            if (metrics.get(Metrics.Name.Failures) == 0) { // failed S3 objects are already counted one by one
                metrics.add(Metrics.Name.Failures, 1);
            }
            throw e;
        } finally {
            metrics.flush();
        }
    }

    HttpResponse handleHttp(HttpRequest request) {
        return handleHttp(request, Metrics.of("ingest"));
    }

    private static void counted(Metrics metrics, Ingestion.Result result) {
        metrics.add(Metrics.Name.ArticlesIngested, result.stored() ? 1 : 0)
                .add(Metrics.Name.FactsExtracted, result.stored() ? result.facts().size() : 0);
    }

    HttpResponse handleHttp(HttpRequest request, Metrics metrics) {
        if (!"POST".equals(request.method())) {
            return HttpResponse.problem(405, "Method not allowed", "use POST /articles");
        }
        if (request.body().length == 0) {
            return HttpResponse.problem(400, "Empty article", "the request body is empty: send the article as text, HTML or a JSON envelope");
        }
        if (request.body().length > MAX_ARTICLE_BYTES) {
            return HttpResponse.problem(413, "Article too large",
                    "the article is " + request.body().length + " bytes; the limit is " + MAX_ARTICLE_BYTES);
        }
        String type = request.contentType();
        if (type != null && !ACCEPTED_TYPES.contains(type)) {
            return HttpResponse.problem(415, "Unsupported content type",
                    "content type '" + type + "' is not accepted: use text/plain, text/html or application/json");
        }
        try {
            Ingestion.Result result = ingestion.ingest(request.bodyUtf8(), type, null);
            Log.info("article ingested", "articleId", result.articleId(), "facts", result.facts().size(), "stored", result.stored());
            counted(metrics, result);
            ObjectNode body = Json.object();
            body.put("id", result.articleId());
            body.put("facts", result.facts().size());
            body.put("duplicate", !result.stored());
            return HttpResponse.json(result.stored() ? 201 : 200, body);
        } catch (BadArticleException | IllegalArgumentException e) {
            Log.warn("article rejected", "reason", e.getMessage());
            return HttpResponse.problem(400, "Bad article", e.getMessage());
        }
    }

    /** Every object is tried; if any failed, the invocation fails after the rest are done, so Lambda retries it. */
    private ObjectNode handleS3(JsonNode event, Metrics metrics) {
        List<String> failed = new ArrayList<>();
        ObjectNode out = Json.object();
        var results = out.putArray("articles");
        for (JsonNode r : event.path("Records")) {
            String bucket = r.path("s3").path("bucket").path("name").asText();
            String key = URLDecoder.decode(r.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
            long size = r.path("s3").path("object").path("size").asLong(0);
            try {
                if (size > MAX_ARTICLE_BYTES) {
                    throw new BadArticleException("object is " + size + " bytes; the limit is " + MAX_ARTICLE_BYTES);
                }
                // At most one byte over the limit is read, whatever size the event claims.
                BulkDrops.Drop object = drops.read(bucket, key, MAX_ARTICLE_BYTES);
                if (object.bytes().length > MAX_ARTICLE_BYTES) {
                    throw new BadArticleException("object is over the limit of " + MAX_ARTICLE_BYTES + " bytes");
                }
                Ingestion.Result result = ingestion.ingest(object.utf8(), object.contentType(), key);
                results.addObject().put("key", key).put("id", result.articleId()).put("facts", result.facts().size())
                        .put("duplicate", !result.stored());
                Log.info("article ingested", "bucket", bucket, "key", key, "articleId", result.articleId(),
                        "facts", result.facts().size(), "stored", result.stored());
                counted(metrics, result);
            } catch (RuntimeException e) {
                Log.error("object not ingested", e, "bucket", bucket, "key", key);
                metrics.add(Metrics.Name.Failures, 1);
                failed.add(key + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("could not ingest " + failed.size() + " object(s): " + String.join("; ", failed));
        }
        return out;
    }
}

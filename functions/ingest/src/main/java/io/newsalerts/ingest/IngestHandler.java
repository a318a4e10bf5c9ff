package io.newsalerts.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.api.HttpRequest;
import io.newsalerts.api.HttpResponse;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.Tables;
import io.newsalerts.extract.BadArticleException;
import io.newsalerts.extract.Extractor;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import io.newsalerts.pipeline.Ingestion;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ingest function, two triggers: HTTP API {@code POST /articles} (one article, answered synchronously) and S3
 * object-created (bulk drops). Either way the article is read, its facts extracted, and both stored once.
 */
public final class IngestHandler implements RequestStreamHandler {
    /** Largest article accepted, checked before any parsing. */
    public static final int MAX_ARTICLE_BYTES = 1_000_000;
    private static final Set<String> ACCEPTED_TYPES = Set.of("text/plain", "text/html", "application/json", "application/xhtml+xml");

    private final Ingestion ingestion;
    private final S3Client s3;

    /** Called by Lambda: clients and the gazetteer built once per container, at init. */
    public IngestHandler() {
        this(defaultIngestion(), Clients.fromEnvironment().configure(S3Client.builder()).build());
    }

    public IngestHandler(Ingestion ingestion, S3Client s3) {
        this.ingestion = ingestion;
        this.s3 = s3;
    }

    private static Ingestion defaultIngestion() {
        Clients clients = Clients.fromEnvironment();
        return new Ingestion(Extractor.defaults(),
                new ArticleRepository(clients.dynamoDb(), Tables.fromEnvironment().articles()), Clock.systemUTC());
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
                ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                        .range("bytes=0-" + MAX_ARTICLE_BYTES));
                if (object.asByteArray().length > MAX_ARTICLE_BYTES) {
                    throw new BadArticleException("object is over the limit of " + MAX_ARTICLE_BYTES + " bytes");
                }
                Ingestion.Result result = ingestion.ingest(object.asUtf8String(), object.response().contentType(), key);
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

package io.newsalerts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.BulkDrops;
import io.newsalerts.aws.Tables;
import io.newsalerts.extract.Extractor;
import io.newsalerts.pipeline.Ingestion;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAws.class)
class IngestHandlerIT {

    private DynamoDbClient ddb;
    private Tables tables;
    private S3Client s3;
    private IngestHandler handler;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        ddb = aws.clients().dynamoDb();
        tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("ingest"));
        tables.create(ddb);
        s3 = aws.clients().configure(S3Client.builder()).forcePathStyle(true).build();
        handler = new IngestHandler(new Ingestion(Extractor.defaults(), new ArticleRepository(ddb, tables.articles()),
                Clock.systemUTC()), new BulkDrops(aws.clients()));
    }

    private int storedArticles() {
        return ddb.scan(b -> b.tableName(tables.articles())).count();
    }

    @Test
    void postedArticleIsStoredWithItsFacts() {
        JsonNode response = Lambda.invoke(handler, Events.json("ingest-post.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        JsonNode body = Lambda.body(response);
        assertThat(body.path("facts").asInt()).isGreaterThanOrEqualTo(2);
        var item = ddb.getItem(b -> b.tableName(tables.articles())
                .key(java.util.Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(body.path("id").asText()))))
                .item();
        assertThat(ArticleRepository.fromItem(item).facts())
                .anySatisfy(f -> {
                    assertThat(f.actor()).isEqualTo("Islamic State");
                    assertThat(f.count()).isEqualTo(153);
                });
    }

    @Test
    void sameArticlePostedTwiceIsStoredOnce() {
        Lambda.invoke(handler, Events.json("ingest-post.json"));

        JsonNode again = Lambda.invoke(handler, Events.json("ingest-post.json"));

        assertThat(again.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Lambda.body(again).path("duplicate").asBoolean()).isTrue();
        assertThat(storedArticles()).isEqualTo(1);
    }

    @Test
    void emptyBodyIsRejectedAndNothingIsWritten() {
        ObjectNode event = Events.json("ingest-post.json").deepCopy();
        event.put("body", "");

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(Lambda.body(response).path("detail").asText()).contains("empty");
        assertThat(storedArticles()).isZero();
    }

    @Test
    void articleWithoutADateIsRejectedSayingSo() {
        ObjectNode event = Events.json("ingest-post.json").deepCopy();
        event.put("body", "Militants attacked a checkpoint overnight, officials said.");

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Lambda.body(response).path("detail").asText()).containsIgnoringCase("date");
        assertThat(storedArticles()).isZero();
    }

    @Test
    void unsupportedContentTypeIsRefused() {
        ObjectNode event = Events.json("ingest-post.json").deepCopy();
        ((ObjectNode) event.get("headers")).put("content-type", "image/png");

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(415);
        assertThat(storedArticles()).isZero();
    }

    @Test
    void articleDroppedInS3IsIngested() {
        JsonNode event = Events.json("ingest-s3.json");
        JsonNode s3Part = event.path("Records").get(0).path("s3");
        String bucket = LocalAws.Endpoint.uniqueName("drops");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key(s3Part.path("object").path("key").asText()).contentType("text/plain"),
                RequestBody.fromString(Events.text("articles/2024-07-17-is-attacks-iraq-syria.txt")));
        ObjectNode local = event.deepCopy();
        ((ObjectNode) local.path("Records").get(0).path("s3").path("bucket")).put("name", bucket);

        JsonNode response = Lambda.invoke(handler, local);

        assertThat(response.path("articles")).singleElement()
                .satisfies(a -> assertThat(a.path("facts").asInt()).isGreaterThanOrEqualTo(2));
        assertThat(storedArticles()).isEqualTo(1);
    }

    @Test
    void anS3EventForAnObjectThatIsGoneFailsTheInvocationNamingItAndStoresNothing() {
        ObjectNode event = Events.json("ingest-s3.json").deepCopy();
        String bucket = LocalAws.Endpoint.uniqueName("drops");
        s3.createBucket(b -> b.bucket(bucket));
        ((ObjectNode) event.path("Records").get(0).path("s3").path("bucket")).put("name", bucket);
        ((ObjectNode) event.path("Records").get(0).path("s3").path("object")).put("key", "gone+away.txt");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lambda.invoke(handler, event))
                .hasMessageContaining("could not ingest 1 object(s): gone away.txt: s3://" + bucket + "/gone away.txt: NoSuchKey");
        assertThat(storedArticles()).isZero();
    }
}

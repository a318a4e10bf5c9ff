package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.Tables;
import io.newsalerts.json.Json;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad record does not poison its batch: the rest is processed, the bad one is reported as a batch item failure,
 * retried as the mapping says, and then lands in the on-failure destination, from which its payload can be had.
 */
@ExtendWith(LocalAws.class)
class FailedBatchesIT {

    private LocalAws.Endpoint aws;
    private DynamoDbClient ddb;
    private SqsClient sqs;
    private Tables tables;
    private String failures;
    private LocalPipeline pipeline;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        this.aws = aws;
        ddb = aws.clients().dynamoDb();
        sqs = aws.sqs();
        tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("poison"));
        tables.create(ddb);
        failures = sqs.createQueue(b -> b.queueName(LocalAws.Endpoint.uniqueName("failures"))).queueUrl();
        pipeline = new LocalPipeline(aws.clients(), tables, null, a -> { }, Clock.systemUTC()).onFailureTo(sqs, failures);
    }

    private List<Message> failureMessages() {
        return sqs.receiveMessage(b -> b.queueUrl(failures).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    private long counters() {
        return ddb.scan(b -> b.tableName(tables.counters())).count();
    }

    @Test
    void aCorruptArticleInAStreamBatchEndsInTheOnFailureDestinationAndTheRestIsCounted() throws Exception {
        assertThat(pipeline.postArticle(ReplayIT.ARTICLES.get(2), "text/plain").path("statusCode").asInt()).isEqualTo(201);
        // An item no count function can read (its date is not a date) between two good articles.
        ddb.putItem(b -> b.tableName(tables.articles()).item(Map.of(
                "id", AttributeValue.fromS("corrupt-article"),
                "published", AttributeValue.fromS("yesterday-ish"),
                "source", AttributeValue.fromS("test"),
                "facts", AttributeValue.fromL(List.of()))));
        assertThat(pipeline.postArticle(ReplayIT.ARTICLES.get(3), "text/plain").path("statusCode").asInt()).isEqualTo(201);

        pipeline.drain();

        // Both good articles were counted: day items and calendar counters for 2023 and 2024.
        var keys = ddb.scan(b -> b.tableName(tables.counters())).items().stream().map(i -> i.get("period").s()).toList();
        assertThat(keys).contains("2023-02-10", "2024-02-10", "2023-01-01..2023-12-31", "2024-01-01..2024-12-31");
        List<Message> messages = failureMessages();
        assertThat(messages).singleElement();
        JsonNode record = Json.MAPPER.readTree(messages.getFirst().body());
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(LocalPipeline.MAX_ATTEMPTS);
        JsonNode info = record.path("DDBStreamBatchInfo");
        String streamArn = ddb.describeTable(b -> b.tableName(tables.articles())).table().latestStreamArn();
        assertThat(info.path("streamArn").asText()).isEqualTo(streamArn);
        assertThat(info.path("batchSize").asInt()).isBetween(1, 2);

        // As with Lambda, the record describes the batch; its payload is read back from the stream at the sequence number.
        var streams = aws.clients().dynamoDbStreams();
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(info.path("shardId").asText())
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(info.path("startSequenceNumber").asText())).shardIterator();
        var original = streams.getRecords(b -> b.shardIterator(iterator).limit(1)).records();
        assertThat(original).singleElement().satisfies(r -> {
            assertThat(r.dynamodb().newImage().get("id").s()).isEqualTo("corrupt-article");
            assertThat(r.dynamodb().newImage().get("published").s()).isEqualTo("yesterday-ish");
        });
    }

    @Test
    void aBadObjectInAnS3EventEndsInTheDeadLetterQueueAsTheOriginalEventAndTheOthersAreIngestedOnce() throws Exception {
        S3Client s3 = aws.clients().configure(S3Client.builder()).forcePathStyle(true).build();
        String bucket = LocalAws.Endpoint.uniqueName("drops");
        s3.createBucket(b -> b.bucket(bucket));
        put(s3, bucket, "good-1.txt", ReplayIT.ARTICLES.get(2));
        put(s3, bucket, "bad.txt", "no date line here, just words");
        put(s3, bucket, "good-2.txt", ReplayIT.ARTICLES.get(3));
        ObjectNode event = Events.json("ingest-s3.json");
        ArrayNode records = (ArrayNode) event.get("Records");
        ObjectNode template = (ObjectNode) records.get(0);
        records.removeAll();
        for (String key : List.of("good-1.txt", "bad.txt", "good-2.txt")) {
            ObjectNode r = template.deepCopy();
            ((ObjectNode) r.path("s3").path("bucket")).put("name", bucket);
            ((ObjectNode) r.path("s3").path("object")).put("key", key).put("size", 200);
            records.add(r);
        }

        JsonNode response = pipeline.invokeIngestAsync(event);

        assertThat(response).as("every attempt failed").isNull();
        assertThat(ddb.scan(b -> b.tableName(tables.articles())).count()).as("good articles, each once").isEqualTo(2);
        List<Message> messages = failureMessages();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(Json.MAPPER.readTree(m.body())).isEqualTo(event);
            assertThat(m.messageAttributes().get("ErrorMessage").stringValue()).contains("bad.txt").contains("no date");
            assertThat(m.messageAttributes().get("RequestID").stringValue()).isNotBlank();
        });
        // The good ones flow on to counting.
        pipeline.drain();
        assertThat(counters()).isGreaterThan(0);
    }

    private static void put(S3Client s3, String bucket, String key, String text) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain"), RequestBody.fromString(text));
    }
}

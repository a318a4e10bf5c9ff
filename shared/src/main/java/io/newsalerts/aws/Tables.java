package io.newsalerts.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.List;

/**
 * Table names and shapes. template.yaml declares the same tables for AWS; this creates them on a local emulator
 * (tests, bin/alerts). Keep the two in step.
 */
public record Tables(String articles, String counters, String alerts, String silences) {

    public static final String PENDING_INDEX = "pending";

    /** Names from the environment, as template.yaml sets them on each function. */
    public static Tables fromEnvironment() {
        return new Tables(System.getenv("ARTICLES_TABLE"), System.getenv("COUNTERS_TABLE"), System.getenv("ALERTS_TABLE"),
                System.getenv("SILENCES_TABLE"));
    }

    public static Tables withPrefix(String prefix) {
        return new Tables(prefix + "-articles", prefix + "-counters", prefix + "-alerts", prefix + "-silences");
    }

    /** Creates all four tables (the first three with their streams), waiting until each is active. */
    public void create(DynamoDbClient ddb) {
        for (CreateTableRequest table : definitions()) {
            ddb.createTable(table);
        }
        for (String t : new String[] {articles, counters, alerts, silences}) {
            ddb.waiter().waitUntilTableExists(b -> b.tableName(t));
        }
    }

    /**
     * The four tables as template.yaml declares them (keys, index, streams; TTL is set separately): what local runs
     * and tests create. TablesMatchTemplateTest (bin/smoke) holds the two together.
     */
    public List<CreateTableRequest> definitions() {
        return List.of(
                CreateTableRequest.builder()
                        .tableName(articles)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attr("id"))
                        .keySchema(hash("id"))
                        .streamSpecification(stream(StreamViewType.NEW_IMAGE))
                        .build(),
                CreateTableRequest.builder()
                        .tableName(counters)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attr("series"), attr("period"))
                        .keySchema(hash("series"), KeySchemaElement.builder().attributeName("period").keyType(KeyType.RANGE).build())
                        .streamSpecification(stream(StreamViewType.NEW_AND_OLD_IMAGES))
                        .build(),
                CreateTableRequest.builder()
                        .tableName(alerts)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attr("id"), attr("pending"))
                        .keySchema(hash("id"))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                                .indexName(PENDING_INDEX)
                                .keySchema(hash("pending"))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())
                        .streamSpecification(stream(StreamViewType.NEW_IMAGE))
                        .build(),
                CreateTableRequest.builder()
                        .tableName(silences)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attr("id"))
                        .keySchema(hash("id"))
                        .build());
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static StreamSpecification stream(StreamViewType view) {
        return StreamSpecification.builder().streamEnabled(true).streamViewType(view).build();
    }
}

package io.newsalerts.aws;

import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ItemSize's reckoning against the emulator's: an item of exactly the limit is stored, one byte more is refused. */
@ExtendWith(LocalAws.class)
class ItemSizeIT {
    private DynamoDbClient ddb;
    private String table;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        ddb = aws.clients().dynamoDb();
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("size"));
        tables.create(ddb);
        table = tables.articles();
    }

    /** An item shaped like an article's (a list of maps, a number), padded to {@code bytes} by ItemSize. */
    private static Map<String, AttributeValue> itemOf(long bytes) {
        Map<String, AttributeValue> fact = Map.of("sentence", AttributeValue.fromS("Militants carried out 9 attacks."),
                "count", AttributeValue.fromN("9"), "regions", AttributeValue.fromL(List.of(AttributeValue.fromS("IQ"))));
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a1"),
                "facts", AttributeValue.fromL(List.of(AttributeValue.fromM(fact))), "pad", AttributeValue.fromS(""));
        String pad = "p".repeat((int) (bytes - ItemSize.of(item)));
        return Map.of("id", item.get("id"), "facts", item.get("facts"), "pad", AttributeValue.fromS(pad));
    }

    @Test
    void anItemOfExactlyTheLimitIsStoredAndOneByteMoreIsRefused() {
        Map<String, AttributeValue> atLimit = itemOf(ItemSize.MAX_BYTES);
        assertThat(ItemSize.of(atLimit)).isEqualTo(ItemSize.MAX_BYTES);
        ddb.putItem(b -> b.tableName(table).item(atLimit));
        assertThat(ddb.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a1")))).hasItem()).isTrue();

        Map<String, AttributeValue> over = itemOf(ItemSize.MAX_BYTES + 1);
        assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(table).item(over)))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("size");
    }
}

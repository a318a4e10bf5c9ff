package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.Tables;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stream read in lanes, as a mapping with ParallelizationFactor > 1 reads it: every record handed on exactly once,
 * each partition key's records all in one lane and in the order they were written, the work spread over the lanes.
 */
@ExtendWith(LocalAws.class)
class StreamPumpLanesIT {

    @Test
    void everyRecordOnceEachKeyInOneLaneInOrder(LocalAws.Endpoint aws) {
        DynamoDbClient ddb = aws.clients().dynamoDb();
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("lanes"));
        tables.create(ddb);
        // 12 series written 5 times each, interleaved: an INSERT, then MODIFY records of the same key
        int series = 12;
        int writes = 5;
        for (int w = 0; w < writes; w++) {
            for (int s = 0; s < series; s++) {
                String count = Integer.toString(w);
                String key = "S|actor-" + s + "|IQ|attack|-";
                ddb.putItem(b -> b.tableName(tables.counters()).item(Map.of(
                        "series", AttributeValue.fromS(key), "period", AttributeValue.fromS("2024-01-01..2024-12-31"),
                        "count", AttributeValue.fromN(count))));
            }
        }
        StreamPump pump = new StreamPump(ddb, aws.clients().dynamoDbStreams(), tables.counters(),
                aws.clients().region().id(), LocalPipeline.BATCH_SIZE, 2);

        Map<String, Integer> laneOfKey = new HashMap<>();
        Map<String, BigInteger> lastSequenceOfKey = new HashMap<>();
        Map<String, List<Long>> countsOfKey = new HashMap<>();
        Set<String> sequenceNumbers = new HashSet<>();
        int[] recordsPerLane = new int[2];
        for (boolean more = true; more; ) {
            more = false;
            for (int lane = 0; lane < 2; lane++) {
                ObjectNode batch = pump.poll(lane);
                if (batch == null) {
                    continue;
                }
                more = true;
                assertThat(batch.path("Records").size()).isBetween(1, LocalPipeline.BATCH_SIZE);
                for (JsonNode r : batch.path("Records")) {
                    String key = r.path("dynamodb").path("Keys").path("series").path("S").asText();
                    String seq = r.path("dynamodb").path("SequenceNumber").asText();
                    assertThat(sequenceNumbers.add(seq)).as("record %s handed on once", seq).isTrue();
                    Integer laneBefore = laneOfKey.putIfAbsent(key, lane);
                    assertThat(laneBefore == null ? lane : laneBefore).as("the lane of %s", key).isEqualTo(lane);
                    BigInteger previous = lastSequenceOfKey.put(key, new BigInteger(seq));
                    assertThat(previous == null || previous.compareTo(new BigInteger(seq)) < 0).as("%s in order", key).isTrue();
                    countsOfKey.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(r.path("dynamodb").path("NewImage").path("count").path("N").asLong());
                    recordsPerLane[lane]++;
                }
            }
        }

        assertThat(sequenceNumbers).hasSize(series * writes);
        assertThat(countsOfKey).hasSize(series);
        countsOfKey.values().forEach(counts -> assertThat(counts).containsExactly(0L, 1L, 2L, 3L, 4L));
        assertThat(recordsPerLane[0]).as("records in lane 0").isPositive();
        assertThat(recordsPerLane[1]).as("records in lane 1").isPositive();
        assertThat(pump.poll(0)).isNull();
        assertThat(pump.poll(1)).isNull();
    }

    @Test
    void aParallelizationFactorOutsideLambdasRangeIsRefused() {
        assertThatThrownBy(() -> new StreamPump(null, null, "t", "us-east-1", 10, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 10, got 11");
        assertThatThrownBy(() -> new StreamPump(null, null, "t", "us-east-1", 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 10, got 0");
    }
}

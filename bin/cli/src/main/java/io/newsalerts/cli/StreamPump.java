package io.newsalerts.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one table's stream through the DynamoDB Streams API and turns what it reads into the event Lambda's
 * event-source mapping would deliver ({"Records": [...]}, each with eventName, dynamodb.Keys/NewImage/OldImage,
 * SequenceNumber), in batches of at most {@code batchSize} records of one shard.
 *
 * <p>As Lambda's poller does, it reads each shard with GetRecords' own limit (up to 1,000 records a call) and cuts
 * what it read into batches, rather than one GetRecords per batch; and it lists the stream's shards
 * (DescribeStream) when it starts, when a shard it reads has ended, and at most every {@link #SHARD_REFRESH} after,
 * rather than before every poll.
 *
 * <p>With {@code lanes} > 1 it serves that many batches at once, as a mapping with that ParallelizationFactor does:
 * each record goes to the lane its partition key hashes to, so one key's records stay in order in one lane.
 */
final class StreamPump {
    /** How long a list of shards is trusted while every shard in it is still open. */
    static final java.time.Duration SHARD_REFRESH = java.time.Duration.ofSeconds(10);
    private static final int READ_LIMIT = 1_000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final int batchSize;
    private final String partitionKey;
    private final Map<String, String> iterators = new LinkedHashMap<>(); // shard id -> next iterator (null: ended)
    /** Per lane: shard id -> records read, not yet handed on. */
    private final List<Map<String, java.util.ArrayDeque<Record>>> buffered = new ArrayList<>();
    /** Per lane: sequence number -> shard id, of the lane's last batch. */
    private final List<Map<String, String>> lastBatchShards = new ArrayList<>();
    private long shardsListedAt = Long.MIN_VALUE;
    private boolean shardEnded = true;

    StreamPump(DynamoDbClient ddb, DynamoDbStreamsClient streams, String table, String region, int batchSize, int lanes) {
        if (lanes < 1 || lanes > 10) {
            throw new IllegalArgumentException("a mapping's ParallelizationFactor is 1 to 10, got " + lanes);
        }
        this.streams = streams;
        this.region = region;
        this.batchSize = batchSize;
        var description = ddb.describeTable(b -> b.tableName(table)).table();
        this.streamArn = description.latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("table " + table + " has no stream");
        }
        this.partitionKey = description.keySchema().stream().filter(k -> k.keyTypeAsString().equals("HASH"))
                .findFirst().orElseThrow().attributeName();
        for (int i = 0; i < lanes; i++) {
            buffered.add(new LinkedHashMap<>());
            lastBatchShards.add(new LinkedHashMap<>());
        }
    }

    /** How many batches this stream serves at once. */
    int lanes() {
        return buffered.size();
    }

    /**
     * Next batch of one lane's records (all of one shard) in Lambda's event shape, or null when the stream has nothing
     * new for it.
     */
    synchronized ObjectNode poll(int lane) {
        Map<String, String> shards = lastBatchShards.get(lane);
        shards.clear();
        Map<String, java.util.ArrayDeque<Record>> mine = buffered.get(lane);
        if (mine.values().stream().allMatch(java.util.ArrayDeque::isEmpty)) {
            read();
        }
        for (var e : mine.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<Record> records = new ArrayList<>();
            while (records.size() < batchSize && !e.getValue().isEmpty()) {
                Record rec = e.getValue().poll();
                records.add(rec);
                shards.put(rec.dynamodb().sequenceNumber(), e.getKey());
            }
            return event(records);
        }
        return null;
    }

    /** One GetRecords on every shard that may have more (after listing the shards, when that is due). */
    private void read() {
        if (shardEnded || System.nanoTime() - shardsListedAt > SHARD_REFRESH.toNanos()) {
            refreshShards();
        }
        for (var e : iterators.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            var r = streams.getRecords(b -> b.shardIterator(e.getValue()).limit(READ_LIMIT));
            for (Record rec : r.records()) {
                int lane = Math.floorMod(java.util.Objects.hashCode(rec.dynamodb().keys().get(partitionKey)), buffered.size());
                buffered.get(lane).computeIfAbsent(e.getKey(), k -> new java.util.ArrayDeque<>()).add(rec);
            }
            e.setValue(r.nextShardIterator());
            shardEnded |= r.nextShardIterator() == null;
        }
    }

    /** The shard a record of a lane's last batch came from (what an on-failure record names). */
    synchronized String shardOf(int lane, String sequenceNumber) {
        return lastBatchShards.get(lane).getOrDefault(sequenceNumber, "unknown");
    }

    /** The stream this pump reads. */
    String streamArn() {
        return streamArn;
    }

    /** Reads and discards everything already in the stream (after restoring saved state). */
    void skipToEnd() {
        for (int lane = 0; lane < lanes(); lane++) {
            while (poll(lane) != null) {
                // discard
            }
        }
    }

    private void refreshShards() {
        List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        for (Shard s : shards) {
            if (!iterators.containsKey(s.shardId())) {
                iterators.put(s.shardId(), streams.getShardIterator(b -> b.streamArn(streamArn).shardId(s.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            }
        }
        shardsListedAt = System.nanoTime();
        shardEnded = false;
    }

    private ObjectNode event(List<Record> records) {
        ObjectNode event = Json.object();
        ArrayNode out = event.putArray("Records");
        for (Record r : records) {
            ObjectNode rec = out.addObject();
            rec.put("eventID", r.eventID());
            rec.put("eventName", r.eventNameAsString());
            rec.put("eventVersion", "1.1");
            rec.put("eventSource", "aws:dynamodb");
            rec.put("awsRegion", region);
            ObjectNode d = rec.putObject("dynamodb");
            if (r.dynamodb().approximateCreationDateTime() != null) {
                d.put("ApproximateCreationDateTime", r.dynamodb().approximateCreationDateTime().getEpochSecond());
            }
            d.set("Keys", StreamImages.toJson(r.dynamodb().keys()));
            if (r.dynamodb().hasNewImage()) {
                d.set("NewImage", StreamImages.toJson(r.dynamodb().newImage()));
            }
            if (r.dynamodb().hasOldImage()) {
                d.set("OldImage", StreamImages.toJson(r.dynamodb().oldImage()));
            }
            d.put("SequenceNumber", r.dynamodb().sequenceNumber());
            d.put("SizeBytes", r.dynamodb().sizeBytes());
            d.put("StreamViewType", r.dynamodb().streamViewTypeAsString());
            rec.put("eventSourceARN", streamArn);
        }
        return event;
    }
}

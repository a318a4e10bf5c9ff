package io.newsalerts.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.BulkDrops;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.aws.Tables;
import io.newsalerts.count.CountHandler;
import io.newsalerts.detect.DetectHandler;
import io.newsalerts.domain.Alert;
import io.newsalerts.extract.Extractor;
import io.newsalerts.ingest.IngestHandler;
import io.newsalerts.json.Json;
import io.newsalerts.pipeline.Counting;
import io.newsalerts.pipeline.Detection;
import io.newsalerts.pipeline.Ingestion;
import io.newsalerts.rules.RuleSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole pipeline in one process: the real handlers, wired to one DynamoDB endpoint, with each table's stream
 * read through the Streams API and handed to the next handler in Lambda's event shape, as the event-source
 * mappings in template.yaml would: articles -> count, counters -> detect, alerts -> notify.
 */
public final class LocalPipeline {
    /** template.yaml's BatchSize on every stream mapping. */
    public static final int BATCH_SIZE = 10;
    /**
     * template.yaml's ParallelizationFactor per stream mapping: batches of one stream processed at once (one key's
     * records always in the same lane, in order).
     */
    public static final Map<String, Integer> PARALLELIZATION = Map.of("count", 2, "detect", 2, "notify", 1);
    /** First try plus template.yaml's MaximumRetryAttempts (5) on every stream mapping. */
    public static final int MAX_ATTEMPTS = 6;
    /**
     * template.yaml's FilterCriteria per stream mapping: a record reaches the function when one pattern matches, as
     * Lambda filters before batching (the functions also skip what they do not handle, as a second guard).
     */
    public static final Map<String, List<String>> FILTERS = Map.of(
            "count", List.of("{\"eventName\": [\"INSERT\"]}"),
            "detect", List.of("{\"eventName\": [\"INSERT\", \"MODIFY\"]}"),
            "notify", List.of("{\"eventName\": [\"INSERT\", \"MODIFY\"], \"dynamodb\": {\"NewImage\": {\"pending\": {\"S\": [\"1\"]}}}}"));
    /** Lambda retries a failed asynchronous invocation (S3 notifications, schedules) twice. */
    static final int ASYNC_ATTEMPTS = 3;
    /** A drain that delivers more batches than this is a loop (a stage feeding its own stream), not a workload. */
    static final int MAX_BATCHES_PER_DRAIN = 2_000;

    private final RequestStreamHandler ingest;
    private final List<Stage> stages = new ArrayList<>();
    private final Consumer<Alert> onAlert;
    private final Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>(); // alert id -> last version seen
    private FailureDestination failures = FailureDestination.stderr();
    /** The drain under way while {@link #drainWhile} runs its producer (articles posted then feed count's stream). */
    private volatile Quiescence running;

    /** One stream and the handler its event-source mapping invokes. */
    private record Stage(String function, StreamPump pump, RequestStreamHandler handler, List<FilterPattern> filters) {
        Stage(String function, StreamPump pump, RequestStreamHandler handler) {
            this(function, pump, handler, FILTERS.get(function).stream().map(FilterPattern::parse).toList());
        }

        /** The records of {@code event} one of the mapping's filters lets through. */
        ObjectNode filtered(ObjectNode event) {
            ObjectNode out = Json.object();
            ArrayNode kept = out.putArray("Records");
            for (JsonNode r : event.path("Records")) {
                if (filters.stream().anyMatch(f -> f.matches(r))) {
                    kept.add(r);
                }
            }
            return out;
        }
    }

    public LocalPipeline(Clients clients, Tables tables, RequestStreamHandler notify, Consumer<Alert> onAlert, Clock clock) {
        this(clients, tables, notify, onAlert, clock, RuleSet.defaults(), Extractor.defaults());
    }

    /**
     * @param notify  the notify handler to hand deliverable alerts to, or null to deliver nowhere but {@code onAlert}
     * @param onAlert called with every lifecycle transition recorded (fired, escalated, resolved, silenced), before
     *                notify sees it
     * @param rules     the rules detect runs (the bundled file, or a deployer's)
     * @param extractor what ingest extracts with (the bundled gazetteer, or with a deployer's additions)
     */
    public LocalPipeline(Clients clients, Tables tables, RequestStreamHandler notify, Consumer<Alert> onAlert, Clock clock,
                         RuleSet rules, Extractor extractor) {
        DynamoDbClient ddb = clients.dynamoDb();
        DynamoDbStreamsClient streams = clients.dynamoDbStreams();
        String region = clients.region().id();
        CounterRepository counters = new CounterRepository(ddb, tables.counters());
        this.ingest = new IngestHandler(
                new Ingestion(extractor, new ArticleRepository(ddb, tables.articles()), clock),
                // Only S3 events use it; path-style on an emulator endpoint (see BulkDrops).
                new BulkDrops(clients));
        this.onAlert = onAlert;
        stages.add(new Stage("count", pump(ddb, streams, tables.articles(), region, "count"),
                new CountHandler(new Counting(counters))));
        stages.add(new Stage("detect", pump(ddb, streams, tables.counters(), region, "detect"),
                new DetectHandler(new Detection(counters, rules, new AlertRepository(ddb, tables.alerts()),
                        new SilenceRepository(ddb, tables.silences(), clock), clock))));
        stages.add(new Stage("notify", pump(ddb, streams, tables.alerts(), region, "notify"), notify));
    }

    private static StreamPump pump(DynamoDbClient ddb, DynamoDbStreamsClient streams, String table, String region, String function) {
        return new StreamPump(ddb, streams, table, region, BATCH_SIZE, PARALLELIZATION.get(function));
    }

    /**
     * Sends what runs out of retries to an SQS queue, as template.yaml's OnFailure destinations and the ingest
     * function's dead-letter queue do (see {@link FailureDestination} for what each kind of failure leaves there).
     * Without it such records are printed to stderr.
     */
    public LocalPipeline onFailureTo(SqsClient sqs, String queueUrl) {
        this.failures = new FailureDestination(sqs, queueUrl);
        return this;
    }

    /**
     * Invokes ingest asynchronously, as S3 does: a failed invocation is retried twice, then the original event goes
     * to the dead-letter queue. Returns the response, or null when every attempt failed.
     */
    public JsonNode invokeIngestAsync(JsonNode event) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ASYNC_ATTEMPTS; attempt++) {
            try {
                return invoke("ingest", ingest, event);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        failures.asyncEventFailed("ingest", event, UUID.randomUUID().toString(), last);
        return null;
    }

    /** POST /articles through the ingest handler, as API Gateway would deliver it; returns the HTTP response event. */
    public JsonNode postArticle(String body, String contentType) {
        try {
            return invoke("ingest", ingest, HttpEvents.post("/articles", body, contentType));
        } finally {
            Quiescence q = running;
            if (q != null) {
                q.produced();
            }
        }
    }


    /** Skips what the streams already hold (after restoring saved tables). */
    public void skipExisting() {
        stages.forEach(s -> s.pump().skipToEnd());
    }

    /**
     * Runs every stage until no stream has anything new: the state Lambda reaches once all mappings caught up. As in
     * Lambda, the stages run at the same time, each on threads of its own: one per lane of its mapping's
     * ParallelizationFactor, each lane one batch at a time, in order. A lane whose part of the stream is empty waits
     * until the stage that writes to its stream (the one before it; notify also writes to its own) has delivered
     * another batch, instead of polling again at once. It returns when every stream was found empty by a poll that
     * started after the last batch of the stage feeding it was done.
     */
    public void drain() {
        Quiescence q = new Quiescence(lanes(), false);
        runStages(q);
        if (q.failure != null) {
            rethrow(q.failure);
        }
    }

    /**
     * Runs {@code producer} (which posts articles, on this thread) while the stages run, as in Lambda, where the
     * stream mappings work while the API is still taking articles; returns once the producer has returned and every
     * stream is drained.
     */
    public void drainWhile(Runnable producer) {
        Quiescence q = new Quiescence(lanes(), true);
        Thread worker = Thread.ofPlatform().name("local-drain").start(() -> runStages(q));
        running = q;
        try {
            producer.run();
        } finally {
            running = null;
            q.producerDone();
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            q.fail(e);
            Thread.currentThread().interrupt();
        }
        if (q.failure != null) {
            rethrow(q.failure);
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(failure);
    }

    /** How many lanes each stage has, in stage order. */
    private int[] lanes() {
        return stages.stream().mapToInt(s -> s.pump().lanes()).toArray();
    }

    /** Runs every lane of every stage on its own thread until {@code q} says all is drained (or one failed: q.failure). */
    private void runStages(Quiescence q) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            int index = i;
            Stage stage = stages.get(i);
            for (int l = 0; l < stage.pump().lanes(); l++) {
                int lane = l;
                threads.add(Thread.ofPlatform().name("local-" + stage.function()).start(() -> run(stage, index, lane, q)));
            }
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            q.fail(e);
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
        }
    }

    private void run(Stage stage, int index, int lane, Quiescence q) {
        try {
            while (true) {
                long fed = q.startPoll(index);
                if (fed < 0) {
                    return; // done, or another stage failed
                }
                ObjectNode event = stage.pump().poll(lane);
                if (event == null) {
                    q.empty(index, lane, fed);
                    continue;
                }
                if (q.batches.incrementAndGet() > MAX_BATCHES_PER_DRAIN) {
                    throw new IllegalStateException("the streams never drained: " + MAX_BATCHES_PER_DRAIN
                            + " batches and " + stage.function() + "'s stream still has more (a stage writing "
                            + "records that make it run again?)");
                }
                try {
                    deliver(stage, lane, event);
                } finally {
                    q.delivered(index);
                }
            }
        } catch (Throwable t) {
            q.fail(t);
        }
    }

    /**
     * When all streams are drained. Stage i's stream is written by stage i - 1 (count's by ingest, before the drain)
     * and by stage i itself (notify's claims and marks): {@code fed(i)} counts the batches those two have done. Each
     * lane remembers fed(i) at the start of its last poll that found nothing; all are drained when no poll or batch
     * is under way and, for every lane, nothing that writes to its stream has done a batch since that poll began (a
     * lane's poll reads all its stream holds, for every lane, when its own part is empty).
     */
    private static final class Quiescence {
        private final long[] delivered;
        private final long[][] emptyAt; // [stage][lane]
        private long posted; // articles posted while a producer runs: they feed count's stream
        private boolean producing;
        private int working;
        private boolean done;
        volatile Throwable failure;
        final java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();

        Quiescence(int[] lanes, boolean producing) {
            this.producing = producing;
            delivered = new long[lanes.length];
            emptyAt = new long[lanes.length][];
            for (int i = 0; i < lanes.length; i++) {
                emptyAt[i] = new long[lanes[i]];
                java.util.Arrays.fill(emptyAt[i], -1);
            }
        }

        private long fed(int stage) {
            return delivered[stage] + (stage > 0 ? delivered[stage - 1] : posted);
        }

        synchronized void produced() {
            posted++;
            notifyAll();
        }

        synchronized void producerDone() {
            producing = false;
            notifyAll();
        }

        /** fed(stage) as this poll starts, or -1 to stop. */
        synchronized long startPoll(int stage) {
            if (done) {
                return -1;
            }
            working++;
            return fed(stage);
        }

        synchronized void delivered(int stage) {
            working--;
            delivered[stage]++;
            notifyAll();
        }

        /** A poll found nothing: all drained, or wait until the stage feeding this one did another batch. */
        synchronized void empty(int stage, int lane, long fedAtStart) throws InterruptedException {
            working--;
            emptyAt[stage][lane] = fedAtStart;
            while (!done) {
                if (working == 0 && drained()) {
                    done = true;
                    notifyAll();
                    return;
                }
                if (emptyAt[stage][lane] != fed(stage)) {
                    return; // a batch that may have written to this stream was done since the poll began
                }
                wait();
            }
        }

        private boolean drained() {
            if (producing) {
                return false;
            }
            for (int i = 0; i < emptyAt.length; i++) {
                for (long at : emptyAt[i]) {
                    if (at != fed(i)) {
                        return false;
                    }
                }
            }
            return true;
        }

        synchronized void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            }
            done = true;
            notifyAll();
        }
    }

    private void deliver(Stage stage, int lane, ObjectNode event) {
        if ("notify".equals(stage.function())) {
            for (JsonNode r : event.path("Records")) {
                // A new version of an alert item is a lifecycle transition; claims and "sent" marks are not.
                var item = StreamImages.item(r.path("dynamodb").path("NewImage"));
                if (item.containsKey("payload") && item.containsKey("version")
                        && !item.get("version").n().equals(versions.put(item.get("id").s(), item.get("version").n()))) {
                    onAlert.accept(AlertRepository.fromItem(item));
                }
            }
            if (stage.handler() == null) {
                return;
            }
        }
        ObjectNode batch = stage.filtered(event);
        if (batch.path("Records").isEmpty()) {
            // records no filter lets through are passed over, and nothing is invoked; unlike Lambda, the batch was cut
            // before filtering (so it can be smaller), because onAlert above watches every version of an alert
            return;
        }
        for (int attempt = 1; ; attempt++) {
            boolean threw = false;
            String first;
            try {
                JsonNode response = invoke(stage.function(), stage.handler(), batch);
                ArrayNode failed = response.path("batchItemFailures") instanceof ArrayNode a ? a : Json.MAPPER.createArrayNode();
                if (failed.isEmpty()) {
                    return;
                }
                // As Lambda does with ReportBatchItemFailures: retry from the lowest failed sequence number.
                first = lowest(failed);
            } catch (RuntimeException e) {
                // A function error fails the whole batch: Lambda retries all of it.
                threw = true;
                first = batch.path("Records").path(0).path("dynamodb").path("SequenceNumber").asText();
            }
            batch = fromSequence(batch, first);
            if (attempt >= MAX_ATTEMPTS) {
                String shard = stage.pump().shardOf(lane, first);
                failures.streamBatchFailed(stage.function(), batch, shard, attempt, threw);
                return;
            }
        }
    }

    private static String lowest(ArrayNode failed) {
        String min = null;
        for (JsonNode f : failed) {
            String s = f.path("itemIdentifier").asText();
            if (min == null || new java.math.BigInteger(s).compareTo(new java.math.BigInteger(min)) < 0) {
                min = s;
            }
        }
        return min;
    }

    private static ObjectNode fromSequence(ObjectNode event, String sequenceNumber) {
        ObjectNode out = Json.object();
        ArrayNode records = out.putArray("Records");
        boolean from = false;
        for (JsonNode r : event.path("Records")) {
            from |= r.path("dynamodb").path("SequenceNumber").asText().equals(sequenceNumber);
            if (from) {
                records.add(r);
            }
        }
        return out;
    }

    static JsonNode invoke(String function, RequestStreamHandler handler, JsonNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, new LocalContext(function));
            return out.size() == 0 ? Json.object() : Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

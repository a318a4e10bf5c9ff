package io.newsalerts.bench;

import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.ItemSize;
import io.newsalerts.aws.Tables;
import io.newsalerts.cli.LocalPipeline;
import io.newsalerts.notify.NotifyHandler;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end on the emulator through io.newsalerts.cli.LocalPipeline (the real handlers, each table's stream read
 * through the Streams API and handed on as Lambda's mappings would): ingest -> count -> detect -> notify -> SNS.
 */
public final class PipelineThroughput {
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9][0-9]|20[0-2][0-9])\\b");

    public record Result(int articles, int posters, double seconds, double articlesPerSecond, long published,
                         List<Double> latenciesMs, int latencyAlerts, Map<String, long[]> writeUnits, long totalUnits,
                         int writeRequests, long awsCalls, double awsSeconds,
                         Map<String, long[]> callsByOperation, Map<String, double[]> motoByOperation,
                         double jvmCpuSeconds, double jitSeconds, DynamoDbEmulator dynamoDb, double dynamoDbCpuSeconds, double reportedUnits) {
    }

    /**
     * The DynamoDB emulator when it is a process of its own (bench/run exports NEWSALERTS_DYNAMODB_PID for the
     * dynoxide it starts): its name and a reading of its CPU time. None when moto serves DynamoDB too.
     */
    record DynamoDbEmulator(String name, ProcessHandle process) {
        static java.util.Optional<DynamoDbEmulator> fromEnvironment() {
            String pid = System.getenv("NEWSALERTS_DYNAMODB_PID");
            if (pid == null || pid.isBlank()) {
                return java.util.Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(pid.trim())).map(h -> new DynamoDbEmulator(
                    h.info().command().map(c -> java.nio.file.Path.of(c).getFileName().toString()).orElse("pid " + pid), h));
        }

        /** CPU seconds the process has used so far (user + system), or NaN where the OS does not say. */
        double cpuSeconds() {
            return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }
    }

    /**
     * moto's own count of requests and of the CPU seconds its threads spent on them, per operation, when our launcher
     * serves them (bin/lib/moto_server.py with NEWSALERTS_MOTO_STATS=1): {requests, cpu seconds, wall seconds}. Empty
     * for any other emulator. {@code reset} starts the count afresh.
     */
    static Map<String, double[]> motoStats(URI endpoint, boolean reset) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(endpoint.resolve("/_newsalerts/stats"));
            var r = http.send(reset ? req.DELETE().build() : req.GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            Map<String, double[]> out = new java.util.TreeMap<>();
            if (r.statusCode() != 200 || !r.body().startsWith("{")) {
                return out;
            }
            io.newsalerts.json.Json.MAPPER.readTree(r.body()).properties().forEach(e -> out.put(e.getKey(), new double[] {
                    e.getValue().path("requests").asDouble(), e.getValue().path("cpuSeconds").asDouble(),
                    e.getValue().path("wallSeconds").asDouble()}));
            return out;
        } catch (java.io.IOException | InterruptedException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Country pairs for the latency samples: each makes the IS article a new series, so a new alert to publish. */
    private static final String[][] PAIRS = {
            {"Nigeria", "Niger"}, {"Mali", "Chad"}, {"Somalia", "Kenya"}, {"Yemen", "Oman"}, {"Libya", "Egypt"},
            {"Afghanistan", "Pakistan"}, {"Mozambique", "Tanzania"}, {"Cameroon", "Sudan"}, {"Lebanon", "Jordan"},
            {"Algeria", "Tunisia"}, {"Ethiopia", "Eritrea"}, {"Uganda", "Rwanda"}, {"Benin", "Togo"},
            {"Senegal", "Gambia"}, {"Ghana", "Guinea"}, {"Angola", "Zambia"}, {"Burundi", "Malawi"},
            {"Morocco", "Mauritania"}, {"Iran", "Turkey"}, {"India", "Bangladesh"}, {"Myanmar", "Thailand"},
            {"Indonesia", "Malaysia"}, {"Philippines", "Vietnam"}, {"Colombia", "Venezuela"}, {"Mexico", "Guatemala"},
            {"Georgia", "Armenia"}, {"Tajikistan", "Uzbekistan"}, {"Kazakhstan", "Kyrgyzstan"}, {"Sri Lanka", "Nepal"},
            {"Botswana", "Namibia"}};

    static String relocated(String content, int i) {
        String[] p = PAIRS[i % PAIRS.length];
        return content.replace("Iraqi", p[0]).replace("Iraq", p[0]).replace("Syria", p[1]);
    }

    /**
     * The corpus with every year shifted back by {@code shift}: new content, new ids, new periods, new alerts. A 29
     * February that lands in a common year becomes the 28th, and the story's URL (its id, where it has one) gets the
     * shift as a first path segment: the same story in another year is another article, not a replay.
     */
    static String shifted(String content, int shift) {
        if (shift == 0) {
            return content;
        }
        Matcher m = YEAR.matcher(content);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Integer.toString(Integer.parseInt(m.group(1)) - shift));
        }
        m.appendTail(sb);
        Matcher leap = LEAP_DAY.matcher(sb);
        StringBuilder out = new StringBuilder();
        while (leap.find()) {
            leap.appendReplacement(out, java.time.Year.isLeap(Integer.parseInt(leap.group(1))) ? "$0" : "$1-02-28");
        }
        leap.appendTail(out);
        return EXAMPLE_URL.matcher(out).replaceAll("$1" + shift + "/");
    }

    /**
     * The corpus shifted back {@code shift} years, as {content, content type}, without the texts already in
     * {@code taken} (which it adds to): a document with no year to shift is taken once, not posted again as a replay.
     */
    private static List<String[]> newArticles(List<Corpus.Doc> docs, int shift, java.util.Set<String> taken) {
        List<String[]> out = new ArrayList<>();
        for (Corpus.Doc d : docs) {
            String content = shifted(d.content(), shift);
            if (taken.add(content)) {
                out.add(new String[] {content, contentType(d.name())});
            }
        }
        return out;
    }

    private static final Pattern LEAP_DAY = Pattern.compile("\\b(\\d{4})-02-29\\b");
    private static final Pattern EXAMPLE_URL = Pattern.compile("(https?://[a-z0-9.-]+\\.example/)");

    static String contentType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".json") ? "application/json" : n.endsWith(".html") || n.endsWith(".htm") ? "text/html" : "text/plain";
    }

    /**
     * One burst of {@code articles} new articles, on tables of its own, after a warm-up of {@code warmPasses} passes over
     * the corpus (each with years shifted anew) on other tables, through {@code warmClients}: bench/run points those
     * at a DynamoDB emulator of their own, because dynoxide's cost per write grows with every stream record it holds
     * (measured: PutItem 0.75 ms of its CPU at 1,500 stream records, 3.1 ms at 6,000; flat 0.31 ms without a stream),
     * dropped tables included, which DynamoDB's does not. bench/run runs several bursts, each in a JVM of its own.
     */
    public static Result run(Clients clients, Clients warmClients, List<Corpus.Doc> docs, int articles, int warmPasses,
                             int posters, int latencySamples) {
        URI endpoint = clients.endpoint();
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        var ddb = clients.dynamoDb();
        var sns = clients.sns();
        String topic = sns.createTopic(b -> b.name(prefix + "-alerts")).topicArn();
        AtomicInteger alerts = new AtomicInteger(); // alerts recorded (LocalPipeline's callback)
        java.util.function.BiFunction<Clients, Tables, LocalPipeline> pipelineOn = (c, t) -> {
            t.create(c.dynamoDb());
            NotifyHandler notify = new NotifyHandler(new AlertRepository(c.dynamoDb(), t.alerts()), new AlertPublisher(c.sns(), topic), 200);
            return new LocalPipeline(c, t, notify, a -> alerts.incrementAndGet(), Clock.systemUTC());
        };

        // Warm-up, not counted: the burst measures the pipeline as a running service does, with its code compiled and
        // its connections open, not the JIT's first passes over it (which a container pays once). The JIT compiles a
        // method after about 200 calls (C1, as the template's JAVA_TOOL_OPTIONS set), and much of the pipeline runs
        // once per article or once per batch: one pass of the corpus (60 articles) left it compiling through the burst.
        Tables warmTables = Tables.withPrefix(prefix + "-warm");
        LocalPipeline warm = pipelineOn.apply(warmClients, warmTables);
        int shift = 40;
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int pass = 0; pass < warmPasses; pass++, shift++) {
            for (String[] article : newArticles(docs, shift, taken)) {
                warm.postArticle(article[0], article[1]);
            }
            warm.drain();
        }
        for (String table : List.of(warmTables.articles(), warmTables.counters(), warmTables.alerts(), warmTables.silences())) {
            warmClients.dynamoDb().deleteTable(b -> b.tableName(table));
        }

        // The burst's articles, every one distinct from the warm-up's and from each other.
        List<String[]> burst = new ArrayList<>();
        for (int s = shift; burst.size() < articles; s++) {
            burst.addAll(newArticles(docs, s, taken));
        }
        burst = burst.subList(0, articles);
        Tables tables = Tables.withPrefix(prefix + "-burst");
        LocalPipeline pipeline = pipelineOn.apply(clients, tables);
        WriteUnits.WRITES.clear();
        WriteUnits.REPORTED_UNITS.reset();
        motoStats(endpoint, true);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        var emulator = DynamoDbEmulator.fromEnvironment();
        long publishedBefore = WriteUnits.PUBLISHED.get();
        Map<String, long[]> ops0 = snapshot(WriteUnits.BY_OPERATION);
        long calls0 = WriteUnits.CALLS.sum();
        long callNanos0 = WriteUnits.CALL_NANOS.sum();
        long cpu0 = os.getProcessCpuTime();
        long jit0 = jit.getTotalCompilationTime();
        double emulatorCpu0 = emulator.map(DynamoDbEmulator::cpuSeconds).orElse(Double.NaN);
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        WriteUnits.recording = true;
        double seconds = burst(pipeline, burst, posters, refused);
        WriteUnits.recording = false;
        double jvmCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double jitSeconds = (jit.getTotalCompilationTime() - jit0) / 1e3;
        double emulatorCpu = emulator.map(DynamoDbEmulator::cpuSeconds).orElse(Double.NaN) - emulatorCpu0;
        long published = WriteUnits.PUBLISHED.get() - publishedBefore;
        long awsCalls = WriteUnits.CALLS.sum() - calls0;
        double awsSeconds = (WriteUnits.CALL_NANOS.sum() - callNanos0) / 1e9;
        Map<String, long[]> ops = new java.util.TreeMap<>();
        snapshot(WriteUnits.BY_OPERATION).forEach((op, v) -> {
            long[] before = ops0.getOrDefault(op, new long[2]);
            if (v[0] > before[0]) {
                ops.put(op, new long[] {v[0] - before[0], v[1] - before[1]});
            }
        });
        if (!refused.isEmpty()) { // every article of the burst is new and valid: anything else is a broken benchmark
            throw new IllegalStateException(refused.size() + " of " + articles + " articles not taken as new, e.g. " + refused.getFirst());
        }
        double reportedUnits = WriteUnits.REPORTED_UNITS.sum();
        Map<String, double[]> moto = motoStats(endpoint, false);
        List<WriteUnits.Write> writes = List.copyOf(WriteUnits.WRITES);

        // Latency: one article at a time, POST until every stage is done and its alert is published to SNS. The IS
        // article (which raises a year-over-year alert) moved to another pair of countries each time: a new series.
        List<Double> lat = new ArrayList<>();
        int latencyAlerts = 0;
        Corpus.Doc alerting = docs.stream().filter(d -> d.name().contains("is-attacks")).findFirst().orElse(docs.get(0));
        for (int i = 0; i < latencySamples; i++) {
            long before = WriteUnits.PUBLISHED.get();
            long l0 = System.nanoTime();
            pipeline.postArticle(relocated(alerting.content(), i), contentType(alerting.name()));
            pipeline.drain();
            double ms = (System.nanoTime() - l0) / 1e6;
            if (WriteUnits.PUBLISHED.get() > before) {
                latencyAlerts++;
                lat.add(ms); // only samples that ended in an SNS publish: POST to publish
            }
        }

        // Write units by DynamoDB's rules, from the sizes of what was written (final item size for updates).
        Map<String, long[]> byOp = new java.util.TreeMap<>();
        long total = 0;
        Map<String, Long> finalSizes = new HashMap<>();
        for (String t : List.of(tables.articles(), tables.counters(), tables.alerts())) {
            ddb.scanPaginator(b -> b.tableName(t).consistentRead(true)).items()
                    .forEach(item -> finalSizes.put(t + keyOf(t, tables, item), ItemSize.of(item)));
        }
        for (WriteUnits.Write w : writes) {
            long size = w.item() != null ? ItemSize.of(w.item())
                    : finalSizes.getOrDefault(w.table() + keyOf(w.table(), tables, w.key()), 1L);
            long u = WriteUnits.units(size, w.transactional());
            String table = w.table().equals(tables.articles()) ? "articles" : w.table().equals(tables.counters()) ? "counters" : "alerts";
            long[] acc = byOp.computeIfAbsent(table + " " + w.op(), k -> new long[2]);
            acc[0]++;
            acc[1] += u;
            total += u;
        }
        ddb.close();
        sns.close();
        return new Result(articles, posters, seconds, articles / seconds, published, lat, latencyAlerts, byOp, total, writes.size(),
                awsCalls, awsSeconds, ops, moto, jvmCpu, jitSeconds, emulator.orElse(null), emulatorCpu, reportedUnits);
    }

    /**
     * Posts {@code burst} while the stages run, until all streams are drained; returns the seconds it took. As in
     * Lambda, the stream stages work while articles are still being posted, and the API invokes ingest for
     * {@code posters} requests at once (Lambda runs concurrent requests in containers of their own).
     */
    private static double burst(LocalPipeline pipeline, List<String[]> burst, int posters, List<String> refused) {
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        pipeline.drainWhile(() -> {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < posters; t++) {
                threads.add(Thread.ofPlatform().name("ingest-" + t).start(() -> {
                    for (int i = next.getAndIncrement(); i < burst.size(); i = next.getAndIncrement()) {
                        var response = pipeline.postArticle(burst.get(i)[0], burst.get(i)[1]);
                        if (response.path("statusCode").asInt() != 201) {
                            refused.add(response.path("statusCode").asInt() + " " + response.path("body").asText());
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        });
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Map<String, long[]> snapshot(Map<String, long[]> byOperation) {
        Map<String, long[]> out = new HashMap<>();
        byOperation.forEach((op, v) -> {
            synchronized (v) {
                out.put(op, v.clone());
            }
        });
        return out;
    }

    private static String keyOf(String table, Tables tables, Map<String, AttributeValue> item) {
        if (table.equals(tables.counters())) {
            return "|" + s(item.get("series")) + "|" + s(item.get("period"));
        }
        return "|" + s(item.get("id"));
    }

    private static String s(AttributeValue v) {
        return v == null ? "" : v.s();
    }
}

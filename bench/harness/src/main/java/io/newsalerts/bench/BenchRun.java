package io.newsalerts.bench;

import io.newsalerts.aws.Clients;
import io.newsalerts.smoke.ArchiveTraining;
import io.newsalerts.smoke.LocalResources;
import io.newsalerts.smoke.Rie;
import io.newsalerts.smoke.Template;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/run: every figure in docs/benchmarks.md, in one run on one machine, printed and written as Markdown.
 * Arguments: --runs N (fresh JVMs per cold-start variant and for the gazetteer load), --articles N (end-to-end
 * burst), --bursts N (how many, each in a JVM of its own with a fresh emulator; the median is reported), --posters N
 * (POSTs in flight at once), --warmup N (passes over the corpus before each burst, not counted),
 * --latency N (one-at-a-time samples), --jmh quick|full, --only jmh,gazetteer,jars,coldstart,pipeline,
 * --out FILE, --command "what to print as the command".
 */
public final class BenchRun {
    private final StringBuilder md = new StringBuilder();
    private final Path root;
    private final Path work;

    private BenchRun(Path root) throws IOException {
        this.root = root;
        this.work = Files.createDirectories(root.resolve("build/bench"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("--runs", "5", "--articles", "600", "--bursts", "5", "--posters", "2", "--latency", "25", "--warmup", "5",
                "--jmh", "full", "--only", "jmh,gazetteer,jars,coldstart,pipeline", "--out", "docs/benchmarks.md",
                "--command", "bench/run"));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i], argv[i + 1]);
        }
        Path root = Template.findRoot();
        System.setProperty("newsalerts.root", root.toString());
        BenchRun b = new BenchRun(root);
        List<String> only = Arrays.asList(a.get("--only").split(","));
        int runs = Integer.parseInt(a.get("--runs"));
        b.header(a.get("--command"));
        if (only.contains("jmh")) {
            b.jmh(a.get("--jmh").equals("quick"));
        }
        if (only.contains("gazetteer")) {
            b.gazetteer(runs);
        }
        if (only.contains("jars")) {
            b.jars();
        }
        if (only.contains("coldstart")) {
            b.coldStart(runs);
        }
        if (only.contains("pipeline")) {
            b.pipeline(Integer.parseInt(a.get("--articles")), Integer.parseInt(a.get("--bursts")), Integer.parseInt(a.get("--posters")),
                    Integer.parseInt(a.get("--latency")), Integer.parseInt(a.get("--warmup")));
        }
        Path out = root.resolve(a.get("--out"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.md.toString());
        System.out.println("\nwritten: " + root.relativize(out));
        System.exit(0);
    }

    private void p(String line) {
        md.append(line).append('\n');
        System.out.println(line);
    }

    private void header(String command) throws IOException {
        p("# Benchmarks");
        p("");
        p("Produced by `" + command + "` on " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", in one run on one machine: "
                + Runtime.getRuntime().availableProcessors() + " cores (shared, noisy: compare figures of the same run, "
                + "medians and ratios), " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.arch") + ". Lambda runs java21 on arm64: absolute numbers differ there; the ratios are what this measures.");
        p("");
    }

    // ------------------------------------------------------------------ extraction (JMH)

    private void jmh(boolean quick) throws Exception {
        List<Corpus.Doc> docs = Corpus.load(root);
        long bytes = docs.stream().mapToLong(Corpus.Doc::bodyBytes).sum();
        p("## Extraction throughput (issue 4)");
        p("");
        int iterations = quick ? 5 : 10;
        p("JMH (" + (quick ? "2" : "3") + " x 1 s warm-up, " + iterations + " x 1 s measurement), after the benchmark's "
                + "setup has extracted until the JIT settled (three seconds of passes in a row, each with under 30 ms of "
                + "compiling, at most two minutes: C2 needs about 12 s of compiler time for this code on one compiler "
                + "thread, which JMH's warm-up alone left unfinished, and recompiles for a while after its first quiet "
                + "second)"
                + ", 1 fork, 1 thread: `Extractor.defaults().extract(article)` over " + docs.size() + " articles, "
                + String.format(Locale.ROOT, "%.1f", bytes / 1024.0) + " KiB of article body text, read at setup from "
                + Corpus.dirs(root).stream().map(d -> "`" + root.relativize(d) + "`").toList() + ". MB/s per core = body bytes "
                + "per corpus pass / time per pass (10^6 bytes), from the median iteration: on this shared machine an "
                + "iteration in which another load took the core is slower for reasons of its own, and JMH's mean counts it "
                + "in full (both are shown). Target: >= 20 MB/s per core.");
        p("");
        p("| JIT | time per corpus pass (us): median of iterations | min-max | mean +- error | MB/s per core (median) | MB/s (mean) | target 20 MB/s |");
        p("|---|---|---|---|---|---|---|");
        for (String[] cfg : new String[][] {{"C2 (JVM default)", ""}, {"C1 only (template's JAVA_TOOL_OPTIONS)", "-XX:TieredStopAtLevel=1"}}) {
            var opts = new OptionsBuilder().include(ExtractionBenchmark.class.getName())
                    .forks(1).threads(1)
                    .warmupIterations(quick ? 2 : 3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                    .jvmArgsAppend(cfg[1].isEmpty() ? new String[] {"-Dnewsalerts.root=" + root} : new String[] {cfg[1], "-Dnewsalerts.root=" + root})
                    .shouldFailOnError(true)
                    .build();
            RunResult r = new Runner(opts).runSingle();
            List<Double> perIteration = r.getBenchmarkResults().stream()
                    .flatMap(b -> b.getIterationResults().stream())
                    .map(i -> i.getPrimaryResult().getScore()).sorted().toList();
            double median = ColdStart.median(perIteration);
            double mean = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            double mbs = bytes / (median / 1e6) / 1e6;
            p(String.format(Locale.ROOT, "| %s | %.0f | %.0f-%.0f | %.0f +- %.0f | %.2f | %.2f | %s |", cfg[0], median,
                    perIteration.getFirst(), perIteration.getLast(), mean, err, mbs, bytes / (mean / 1e6) / 1e6,
                    mbs >= 20 ? "met" : "**missed**"));
        }
        p("");
        int seconds = quick ? 5 : 20;
        p("The same work timed by the CPU time of the extracting thread: a fresh JVM per row, extracting until the JIT "
                + "settled as above, then " + seconds + " s measured in chunks of half a second; the median chunk. JMH's "
                + "wall-clock score above also counts the time the thread waited for a core on this shared machine; this "
                + "does not.");
        p("");
        p("| JIT | chunks | corpus passes | CPU share of wall time | MB per CPU-second: median chunk | min-max | target 20 MB/s |");
        p("|---|---|---|---|---|---|---|");
        for (String[] cfg : new String[][] {{"C2 (JVM default)", ""}, {"C1 only (template's JAVA_TOOL_OPTIONS)", "-XX:TieredStopAtLevel=1"}}) {
            List<String> cmd = new ArrayList<>(List.of(Rie.javaBinary()));
            if (!cfg[1].isEmpty()) {
                cmd.add(cfg[1]);
            }
            cmd.addAll(List.of("-Dnewsalerts.root=" + root, "-cp", System.getProperty("java.class.path"),
                    ExtractionCpu.class.getName(), String.valueOf(seconds)));
            Process pr = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new String(pr.getInputStream().readAllBytes()).lines().toList();
            if (pr.waitFor() != 0 || lines.size() < 2) {
                throw new IllegalStateException("ExtractionCpu failed: " + String.join(" / ", lines));
            }
            long perPass = Long.parseLong(lines.getFirst().trim());
            List<Double> rates = new ArrayList<>();
            long passes = 0;
            double cpuS = 0;
            double wallS = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split(" ");
                long n = Long.parseLong(f[0]);
                double cpu = Long.parseLong(f[1]) / 1e9;
                rates.add(n * perPass / cpu / 1e6);
                passes += n;
                cpuS += cpu;
                wallS += Long.parseLong(f[2]) / 1e9;
            }
            Collections.sort(rates);
            double mbs = ColdStart.median(rates);
            p(String.format(Locale.ROOT, "| %s | %d | %d | %.0f%% | %.2f | %.2f-%.2f | %s |", cfg[0], rates.size(), passes,
                    100 * cpuS / wallS, mbs, rates.getFirst(), rates.getLast(), mbs >= 20 ? "met" : "**missed**"));
        }
        p("");
    }

    // ------------------------------------------------------------------ gazetteer load

    private void gazetteer(int runs) throws Exception {
        Template t = Template.read(root);
        Path ingestJar = t.function("IngestFunction").code();
        String cp = root.resolve("bench/harness/target/classes") + java.io.File.pathSeparator + ingestJar;
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (String mode : List.of("first", "marginal")) {
                List<String> cmd = new ArrayList<>(List.of(Rie.javaBinary()));
                cmd.addAll(Arrays.asList(t.javaToolOptions().split("\\s+")));
                cmd.addAll(List.of("-cp", cp, GazetteerLoad.class.getName(), mode));
                Process pr = new ProcessBuilder(cmd).redirectErrorStream(false).start();
                String out = new String(pr.getInputStream().readAllBytes()).trim();
                if (pr.waitFor() != 0) {
                    throw new IllegalStateException("GazetteerLoad failed: " + out + new String(pr.getErrorStream().readAllBytes()));
                }
                wall.computeIfAbsent(mode, k -> new ArrayList<>()).add(Double.parseDouble(out.split(" ")[0]));
                cpu.computeIfAbsent(mode, k -> new ArrayList<>()).add(Double.parseDouble(out.split(" ")[1]));
            }
        }
        p("## Gazetteer load (cold-start cost of extraction)");
        p("");
        p("Time of the first `Extractor.defaults()` in a fresh JVM, JVM flags `" + t.javaToolOptions() + "`, class path = "
                + "ingest's function.jar; " + runs + " fresh JVMs per row, rows alternating. *first*: nothing loaded before "
                + "(includes making Jackson's ObjectMapper, which the gazetteer reads its JSON with); *marginal*: the shared "
                + "ObjectMapper made first, as every handler does at init to read its event, so this is what the gazetteer "
                + "adds to a cold start. CPU = CPU time of the loading thread (steady on a busy machine; wall time is not).");
        p("");
        p("| measure | wall median (ms) | wall min-max | CPU median (ms) | target 150 ms (wall / CPU) |");
        p("|---|---|---|---|---|");
        for (String mode : List.of("first", "marginal")) {
            List<Double> ms = wall.get(mode);
            double med = ColdStart.median(ms);
            double medCpu = ColdStart.median(cpu.get(mode));
            p(String.format(Locale.ROOT, "| %s | %.0f | %.0f-%.0f | %.0f | %s / %s |", mode, med,
                    ms.stream().mapToDouble(x -> x).min().orElse(0), ms.stream().mapToDouble(x -> x).max().orElse(0), medCpu,
                    med <= 150 ? "met" : "**missed**", medCpu <= 150 ? "met" : "**missed**"));
        }
        p("");
    }

    // ------------------------------------------------------------------ jar sizes

    private void jars() throws IOException {
        Template t = Template.read(root);
        p("## Jar size per function");
        p("");
        p("| function | CodeUri | size (MB, 10^6 B) | limit 12 MiB |");
        p("|---|---|---|---|");
        for (Template.Function f : t.functions()) {
            long s = Files.size(f.code());
            p(String.format(Locale.ROOT, "| %s | `%s` | %.2f | %s |", f.logicalId(), root.relativize(f.code()), s / 1e6,
                    s <= 12L * 1024 * 1024 ? "met" : "**over**"));
        }
        Path base = root.resolve("bench/baseline/target/baseline.jar");
        p(String.format(Locale.ROOT, "| (naive baseline, all five handlers) | `%s` | %.2f | - |", root.relativize(base), Files.size(base) / 1e6));
        p("");
    }

    // ------------------------------------------------------------------ cold start

    private void coldStart(int runs) throws Exception {
        Template t = Template.read(root);
        LocalResources aws = LocalResources.create(LocalResources.emulatorsFromEnvironment(), t);
        ColdStart cs = new ColdStart(t, aws, work);
        Path baseline = root.resolve("bench/baseline/target/baseline.jar");
        Map<String, List<ColdStart.Variant>> variants = new LinkedHashMap<>();
        for (Template.Function f : t.functions()) {
            Path jsa = ArchiveTraining.archiveOf(f);
            if (!Files.isRegularFile(jsa)) {
                throw new IllegalStateException("no " + jsa + ": build with `mvn -DskipTests package` (it trains the archives)");
            }
            List<ColdStart.Variant> vs = new ArrayList<>();
            if (ColdStart.BASELINE.containsKey(f.logicalId())) { // functions added later have no naive twin yet
                vs.add(new ColdStart.Variant("baseline", ColdStart.BASELINE.get(f.logicalId()), baseline, List.of()));
            }
            vs.add(new ColdStart.Variant("ours-no-cds", f.handler(), f.code(), List.of()));
            // -Xshare:on: the JVM refuses to start rather than silently run without the archive
            vs.add(new ColdStart.Variant("ours", f.handler(), f.code(), List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:on")));
            variants.put(f.logicalId(), vs);
        }
        Map<String, List<ColdStart.Sample>> samples = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (Template.Function f : t.functions()) {
                for (ColdStart.Variant v : variants.get(f.logicalId())) {
                    samples.computeIfAbsent(f.logicalId() + "/" + v.name(), k -> new ArrayList<>()).add(cs.once(f, v, List.of(), "r" + i));
                }
            }
            System.err.println("cold-start round " + (i + 1) + "/" + runs + " done");
        }
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (Template.Function f : t.functions()) {
            for (ColdStart.Variant v : variants.get(f.logicalId())) {
                classes.put(f.logicalId() + "/" + v.name(), cs.classesLoaded(f, v));
            }
        }
        p("## Cold start per function (RIE, against the local emulators)");
        p("");
        p("From starting `aws-lambda-rie` (which execs a fresh `java -cp RIC:function.jar ...AWSLambda HANDLER`) to the first "
                + "answer of the invoke API, for the function's sample event against the local emulators (DynamoDB: "
                + (System.getenv("NEWSALERTS_DYNAMODB_PID") == null || System.getenv("NEWSALERTS_DYNAMODB_PID").isBlank() ? "moto" : "dynoxide")
                + "; SNS, SSM: moto): medians of " + runs + " fresh JVMs "
                + "per variant, variants alternating within each round. JVM flags from template.yaml's JAVA_TOOL_OPTIONS (`"
                + t.javaToolOptions() + "`) for every variant. *init* and *invoke* are the emulator's own timings of the init "
                + "phase and the first invocation (medians). *baseline* = the naive handlers of bench/baseline (POJO events "
                + "through the runtime's serializer, SDK defaults: Apache HTTP client, default region/credential chains, "
                + "clients built on first use); *ours* = the function as the build packages it, function.jar with the "
                + "application CDS archive trained at package time (function.jsa, `-XX:SharedArchiveFile`, see "
                + "docs/performance.md); *ours-no-cds* = the same jar without the archive, for reference. "
                + "Goal: ours <= 0.5 x baseline.");
        p("");
        p("");
        p("*JVM CPU* is the user + system CPU time the function's JVM had used when the first answer came (/proc): on this "
                + "shared machine (load average often far above its 2 cores) wall time includes waiting for a core, CPU time "
                + "does not, so both ratios are given.");
        p("");
        p("| function | variant | cold start median (ms) | min-max | init (ms) | first invoke (ms) | JVM CPU (ms) | classes loaded | ratio to baseline (wall) | ratio (CPU) | goal <= 0.5 (wall / CPU) |");
        p("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Template.Function f : t.functions()) {
            List<ColdStart.Sample> baseSamples = samples.get(f.logicalId() + "/baseline");
            double base = baseSamples == null ? Double.NaN : ColdStart.median(baseSamples.stream().map(ColdStart.Sample::totalMs).toList());
            String baseCpuText = baseSamples == null ? "n/a" : medianOf(baseSamples.stream().map(ColdStart.Sample::cpuMs).toList());
            double baseCpu = baseCpuText.equals("n/a") ? Double.NaN : Double.parseDouble(baseCpuText);
            for (ColdStart.Variant v : variants.get(f.logicalId())) {
                String k = f.logicalId() + "/" + v.name();
                List<ColdStart.Sample> s = samples.get(k);
                List<Double> tot = s.stream().map(ColdStart.Sample::totalMs).toList();
                double med = ColdStart.median(tot);
                double ratio = med / base;
                String cpuText = medianOf(s.stream().map(ColdStart.Sample::cpuMs).toList());
                double cpuRatio = cpuText.equals("n/a") ? Double.NaN : Double.parseDouble(cpuText) / baseCpu;
                p(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f-%.0f | %s | %s | %s | %d | %.2f | %.2f | %s |", f.logicalId(), v.name(), med,
                        tot.stream().mapToDouble(x -> x).min().orElse(0), tot.stream().mapToDouble(x -> x).max().orElse(0),
                        medianOf(s.stream().map(ColdStart.Sample::initMs).toList()),
                        medianOf(s.stream().map(ColdStart.Sample::invokeMs).toList()),
                        cpuText, classes.get(k), ratio, cpuRatio, !v.name().equals("ours") ? "-" : baseSamples == null ? "n/a (no naive baseline)"
                                : (ratio <= 0.5 ? "met" : "**missed**") + " / " + (cpuRatio <= 0.5 ? "met" : "**missed**")));
            }
        }
        p("");
    }

    private static String medianOf(List<Double> xs) {
        List<Double> v = xs.stream().filter(java.util.Objects::nonNull).toList();
        return v.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.0f", ColdStart.median(v));
    }

    // ------------------------------------------------------------------ end to end

    /**
     * The end-to-end section, run in a JVM of its own with template.yaml's JAVA_TOOL_OPTIONS, the flags every function
     * runs with in Lambda (C1 only): this JVM's flags are the JMH host's, and C2 compiling the whole pipeline in a
     * short run is a cost Lambda's functions do not pay.
     */
    private void pipeline(int articles, int bursts, int posters, int latency, int warmPasses) throws Exception {
        Template t = Template.read(root);
        List<String> cmd = new ArrayList<>(List.of(Rie.javaBinary()));
        cmd.addAll(Arrays.asList(t.javaToolOptions().split("\\s+")));
        cmd.addAll(List.of("-Dnewsalerts.root=" + root, "-cp", System.getProperty("java.class.path"),
                PipelineMain.class.getName(), Integer.toString(articles), Integer.toString(posters),
                Integer.toString(latency), t.javaToolOptions(), Integer.toString(warmPasses)));
        // Each burst in a JVM of its own, against a DynamoDB emulator of its own when bench/run gave us dynoxide, and
        // its warm-up against another: dynoxide's cost per write grows with every stream record it holds, which
        // DynamoDB's does not.
        String dynoxide = System.getenv("NEWSALERTS_DYNOXIDE");
        List<List<String>> runs = new ArrayList<>();
        for (int b = 0; b < bursts; b++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            List<Emulator> emulators = new ArrayList<>();
            if (dynoxide != null && !dynoxide.isBlank()) {
                Emulator burst = startDynoxide(dynoxide, "dynoxide-e2e-" + b + ".log");
                emulators.add(burst);
                Emulator warm = startDynoxide(dynoxide, "dynoxide-e2e-" + b + "-warmup.log");
                emulators.add(warm);
                pb.environment().put("AWS_ENDPOINT_URL_DYNAMODB", burst.url());
                pb.environment().put("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", burst.url());
                pb.environment().put("NEWSALERTS_DYNAMODB_PID", Long.toString(burst.process().pid()));
                pb.environment().put(PipelineMain.WARMUP_DYNAMODB_ENV, warm.url());
            }
            try {
                Process pr = pb.start();
                List<String> out;
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(pr.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    out = lines.lines().toList();
                }
                if (pr.waitFor() != 0) {
                    out.forEach(this::p);
                    throw new IllegalStateException("the end-to-end run failed (exit " + pr.exitValue() + "): see above");
                }
                runs.add(out);
            } finally {
                for (Emulator e : emulators) {
                    e.process().destroy();
                    e.process().waitFor();
                }
            }
            System.err.println("end-to-end burst " + (b + 1) + "/" + bursts + " done");
        }
        // The median burst's section in full, and every burst's rate.
        List<Double> rates = runs.stream().map(BenchRun::rateOf).toList();
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, runs.size()).boxed().toList());
        order.sort(java.util.Comparator.comparing(rates::get));
        List<String> median = runs.get(order.get(order.size() / 2));
        p(median.getFirst());
        p("");
        p(String.format(Locale.ROOT, "%d bursts, each in a JVM of its own with a fresh DynamoDB emulator%s: **%.1f articles/s**, the "
                        + "median (each: %s). The rest of this section is that burst's.", runs.size(),
                dynoxide != null && !dynoxide.isBlank() ? " (dynoxide, started for it)" : " (the shared one)",
                rates.get(order.get(order.size() / 2)),
                String.join(", ", rates.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList())));
        median.stream().skip(1).forEach(this::p);
    }

    private static double rateOf(List<String> section) {
        for (String line : section) {
            var m = java.util.regex.Pattern.compile("\\*\\*([0-9.]+) articles/s\\*\\*").matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IllegalStateException("no articles/s in the end-to-end section: " + section);
    }

    /** A DynamoDB emulator process started for one burst, and where it answers. */
    private record Emulator(Process process, String url) {
    }

    /** A dynoxide of its own on a free port, answering; its output to {@code log} under build/bench. */
    private Emulator startDynoxide(String binary, String log) throws IOException, InterruptedException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process p = new ProcessBuilder(binary, "serve", "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
        String url = "http://127.0.0.1:" + port;
        awaitAnswer(URI.create(url + "/"), p);
        return new Emulator(p, url);
    }

    /** Waits until {@code uri} answers (up to 10 s), or fails if {@code process} ended. */
    private static void awaitAnswer(URI uri, Process process) throws InterruptedException {
        var http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                http.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                return;
            } catch (java.io.IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("dynoxide exited at start (exit " + process.exitValue() + ")");
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("dynoxide did not answer on " + uri + " within 10 s");
    }

    /** Runs the end-to-end measurement in this JVM and hands its section's lines to {@code p}. */
    static void pipelineReport(Path root, int articles, int posters, int latency, String jvmFlags, int warmPasses,
                               java.util.function.Consumer<String> p)
            throws Exception {
        List<Corpus.Doc> docs = Corpus.load(root);
        Clients clients = LocalResources.emulatorsFromEnvironment();
        String warmDynamoDb = System.getenv(PipelineMain.WARMUP_DYNAMODB_ENV);
        Clients warmClients = warmDynamoDb == null || warmDynamoDb.isBlank() ? clients
                : Clients.forEndpoints(clients.endpoint(), URI.create(warmDynamoDb), clients.region().id());
        var r = PipelineThroughput.run(clients, warmClients, docs, articles, warmPasses, posters, latency);
        List<Double> lat = new ArrayList<>(r.latenciesMs());
        lat.sort(null);
        p.accept("## End to end on the emulator (ingest -> count -> detect -> notify -> SNS)");
        p.accept("");
        String dynamoDb = r.dynamoDb() != null ? r.dynamoDb().name() : "moto";
        p.accept("io.newsalerts.cli.LocalPipeline in one JVM (the real handlers; each table's stream read through the DynamoDB "
                + "Streams API and handed on in Lambda's event shape). DynamoDB and its Streams: " + dynamoDb + "; SNS: moto. That JVM "
                + "runs with template.yaml's JAVA_TOOL_OPTIONS (`" + jvmFlags + "`), as the functions do in Lambda. Articles: the "
                + "corpus with years shifted back, so each is new (new id, new periods), after a warm-up of the corpus " + warmPasses + " times over (not counted; on DynamoDB tables of their own, "
                + (warmClients == clients ? "dropped before the burst" : "in another emulator") + ").");
        p.accept("");
        p.accept(String.format(Locale.ROOT, "- Throughput: %d articles posted %d at a time (concurrent API requests) while the stages run, until all streams are drained: %.1f s, **%.1f articles/s**; %d SNS messages published.",
                r.articles(), r.posters(), r.seconds(), r.articlesPerSecond(), r.published()));
        p.accept(String.format(Locale.ROOT, "- Where the time goes: %d AWS calls in that phase, %.1f s waiting for their answers, summed over "
                + "the threads that wait = %.0f%% of the wall time (mean %.1f ms per call). The stages run and wait at the same time, "
                + "so what bounds the throughput is CPU, below.", r.awsCalls(), r.awsSeconds(), 100 * r.awsSeconds() / r.seconds(),
                1000 * r.awsSeconds() / Math.max(1, r.awsCalls())));
        p.accept("");
        p.accept("| stage: AWS call (throughput phase) | calls | per article | mean ms | share of the waiting |");
        p.accept("|---|---|---|---|---|");
        r.callsByOperation().entrySet().stream()
                .forEach(e -> p.accept(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.0f%% |", e.getKey(), e.getValue()[0],
                        (double) e.getValue()[0] / r.articles(), e.getValue()[1] / 1e6 / e.getValue()[0],
                        100 * e.getValue()[1] / 1e9 / Math.max(1e-9, r.awsSeconds()))));
        p.accept("");
        // CPU per article: this JVM, the DynamoDB emulator (when a process of its own) and moto (its own count).
        double total = r.jvmCpuSeconds();
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("this JVM", r.jvmCpuSeconds());
        if (r.dynamoDb() != null && !Double.isNaN(r.dynamoDbCpuSeconds())) {
            p.accept(String.format(Locale.ROOT, "- %s's CPU time in that phase (DynamoDB and Streams; read from the OS): %.2f s = "
                    + "**%.1f ms per article**.", dynamoDb, r.dynamoDbCpuSeconds(), 1000 * r.dynamoDbCpuSeconds() / r.articles()));
            total += r.dynamoDbCpuSeconds();
            shares.put(dynamoDb, r.dynamoDbCpuSeconds());
        }
        if (!r.motoByOperation().isEmpty()) {
            double[] process = r.motoByOperation().getOrDefault("process", new double[3]);
            double cpu = r.motoByOperation().entrySet().stream().filter(e -> !e.getKey().equals("process"))
                    .mapToDouble(e -> e.getValue()[1]).sum();
            p.accept(String.format(Locale.ROOT, "- moto's CPU time in that phase (counted by bin/lib/moto_server.py): the whole server %.2f s = "
                    + "**%.1f ms per article**, of which %.1f ms in moto's handling of the requests (the table below) and the rest in "
                    + "the HTTP server around it.", process[1], 1000 * process[1] / r.articles(), 1000 * cpu / r.articles()));
            total += process[1];
            shares.put("moto", process[1]);
        }
        String largest = shares.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("this JVM");
        p.accept(String.format(Locale.ROOT, "- This JVM's CPU time in that phase (the handlers, the SDK, the stream pumps, GC and JIT): %.2f s = "
                + "**%.1f ms per article**, of which the JIT compiler %.1f ms. Altogether %.1f ms of CPU per article, on a machine of 2 cores shared with whatever else "
                + "runs: a ceiling of about %.0f articles/s; the largest share is %s's.", r.jvmCpuSeconds(),
                1000 * r.jvmCpuSeconds() / r.articles(), 1000 * r.jitSeconds() / r.articles(), 1000 * total / r.articles(), 2 * r.articles() / Math.max(1e-9, total), largest));
        p.accept("");
        if (!r.motoByOperation().isEmpty()) {
            p.accept("| moto operation | requests | CPU ms per request | CPU ms per article |");
            p.accept("|---|---|---|---|");
            r.motoByOperation().entrySet().stream().filter(e -> !e.getKey().equals("process")).sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1]))
                    .forEach(e -> p.accept(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f |", e.getKey(), e.getValue()[0],
                            1000 * e.getValue()[1] / Math.max(1, e.getValue()[0]), 1000 * e.getValue()[1] / r.articles())));
            p.accept("");
        }
        p.accept(String.format(Locale.ROOT, "- Latency from POST /articles to the SNS publish done, one article at a time (the IS sample article moved to a "
                + "new pair of countries each time, so each raises a new alert): %d of %d samples ended in a publish; over those, "
                + "**p50 %.0f ms, p99 %.0f ms** (max %.0f; with so few samples p99 is close to the max).", r.latencyAlerts(), latency,
                pct(lat, 50), pct(lat, 99), lat.isEmpty() ? Double.NaN : lat.getLast()));
        p.accept(String.format(Locale.ROOT, "- DynamoDB writes: %d write requests (items) in the throughput phase, **%.1f write units per article**, "
                + "computed from the items written by DynamoDB's rules: 1 WCU per started KB of the item (the final item size for "
                + "updates), transactional writes 2x, every attempt counted (failed conditional writes and cancelled transactions "
                + "consume capacity too). The same writes sent with ReturnConsumedCapacity=TOTAL: %s answered %.1f units per article, "
                + "for the writes that succeeded (a failed one answers none)%s.", r.writeRequests(),
                (double) r.totalUnits() / r.articles(), dynamoDb, r.reportedUnits() / r.articles(),
                r.dynamoDb() == null ? "; moto's answers are not DynamoDB's (1.0 for any PutItem, whatever its size)" : ""));
        p.accept("");
        p.accept("| table / operation | items written | write units | per article |");
        p.accept("|---|---|---|---|");
        r.writeUnits().forEach((k, v) -> p.accept(String.format(Locale.ROOT, "| %s | %d | %d | %.2f |", k, v[0], v[1], (double) v[1] / r.articles())));
        p.accept("");
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}

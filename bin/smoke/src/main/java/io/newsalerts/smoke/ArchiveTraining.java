package io.newsalerts.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsalerts.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds each function's application class-data-sharing archive at package time, next to its jar
 * ({@code functions/<name>/target/function.jsa}): the function is started exactly as the runtime starts it
 * ({@link Rie#runtimeCommand}, same class path) with {@code -XX:ArchiveClassesAtExit}, primed at init, given its
 * sample event, and stopped with SIGTERM, a normal JVM exit, so that the classes it loaded are written pre-parsed and
 * pre-verified. Started with {@code -XX:SharedArchiveFile} that archive roughly halves the JVM's start (see
 * docs/performance.md).
 *
 * <p>Package time has no emulator, so one loopback server stands in for both sides the function talks to: Lambda's
 * runtime API (one invocation, then the function waits for the next) and AWS (every call answered with the smallest
 * valid success). The stand-in only has to make the function walk its usual path; no answer of it is checked, and
 * the archive holds classes, not data.
 *
 * <p>An archive is only usable by the JVM build that wrote it and with the same jar (size and time are checked at
 * start; a mismatch is ignored with {@code -Xshare:auto}, refused with {@code -Xshare:on}). Lambda's java21 runtime
 * is another JVM: there SnapStart does this job; the archive serves the runtime interface emulator, the smoke tests,
 * the benchmarks and self-hosted runtimes built from the same JDK.
 */
public final class ArchiveTraining {

    /** The event each function is trained with: its primary sample in events/ (what the benchmarks start it with). */
    public static final Map<String, String> PRIMARY_EVENT = Map.of(
            "IngestFunction", "ingest-post.json",
            "CountFunction", "count-stream.json",
            "DetectFunction", "detect-stream.json",
            "NotifyFunction", "notify-stream.json",
            "SubscribeFunction", "subscribe-post.json",
            "AlertsFunction", "alerts-get.json");

    private ArchiveTraining() {
    }

    /** The archive that belongs to a function's jar: function.jar -> function.jsa. */
    public static Path archiveOf(Template.Function f) {
        return f.code().resolveSibling(f.code().getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
    }

    /** Usage: ArchiveTraining [REPO_ROOT]; with -Dcds.skip=true it does nothing. */
    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("cds.skip")) {
            System.out.println("CDS archives: skipped (-Dcds.skip=true)");
            return;
        }
        Path root = args.length > 0 ? Path.of(args[0]) : Template.findRoot();
        Template template = Template.read(root);
        List<Path> ric = Rie.ricJars(root);
        for (Template.Function f : template.functions()) {
            long t0 = System.nanoTime();
            Path jsa = train(template, f, ric);
            System.out.printf("CDS archive %s (%.1f MB) in %d ms%n", root.relativize(jsa), Files.size(jsa) / 1e6,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Trains one function's archive; throws, naming the function and its log, when none was written. */
    public static Path train(Template template, Template.Function f, List<Path> ric) throws IOException, InterruptedException {
        if (!Files.isRegularFile(f.code())) {
            throw new IllegalStateException("no " + f.code() + " to train an archive for: package " + f.logicalId() + " first");
        }
        String eventName = PRIMARY_EVENT.get(f.logicalId());
        if (eventName == null) {
            throw new IllegalStateException(f.logicalId() + " has no training event: add it to ArchiveTraining.PRIMARY_EVENT");
        }
        byte[] event = Files.readAllBytes(template.root().resolve("events").resolve(eventName));
        Path jsa = archiveOf(f);
        Path log = jsa.resolveSibling("cds-training.log");
        Files.deleteIfExists(jsa);
        try (StandIn standIn = StandIn.start(event)) {
            LocalResources named = LocalResources.named(standIn.uri(), template, "training");
            standIn.parameters(named.parameterValues());
            Map<String, String> env = new LinkedHashMap<>(named.environment(f));
            env.put("AWS_LAMBDA_RUNTIME_API", standIn.uri().getAuthority());
            env.put("PRIME_ON_INIT", "true");
            env.put("LOG_LEVEL", "ERROR");
            List<String> cmd = Rie.runtimeCommand(ric, List.of(f.code()), f.handler(),
                    List.of("-XX:ArchiveClassesAtExit=" + jsa));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            pb.environment().putAll(env);
            Process jvm = pb.start();
            try {
                standIn.answered().get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                jvm.destroyForcibly();
                throw new IllegalStateException(f.logicalId() + " did not answer its training event: " + e.getMessage()
                        + "\n" + Files.readString(log));
            }
            jvm.destroy(); // SIGTERM: the JVM exits normally and writes the archive
            if (!jvm.waitFor(120, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
                throw new IllegalStateException(f.logicalId() + ": the training JVM did not exit\n" + Files.readString(log));
            }
        }
        if (!Files.isRegularFile(jsa)) {
            throw new IllegalStateException("no CDS archive written for " + f.logicalId() + ":\n" + Files.readString(log));
        }
        return jsa;
    }

    /**
     * Lambda's runtime API and AWS on one loopback port. The runtime side hands out the event once; the next poll
     * waits until the server stops, as Lambda's does between invocations. The AWS side answers DynamoDB and SSM (JSON
     * protocols) and SNS (query protocol) with the smallest valid success, everything else with an empty 200.
     */
    static final class StandIn implements AutoCloseable {
        private static final String RUNTIME = "/2018-06-01/runtime/";

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "training-stand-in");
            t.setDaemon(true);
            return t;
        });
        private final byte[] event;
        private volatile Map<String, String> parameters = Map.of();
        private final AtomicBoolean handedOut = new AtomicBoolean();
        private final CompletableFuture<String> answered = new CompletableFuture<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();

        private StandIn(byte[] event) throws IOException {
            this.event = event;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
        }

        static StandIn start(byte[] event) throws IOException {
            StandIn s = new StandIn(event);
            s.server.start();
            return s;
        }

        /** The SSM parameters GetParameter answers, name to value (an unknown name: ParameterNotFound). */
        void parameters(Map<String, String> byName) {
            this.parameters = Map.copyOf(byName);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        /** Completes with the function's response body, or exceptionally with its init or invocation error. */
        CompletableFuture<String> answered() {
            return answered;
        }

        private void handle(HttpExchange x) throws IOException {
            String path = x.getRequestURI().getPath();
            byte[] body = readAll(x.getRequestBody());
            if (path.startsWith(RUNTIME)) {
                runtime(x, path, body);
            } else {
                aws(x, body);
            }
        }

        private void runtime(HttpExchange x, String path, byte[] body) throws IOException {
            if (path.endsWith("/invocation/next")) {
                if (handedOut.compareAndSet(false, true)) {
                    x.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "training-1");
                    x.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 600_000));
                    x.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:training");
                    x.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                    send(x, 200, "application/json", event);
                } else {
                    closed.join(); // no second invocation: the JVM is stopped while it waits here
                    send(x, 500, "text/plain", new byte[0]);
                }
            } else if (path.endsWith("/response")) {
                answered.complete(new String(body, StandardCharsets.UTF_8));
                send(x, 202, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else if (path.endsWith("/error")) {
                answered.completeExceptionally(new IllegalStateException("function error: " + new String(body, StandardCharsets.UTF_8)));
                send(x, 202, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                send(x, 404, "text/plain", new byte[0]);
            }
        }

        private void aws(HttpExchange x, byte[] body) throws IOException {
            String target = x.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null) {
                String json = "{}";
                if (target.equals("AmazonSSM.GetParameter")) {
                    String name = Json.MAPPER.readTree(body).path("Name").asText();
                    String value = parameters.get(name);
                    if (value == null) {
                        send(x, 400, "application/x-amz-json-1.1", Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode()
                                .put("__type", "ParameterNotFound").put("message", name)));
                        return;
                    }
                    var answer = Json.MAPPER.createObjectNode();
                    answer.putObject("Parameter").put("Name", name).put("Type", "String").put("Value", value).put("Version", 1);
                    json = Json.MAPPER.writeValueAsString(answer);
                }
                send(x, 200, "application/x-amz-json-1.0", json.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String action = formValue(new String(body, StandardCharsets.UTF_8), "Action");
            if (action != null) {
                String result = switch (action) {
                    case "Publish" -> "<MessageId>training</MessageId>";
                    case "Subscribe" -> "<SubscriptionArn>pending confirmation</SubscriptionArn>";
                    default -> "";
                };
                String xml = "<" + action + "Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><" + action + "Result>"
                        + result + "</" + action + "Result><ResponseMetadata><RequestId>training</RequestId></ResponseMetadata></"
                        + action + "Response>";
                send(x, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(x, 200, "application/octet-stream", new byte[0]);
        }

        private static String formValue(String form, String name) {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private static byte[] readAll(InputStream in) throws IOException {
            try (in) {
                return in.readAllBytes();
            }
        }

        private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
            x.getResponseHeaders().set("Content-Type", type);
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                x.getResponseBody().write(body);
            }
            x.close();
        }

        @Override
        public void close() {
            closed.complete(null);
            server.stop(0);
            threads.shutdownNow();
        }
    }
}

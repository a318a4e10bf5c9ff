package io.newsalerts.smoke;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function started as Lambda starts it, without Docker: the Runtime Interface Emulator (aws-lambda-rie) runs
 * {@code java -cp RIC:function.jar com.amazonaws.services.lambda.runtime.api.client.AWSLambda HANDLER} and serves
 * Lambda's invoke API on a free loopback port. The runtime interface client's jars come first on the class path,
 * as in Lambda, where the runtime's classes are the parent of the function's.
 */
public final class Rie implements AutoCloseable {

    /** aws-lambda-rie: system property rie.path, else env NEWSALERTS_RIE, else build/bin/aws-lambda-rie. */
    public static Path binary(Path root) {
        String p = System.getProperty("rie.path", System.getenv("NEWSALERTS_RIE"));
        Path rie = p != null && !p.isBlank() ? Path.of(p) : root.resolve("build/bin/aws-lambda-rie");
        if (!Files.isExecutable(rie)) {
            throw new IllegalStateException("no Lambda Runtime Interface Emulator at " + rie
                    + ": run bin/test (it installs the pinned one with `require_rie` from bin/lib/env.sh)");
        }
        return rie;
    }

    /** The runtime interface client's jars: system property ric.dir (bin/smoke/target/ric, filled by Maven). */
    public static List<Path> ricJars(Path root) {
        String d = System.getProperty("ric.dir");
        Path dir = d != null ? Path.of(d) : root.resolve("bin/smoke/target/ric");
        try (var files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + dir);
            }
            return jars;
        } catch (IOException e) {
            throw new IllegalStateException("no runtime interface client in " + dir + ": build the smoke module (mvn package -pl smoke -am)", e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern INIT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");
    private static final Pattern INVOKE = Pattern.compile("INVOKE RTDONE\\(status: [a-z]+, produced bytes: [0-9]+, duration: ([0-9.]+)ms\\)");

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;

    private Rie(Process process, int port, Path log, long startedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts the emulator and the function's JVM. {@code env} is the whole environment of the function (Lambda
     * gives a function only what it is configured with, plus its own variables); {@code classPath} is the
     * function's code; {@code extraJvmArgs} go before the main class (e.g. -Xshare flags for the benchmarks).
     */
    public static Rie start(Path rie, List<Path> ric, List<Path> classPath, String handler, Map<String, String> env,
                            List<String> extraJvmArgs, Path log) {
        int port = freePort();
        int runtimePort = freePort();
        List<String> cmd = new ArrayList<>(List.of(rie.toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + port,
                "--runtime-api-address", "127.0.0.1:" + runtimePort, "--log-level", "info"));
        cmd.addAll(runtimeCommand(ric, classPath, handler, extraJvmArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        try {
            return new Rie(pb.start(), port, log, t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command Lambda's java runtime runs: {@code java -cp RIC:code FLAGS AWSLambda HANDLER}. The class path must be
     * the same, to the byte, for a CDS archive trained with it to be usable (see ArchiveTraining).
     */
    public static List<String> runtimeCommand(List<Path> ric, List<Path> classPath, String handler, List<String> jvmArgs) {
        List<String> cp = new ArrayList<>();
        ric.forEach(p -> cp.add(p.toString()));
        classPath.forEach(p -> cp.add(p.toString()));
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-cp", String.join(File.pathSeparator, cp)));
        cmd.addAll(jvmArgs);
        cmd.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        cmd.add(handler);
        return cmd;
    }

    /** The answer of one invocation: status and body as the invoke API returns them, and when it came back. */
    public record Invocation(int status, String body, long nanosSinceStart, boolean functionError, Double jvmCpuMillis) {
    }

    /** POSTs the event to the invoke API (waiting for the emulator to listen first) and returns the response. */
    public Invocation invoke(byte[] event) {
        awaitListening(Duration.ofSeconds(20));
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations"))
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            long t = System.nanoTime() - startedNanos;
            boolean error = r.headers().firstValue("X-Amz-Function-Error").isPresent()
                    || r.body().contains("\"errorType\"") && r.body().contains("\"errorMessage\"");
            return new Invocation(r.statusCode(), r.body(), t, error, jvmCpuMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("invoke failed; emulator log:\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("aws-lambda-rie exited with " + process.exitValue() + ":\n" + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("aws-lambda-rie did not listen on " + port + ":\n" + log());
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The function's init phase as the emulator timed it (its INIT REPORT line), if it logged one. */
    public Double initDurationMillis() {
        Matcher m = INIT.matcher(log());
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    /** The first invocation's duration as the emulator timed it (INVOKE RTDONE), if it logged one. */
    public Double firstInvokeMillis() {
        Matcher m = INVOKE.matcher(log());
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * CPU time (user + system) the function's JVM has used so far, from /proc (Linux); null elsewhere. On a shared,
     * busy machine this is steadier than wall time: it does not grow while the JVM waits for a core.
     */
    public Double jvmCpuMillis() {
        for (ProcessHandle h : descendants()) {
            if (!h.info().command().orElse("").endsWith("java")) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
                return ticks * 10.0; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The processes the emulator started (the function's JVM). */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The java of the JDK running this JVM: the same JDK runs the functions. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.newsalerts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.json.Json;
import io.newsalerts.smoke.ArchiveTraining;
import io.newsalerts.smoke.LocalResources;
import io.newsalerts.smoke.Rie;
import io.newsalerts.smoke.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start under the Runtime Interface Emulator against the local emulators: from starting aws-lambda-rie (which
 * starts a fresh JVM) to the first event answered. Our functions (template.yaml's Handler and CodeUri) side by side with
 * the naive baseline handlers, with and without the application CDS archive the build trains; the variants alternate
 * within each round so drift on this shared machine hits them alike.
 */
public final class ColdStart {

    /** What runs: a name, the handler, the class path, extra JVM flags. */
    record Variant(String name, String handler, Path code, List<String> jvmArgs) {
    }

    record Sample(double totalMs, Double initMs, Double invokeMs, Double cpuMs) {
    }

    static final Map<String, String> BASELINE = Map.of(
            "IngestFunction", "io.newsalerts.bench.baseline.NaiveIngestHandler::handleRequest",
            "CountFunction", "io.newsalerts.bench.baseline.NaiveCountHandler::handleRequest",
            "DetectFunction", "io.newsalerts.bench.baseline.NaiveDetectHandler::handleRequest",
            "NotifyFunction", "io.newsalerts.notify.NaiveNotifyHandler::handleRequest",
            "SubscribeFunction", "io.newsalerts.subscribe.NaiveSubscribeHandler::handleRequest");

    private final Template template;
    private final LocalResources aws;
    private final Path rie;
    private final List<Path> ric;
    private final Path work;

    ColdStart(Template template, LocalResources aws, Path work) {
        this.template = template;
        this.aws = aws;
        this.rie = Rie.binary(template.root());
        this.ric = Rie.ricJars(template.root());
        this.work = work;
    }

    byte[] event(String function) throws IOException {
        return Files.readAllBytes(template.root().resolve("events").resolve(ArchiveTraining.PRIMARY_EVENT.get(function)));
    }

    /** Puts back what the event needs, so that every cold start does the same work (notify: the pending alert). */
    void prepare(String function) throws IOException {
        if (function.equals("NotifyFunction")) {
            JsonNode e = Json.MAPPER.readTree(event(function));
            try (var ddb = aws.clients().dynamoDb()) {
                for (JsonNode r : e.path("Records")) {
                    ddb.putItem(b -> b.tableName(aws.tables().alerts()).item(StreamImages.item(r.path("dynamodb").path("NewImage"))));
                }
            }
        }
    }

    /** One fresh start and first invocation; fails loudly if the function answered an error. */
    Sample once(Template.Function f, Variant v, List<String> extraArgs, String tag) throws IOException {
        prepare(f.logicalId());
        List<String> args = new ArrayList<>(v.jvmArgs());
        args.addAll(extraArgs);
        try (Rie fn = Rie.start(rie, ric, List.of(v.code()), v.handler(), aws.environment(f), args,
                work.resolve(f.shortName() + "-" + v.name() + "-" + tag + ".log"))) {
            Rie.Invocation r = fn.invoke(event(f.logicalId()));
            if (r.functionError() || r.status() != 200) {
                throw new IllegalStateException(f.logicalId() + "/" + v.name() + " failed: " + r.body() + "\n" + fn.log());
            }
            return new Sample(r.nanosSinceStart() / 1e6, fn.initDurationMillis(), fn.firstInvokeMillis(), r.jvmCpuMillis());
        }
    }

    /** Classes the JVM loaded up to the first answer (-Xlog:class+load, one run). */
    int classesLoaded(Template.Function f, Variant v) throws IOException {
        Path log = work.resolve(f.shortName() + "-" + v.name() + "-classes.txt");
        Files.deleteIfExists(log);
        once(f, v, List.of("-Xlog:class+load:file=" + log), "classes");
        try (var lines = Files.lines(log)) {
            return (int) lines.count();
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static Map<String, List<Sample>> newTable() {
        return new LinkedHashMap<>();
    }
}

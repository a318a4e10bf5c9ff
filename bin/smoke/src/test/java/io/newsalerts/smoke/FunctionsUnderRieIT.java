package io.newsalerts.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function in template.yaml, run as Lambda runs it: its function.jar (CodeUri) started by the Runtime Interface
 * Emulator with the template's Handler and environment, invoked with each of its sample events from events/
 * ({@code events/<name>-*.json}) against the local emulator. A wrong handler string, a class lost in shading, an
 * init that fails outside the test class path, or an event the function cannot read fails here.
 */
class FunctionsUnderRieIT {

    /** Issue 8's limit for every function.jar. */
    static final long MAX_JAR_BYTES = 12_000_000L;

    private static Template template;
    private static LocalResources aws;
    private static Path rie;
    private static List<Path> ric;
    private static Path logs;

    @BeforeAll
    static void setUp() throws IOException {
        Path root = Template.findRoot();
        template = Template.read(root);
        rie = Rie.binary(root);
        ric = Rie.ricJars(root);
        aws = LocalResources.create(LocalResources.emulatorsFromEnvironment(), template);
        logs = Files.createDirectories(root.resolve("bin/smoke/target/rie-logs"));
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionAnswersItsSampleEvents() {
        List<Template.Function> functions = template.functions();
        assertThat(functions).extracting(Template.Function::logicalId)
                .contains("IngestFunction", "CountFunction", "DetectFunction", "NotifyFunction", "SubscribeFunction");
        return functions.stream().map(f -> DynamicTest.dynamicTest(f.logicalId() + " (" + f.handler() + ")", () -> run(f)));
    }

    private void run(Template.Function f) throws IOException {
        assertThat(f.code()).as("CodeUri of %s", f.logicalId()).isRegularFile();
        List<Path> events = sampleEvents(f);
        assertThat(events).as("sample events for %s in events/", f.logicalId()).isNotEmpty();
        // Priming (SnapStart's beforeCheckpoint) also runs, at init, so that it is checked from the real jar too.
        var env = new java.util.LinkedHashMap<>(aws.environment(f));
        env.put("PRIME_ON_INIT", "true");
        env.put("LOG_LEVEL", "INFO");
        // The CDS archive the build trained for this jar (ArchiveTraining), with -Xshare:on: a JVM that cannot map
        // it refuses to start, so an archive that does not fit its jar fails here instead of silently not helping.
        Path jsa = ArchiveTraining.archiveOf(f);
        boolean cds = !Boolean.getBoolean("cds.skip");
        if (cds) {
            assertThat(jsa).as("the CDS archive the build trains for %s (mvn package; -Dcds.skip=true skips it)", f.logicalId())
                    .isRegularFile();
        }
        List<String> jvmArgs = cds ? List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:on") : List.of();
        try (Rie fn = Rie.start(rie, ric, List.of(f.code()), f.handler(), env, jvmArgs,
                logs.resolve(f.shortName() + ".log"))) {
            for (Path event : events) {
                String name = event.getFileName().toString();
                prepare(name, Files.readAllBytes(event));
                Rie.Invocation r = fn.invoke(Files.readAllBytes(event));
                assertThat(r.functionError()).as("%s with %s answered an error: %s%nlog:%n%s", f.logicalId(), name, r.body(), fn.log())
                        .isFalse();
                assertThat(r.status()).as("invoke status, %s with %s", f.logicalId(), name).isEqualTo(200);
                check(name, Json.MAPPER.readTree(r.body()), fn);
            }
            assertThat(fn.log()).as("priming of %s, log:%n%s", f.logicalId(), fn.log())
                    .contains("\"message\":\"primed\"").doesNotContain("priming failed");
        }
        // Issue 8: no function.jar over 12 MB, whatever the function (S3 and SSM are read without their SDK modules,
        // io.newsalerts.aws.SignedRequests). Smaller starts faster: keep them well under it.
        assertThat(Files.size(f.code())).as("size of %s", f.code()).isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    /** The primary event of each function first (the one with the sharpest check), then the others. */
    private static List<Path> sampleEvents(Template.Function f) throws IOException {
        try (var files = Files.list(template.root().resolve("events"))) {
            List<Path> all = new ArrayList<>(files
                    .filter(p -> p.getFileName().toString().startsWith(f.shortName() + "-") && p.toString().endsWith(".json"))
                    .sorted().toList());
            return all;
        }
    }

    /** What must exist before an event makes sense: the alert a notify INSERT refers to, the object an S3 event names. */
    private static void prepare(String event, byte[] body) throws IOException {
        JsonNode e = Json.MAPPER.readTree(body);
        switch (event) {
            case "notify-stream.json" -> {
                try (var ddb = aws.clients().dynamoDb()) {
                    for (JsonNode r : e.path("Records")) {
                        ddb.putItem(b -> b.tableName(aws.tables().alerts()).item(StreamImages.item(r.path("dynamodb").path("NewImage"))));
                    }
                }
            }
            case "ingest-s3.json" -> {
                try (S3Client s3 = aws.clients().configure(S3Client.builder()).forcePathStyle(true).build()) {
                    for (JsonNode r : e.path("Records")) {
                        String bucket = r.path("s3").path("bucket").path("name").asText();
                        String key = r.path("s3").path("object").path("key").asText();
                        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                            s3.createBucket(b -> b.bucket(bucket));
                        }
                        Path article = template.root().resolve("events/articles").resolve(Path.of(key).getFileName().toString());
                        s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain"), RequestBody.fromFile(article));
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void check(String event, JsonNode response, Rie fn) throws IOException {
        String where = event + " -> " + response + "\nlog:\n" + fn.log();
        switch (event) {
            case "ingest-post.json" -> {
                assertThat(response.path("statusCode").asInt()).as(where).isEqualTo(201);
                JsonNode body = Json.MAPPER.readTree(response.path("body").asText());
                assertThat(body.path("facts").asInt()).as(where).isPositive();
                assertThat(body.path("id").asText()).as(where).isNotBlank();
            }
            case "ingest-s3.json" -> assertThat(response.path("articles")).as(where).isNotEmpty();
            case "count-stream.json", "detect-stream.json", "notify-stream.json" -> {
                assertThat(response.has("batchItemFailures")).as(where).isTrue();
                assertThat(response.path("batchItemFailures").isArray()).as(where).isTrue();
                assertThat(response.path("batchItemFailures")).as(where).isEmpty();
            }
            case "notify-schedule.json" -> assertThat(response.has("published")).as(where).isTrue();
            case "subscribe-post.json" -> {
                assertThat(response.path("statusCode").asInt()).as(where).isEqualTo(201);
                assertThat(Json.MAPPER.readTree(response.path("body").asText()).path("id").asText()).as(where).isNotBlank();
            }
            default -> assertThat(response.path("statusCode").asInt(200)).as(where).isLessThan(500);
        }
    }
}

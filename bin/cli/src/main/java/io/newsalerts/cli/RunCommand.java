package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.lifecycle.Silence;
import io.newsalerts.extract.Extractor;
import io.newsalerts.rules.RuleBook;
import io.newsalerts.rules.RuleSet;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.message.AlertMessage;
import io.newsalerts.notify.NotifyHandler;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.sns.SnsClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code alerts run FILE...}: every file through the real pipeline, in order, one JSON line per alert on stdout.
 * Starts from empty tables unless {@code --state DIR} holds a previous run's.
 */
@Command(name = "run", description = "Run articles through ingest, count, detect and notify on a local DynamoDB; print each alert as a JSON line.")
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "article files, processed in the order given")
    List<Path> files;

    @Option(names = "--state", paramLabel = "DIR", description = "keep the tables here between runs (default: start empty)")
    Path state;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "DynamoDB (with Streams) endpoint; default AWS_ENDPOINT_URL_DYNAMODB or AWS_ENDPOINT_URL (bin/alerts starts one)")
    URI dynamoEndpoint;

    @Option(names = "--topic-arn", paramLabel = "ARN",
            description = "deliver alerts to this SNS topic (endpoint, region and credentials from the standard AWS settings)")
    String topicArn;

    @Option(names = "--silence", paramLabel = "SCOPE",
            description = "mute a scope before the run, as POST /silences would: 'actor=Islamic State,region=IQ,rule=yoy-doubling,"
                    + "until=P30D,reason=...' (at least one of actor, region, rule; until an ISO-8601 instant or a duration from "
                    + "now, default P1D); repeatable")
    List<String> silences = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE",
            description = "rules file (JSON) to run instead of the bundled one, e.g. a deployer's override")
    Path rulesFile;

    @Mixin
    GazetteerOption gazetteer;

    @Option(names = "--failure-queue", paramLabel = "URL",
            description = "SQS queue (on the same endpoint) that receives what still fails after Lambda's retries, "
                    + "as template.yaml's FailureQueue would; default: stderr")
    String failureQueue;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION:-us-east-1}", description = "region for the local tables (default: ${DEFAULT-VALUE})")
    String region;

    @Override
    public Integer call() throws IOException {
        URI endpoint = dynamoEndpoint != null ? dynamoEndpoint : envUri("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL");
        if (endpoint == null) {
            System.err.println("error: no DynamoDB endpoint: pass --dynamodb-endpoint or set AWS_ENDPOINT_URL (bin/alerts starts a local one)");
            return 2;
        }
        Clients clients = Clients.forEndpoint(endpoint, region);
        var ddb = clients.dynamoDb();
        // A fresh set of tables per run, so a shared emulator never leaks one run into the next.
        Tables tables = Tables.withPrefix("newsalerts-" + UUID.randomUUID().toString().substring(0, 8));
        tables.create(ddb);
        try {
            if (state != null) {
                int restored = TableSnapshot.load(ddb, tables.articles(), state.resolve("articles.jsonl"))
                        + TableSnapshot.load(ddb, tables.counters(), state.resolve("counters.jsonl"))
                        + TableSnapshot.load(ddb, tables.alerts(), state.resolve("alerts.jsonl"))
                        + TableSnapshot.load(ddb, tables.silences(), state.resolve("silences.jsonl"));
                System.err.println("restored " + restored + " item(s) from " + state);
            }
            RuleSet rules;
            Extractor extractor;
            try {
                rules = rulesFile == null ? RuleSet.defaults() : RuleBook.parse(Files.readString(rulesFile), rulesFile.toString());
                extractor = gazetteer.extractor();
            } catch (IllegalArgumentException e) { // InvalidRulesException, or an invalid gazetteer file
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            SilenceRepository silenceTable = new SilenceRepository(ddb, tables.silences());
            for (String scope : silences) {
                Silence s = silence(silenceTable, scope);
                System.err.println("[silence] " + describe(s));
            }
            LocalPipeline pipeline = new LocalPipeline(clients, tables, notifier(ddb, tables), RunCommand::print,
                    Clock.systemUTC(), rules, extractor);
            if (failureQueue != null) {
                pipeline.onFailureTo(clients.configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build(), failureQueue);
            }
            pipeline.skipExisting();
            int rejected = 0;
            for (Path file : files) {
                JsonNode response = pipeline.postArticle(Files.readString(file), HttpEvents.contentTypeFor(file.getFileName().toString()));
                int status = response.path("statusCode").asInt();
                JsonNode body = Json.MAPPER.readTree(response.path("body").asText("{}"));
                if (status >= 400) {
                    System.err.println("error: " + file + ": " + body.path("detail").asText(body.toString()));
                    rejected++;
                    continue;
                }
                System.err.println(file + ": " + body.path("facts").asInt() + " fact(s)"
                        + (body.path("duplicate").asBoolean() ? ", already ingested" : ""));
                pipeline.drain();
            }
            if (state != null) {
                TableSnapshot.save(ddb, tables.articles(), state.resolve("articles.jsonl"));
                TableSnapshot.save(ddb, tables.counters(), state.resolve("counters.jsonl"));
                TableSnapshot.save(ddb, tables.alerts(), state.resolve("alerts.jsonl"));
                TableSnapshot.save(ddb, tables.silences(), state.resolve("silences.jsonl"));
            }
            return rejected == 0 ? 0 : 2;
        } finally {
            for (String t : List.of(tables.articles(), tables.counters(), tables.alerts(), tables.silences())) {
                ddb.deleteTable(b -> b.tableName(t));
            }
        }
    }

    /**
     * Where alerts go besides stdout: the topic named by --topic-arn; else, when an emulator's SNS is configured
     * (AWS_ENDPOINT_URL_SNS or AWS_ENDPOINT_URL), a local topic created there; else nowhere, and the console says so.
     */
    private NotifyHandler notifier(software.amazon.awssdk.services.dynamodb.DynamoDbClient ddb, Tables tables) {
        URI snsEndpoint = envUri("AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL");
        if (topicArn == null && snsEndpoint == null) {
            System.err.println("[console delivery] no SNS topic configured (--topic-arn or AWS_ENDPOINT_URL): alerts are printed, not sent");
            return null;
        }
        SnsClient sns = Clients.fromEnvironment().sns(); // the SDK's own resolution of AWS_ENDPOINT_URL_SNS / AWS_ENDPOINT_URL
        String topic = topicArn != null ? topicArn : sns.createTopic(b -> b.name("newsalerts-local-alerts")).topicArn();
        System.err.println("[sns delivery] alerts are published to " + topic);
        return new NotifyHandler(new AlertRepository(ddb, tables.alerts()), new AlertPublisher(sns, topic), 100);
    }

    /** A --silence value: comma-separated key=value pairs, keys actor, region, rule, until, reason. */
    static Silence silence(SilenceRepository table, String scope) {
        java.util.Map<String, String> v = new java.util.HashMap<>();
        for (String pair : scope.split(",")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
            if (!List.of("actor", "region", "rule", "until", "reason").contains(key) || eq < 0) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RunCommand()),
                        "--silence '" + scope + "': expected key=value pairs with keys actor, region, rule, until, reason");
            }
            v.put(key, pair.substring(eq + 1).strip());
        }
        try {
            Instant until = Silence.until(v.getOrDefault("until", "P1D"), Instant.now());
            return table.add(v.get("actor"), v.get("region"), v.get("rule"), until, v.get("reason"));
        } catch (IllegalArgumentException e) { // an unreadable until, or no scope
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RunCommand()),
                    "--silence '" + scope + "': " + e.getMessage());
        }
    }

    private static String describe(Silence s) {
        return "muting" + (s.actor() == null ? "" : " actor=" + s.actor()) + (s.region() == null ? "" : " region=" + s.region())
                + (s.rule() == null ? "" : " rule=" + s.rule()) + " until " + s.until()
                + ": its alerts are recorded with state silenced and not delivered";
    }

    /**
     * The run contract: id, state, rule, actor, regions, eventType, current, baseline, ratio, severity, sms,
     * emailSubject, evidence. One line per lifecycle transition.
     */
    static void print(Alert alert) {
        ObjectNode full = AlertJson.toJson(alert);
        AlertMessage message = AlertMessage.of(alert);
        ObjectNode line = Json.object();
        line.put("id", alert.id());
        line.put("state", alert.state().wire());
        line.set("rule", full.get("rule"));
        line.set("actor", full.get("actor"));
        line.set("regions", full.get("regions"));
        line.set("eventType", full.get("eventType"));
        line.set("area", full.get("area"));
        line.set("current", countAndPeriod(full.get("current")));
        line.set("baseline", countAndPeriod(full.get("baseline")));
        line.set("projected", full.get("projected"));
        line.set("ratio", full.get("ratio"));
        line.set("severity", full.get("severity"));
        line.put("sms", message.sms());
        line.put("emailSubject", message.emailSubject());
        var evidence = line.putArray("evidence");
        full.get("evidence").forEach(e -> evidence.addObject()
                .put("sentence", e.path("sentence").asText(null))
                .put("source", e.path("source").asText(null)));
        System.out.println(line);
        System.out.flush();
    }

    private static ObjectNode countAndPeriod(JsonNode observation) {
        ObjectNode o = Json.object();
        o.set("count", observation.get("count"));
        o.set("period", observation.get("period"));
        return o;
    }

    private static URI envUri(String... names) {
        for (String n : names) {
            String v = System.getenv(n);
            if (v != null && !v.isBlank()) {
                return URI.create(v);
            }
        }
        return null;
    }

}

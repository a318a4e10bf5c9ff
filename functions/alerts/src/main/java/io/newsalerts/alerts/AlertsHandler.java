package io.newsalerts.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.api.HttpRequest;
import io.newsalerts.api.HttpResponse;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.Priming;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.lifecycle.Silence;
import io.newsalerts.log.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Alerts function behind the HTTP API (payload 2.0):
 * {@code POST /silences} {actor?, region?, rule?, until, reason?} mutes that scope until {@code until} (201);
 * {@code GET /alerts?actor=&region=&since=&limit=} lists alerts with their evidence and lifecycle, newest change
 * first (200). Bad input is a 400 problem document naming each problem.
 */
public final class AlertsHandler implements RequestStreamHandler {
    static final int MAX_BODY_BYTES = 4 * 1024;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Set<String> SILENCE_FIELDS = Set.of("actor", "region", "rule", "until", "reason");

    /**
     * SnapStart priming: a silence refused by validation (400, nothing written) and a history query for an actor no
     * alert carries (one read of the alerts table).
     */
    private static final String[] PRIMING_EVENTS = {"""
            {"version":"2.0","routeKey":"POST /silences","rawPath":"/silences","headers":{"content-type":"application/json"},
             "requestContext":{"http":{"method":"POST","path":"/silences"}},
             "body":"{\\"actor\\":\\"priming\\"}","isBase64Encoded":false}""", """
            {"version":"2.0","routeKey":"GET /alerts","rawPath":"/alerts","headers":{},
             "queryStringParameters":{"actor":"priming","limit":"1"},
             "requestContext":{"http":{"method":"GET","path":"/alerts"}},"isBase64Encoded":false}"""};

    private final AlertRepository alerts;
    private final SilenceRepository silences;
    private final Clock clock;
    private final Priming priming; // held here: the CRaC context keeps resources only weakly

    /** Called by Lambda: clients built once per container. Env: ALERTS_TABLE, SILENCES_TABLE. */
    public AlertsHandler() {
        this(Clients.fromEnvironment().dynamoDb(), Tables.fromEnvironment(), Clock.systemUTC());
    }

    private AlertsHandler(DynamoDbClient ddb, Tables tables, Clock clock) {
        this(new AlertRepository(ddb, tables.alerts(), clock), new SilenceRepository(ddb, tables.silences(), clock), clock,
                true);
    }

    public AlertsHandler(AlertRepository alerts, SilenceRepository silences, Clock clock) {
        this(alerts, silences, clock, false);
    }

    private AlertsHandler(AlertRepository alerts, SilenceRepository silences, Clock clock, boolean prime) {
        this.alerts = alerts;
        this.silences = silences;
        this.clock = clock;
        this.priming = prime ? Priming.register("alerts", this::prime) : null;
    }

    private void prime() {
        for (String event : PRIMING_EVENTS) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                handleRequest(new java.io.ByteArrayInputStream(event.getBytes(java.nio.charset.StandardCharsets.UTF_8)), out, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"statusCode\":5")) {
                throw new IllegalStateException("priming request failed: " + out.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (event == null || !HttpRequest.isHttpApiEvent(event)) {
            throw new IllegalArgumentException("not an API Gateway HTTP API (payload 2.0) event");
        }
        Json.MAPPER.writeValue(output, handle(HttpRequest.fromEvent(event)).toEvent());
    }

    HttpResponse handle(HttpRequest request) {
        try {
            String path = request.path() == null ? "" : request.path().replaceAll("/+$", "");
            if (path.endsWith("/silences") && "POST".equals(request.method())) {
                return addSilence(request);
            }
            if (path.endsWith("/alerts") && "GET".equals(request.method())) {
                return listAlerts(request);
            }
            return HttpResponse.problem(404, "Not found", "no route " + request.method() + " " + request.path());
        } catch (BadRequest e) {
            return HttpResponse.problem(400, "Bad request", e.getMessage());
        } catch (SdkException e) {
            Log.error("DynamoDB call failed", e, "method", request.method(), "route", request.routeKey());
            return HttpResponse.problem(502, "Bad gateway", "the alerts store did not answer; try again later");
        } catch (RuntimeException e) {
            Log.error("alerts request failed", e, "method", request.method(), "route", request.routeKey());
            return HttpResponse.problem(500, "Internal error", "the request could not be handled; try again later");
        }
    }

    private HttpResponse addSilence(HttpRequest request) {
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponse.problem(413, "Payload too large", "a silence is at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.bodyUtf8());
        } catch (IOException | IllegalArgumentException e) {
            throw new BadRequest("the body is not JSON: expected {\"actor\"?, \"region\"?, \"rule\"?, \"until\", \"reason\"?}");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest("the body must be a JSON object: {\"actor\"?, \"region\"?, \"rule\"?, \"until\", \"reason\"?}");
        }
        List<String> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!SILENCE_FIELDS.contains(f)) {
                problems.add("unknown field '" + f + "' (known: actor, region, rule, until, reason)");
            }
        });
        for (String f : List.of("actor", "region", "rule", "reason")) {
            if (body.has(f) && !body.get(f).isNull() && (!body.get(f).isTextual() || body.get(f).asText().length() > 200)) {
                problems.add(f + " must be a string of at most 200 characters");
            }
        }
        Instant now = clock.instant();
        Instant until = null;
        if (!body.hasNonNull("until") || !body.get("until").isTextual()) {
            problems.add("until is required: an ISO-8601 instant such as 2026-12-31T00:00:00Z, or a duration from now such as P30D");
        } else {
            try {
                until = Silence.until(body.get("until").asText(), now);
                if (!until.isAfter(now)) {
                    problems.add("until must be in the future (now is " + now + ")");
                } else if (until.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
                    problems.add("until must be within a year; unsubscribe to stop alerts for good");
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (text(body, "actor") == null && text(body, "region") == null && text(body, "rule") == null) {
            problems.add("give at least one of actor, region or rule: the scope to mute");
        }
        if (!problems.isEmpty()) {
            throw new BadRequest(String.join("; ", problems));
        }
        Silence s = silences.add(text(body, "actor"), text(body, "region"), text(body, "rule"), until, text(body, "reason"));
        Log.info("silence added", "silenceId", s.id(), "until", s.until().toString());
        return HttpResponse.json(201, silenceJson(s));
    }

    private HttpResponse listAlerts(HttpRequest request) {
        String actor = blankToNull(request.query().get("actor"));
        String region = blankToNull(request.query().get("region"));
        Instant since = since(request.query().get("since"));
        int limit = DEFAULT_LIMIT;
        String l = request.query().get("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new BadRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("alerts");
        for (AlertRepository.Recorded r : alerts.history(actor, region, since, limit)) {
            ObjectNode a = AlertJson.toJson(r.alert());
            a.put("delivery", r.delivery());
            a.put("createdAt", r.createdAt());
            a.put("updatedAt", r.updatedAt());
            ArrayNode lifecycle = a.putArray("lifecycle");
            for (AlertRepository.Change c : r.changes()) {
                lifecycle.addObject().put("state", c.state()).put("at", c.at()).put("ratio", c.ratio())
                        .put("severity", c.severity()).put("count", c.count()).put("period", c.period())
                        .put("notified", c.notified());
            }
            items.add(a);
        }
        return HttpResponse.json(200, out);
    }

    /** An instant, or a date meaning its start (UTC); absent means everything. */
    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("since must be a date (2026-01-31) or an ISO-8601 instant (2026-01-31T12:00:00Z), got '"
                    + value + "'");
        }
    }

    static ObjectNode silenceJson(Silence s) {
        ObjectNode o = Json.object();
        o.put("id", s.id());
        o.put("actor", s.actor());
        o.put("region", s.region());
        o.put("rule", s.rule());
        o.put("until", s.until().toString());
        o.put("reason", s.reason());
        o.put("createdAt", s.createdAt().toString());
        return o;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A request the caller must fix; the message says how. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}

package io.newsalerts.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.api.HttpRequest;
import io.newsalerts.api.HttpResponse;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.aws.Priming;
import io.newsalerts.aws.SubscriptionGateway;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Subscribe function behind an HTTP API (payload 2.0):
 * {@code POST /subscriptions} subscribes an email address or phone number with optional filters (201),
 * {@code GET /subscriptions?endpoint=...} lists that endpoint's subscriptions (200),
 * {@code DELETE /subscriptions/{id}} removes one (204, or 404),
 * {@code POST /subscriptions/confirm} confirms an email subscription with the token of SNS's confirmation email so that
 * it can only be removed through this API (AuthenticateOnUnsubscribe), 200 or 404.
 * Bad input is a 400 problem document naming each problem, and nothing is created.
 */
public final class SubscribeHandler implements RequestStreamHandler {

    /** Larger bodies are refused unread: a subscription is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Pattern COLLECTION = Pattern.compile("(?:.*/)?subscriptions/?");
    private static final Pattern ITEM = Pattern.compile("(?:.*/)?subscriptions/([^/]+)/?");
    private static final Pattern CONFIRM = Pattern.compile("(?:.*/)?subscriptions/confirm/?");

    /**
     * SnapStart priming: a subscription refused by validation (400, nothing created), and a listing for an address
     * nobody uses (one ListSubscriptionsByTopic walk of the topic).
     */
    private static final String[] PRIMING_EVENTS = {"""
            {"version":"2.0","routeKey":"POST /subscriptions","rawPath":"/subscriptions","headers":{"content-type":"application/json"},
             "requestContext":{"http":{"method":"POST","path":"/subscriptions"}},
             "body":"{\\"protocol\\":\\"email\\",\\"endpoint\\":\\"not-an-address\\",\\"minSeverity\\":\\"medium\\"}","isBase64Encoded":false}""", """
            {"version":"2.0","routeKey":"GET /subscriptions","rawPath":"/subscriptions","headers":{},
             "queryStringParameters":{"endpoint":"priming@example.invalid"},
             "requestContext":{"http":{"method":"GET","path":"/subscriptions"}},"isBase64Encoded":false}"""};

    private final Supplier<SubscriptionValidator> validator;
    private final SubscriptionGateway gateway;
    private final Priming priming; // held here: the CRaC context keeps resources only weakly

    /** Called by Lambda: the SNS client is built once per container, at init; TOPIC_ARN names the alerts topic. */
    public SubscribeHandler() {
        this(Clients.fromEnvironment());
    }

    private SubscribeHandler(Clients clients) {
        this(KnownActors.validator(new ParameterStore(clients), Clock.systemUTC()),
                new SubscriptionGateway(clients.sns(), requiredEnv("TOPIC_ARN")), true);
    }

    private SubscribeHandler(Supplier<SubscriptionValidator> validator, SubscriptionGateway gateway, boolean prime) {
        this.validator = validator;
        this.gateway = gateway;
        this.priming = prime ? Priming.register("subscribe", this::prime) : null;
    }

    private void prime() {
        for (String event : PRIMING_EVENTS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":5")) {
                throw new IllegalStateException("priming request failed: " + out.toString(StandardCharsets.UTF_8));
            }
        }
    }

    public SubscribeHandler(SubscriptionValidator validator, SubscriptionGateway gateway) {
        this(() -> validator, gateway, false);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (event == null || !HttpRequest.isHttpApiEvent(event)) {
            throw new IllegalArgumentException("not an API Gateway HTTP API (payload 2.0) event");
        }
        HttpResponse response = handle(HttpRequest.fromEvent(event));
        // 4xx are the caller's mistakes; a 5xx is ours (or SNS's) and counts as a failure.
        Metrics.of("subscribe").add(Metrics.Name.Failures, response.status() >= 500 ? 1 : 0).flush();
        Json.MAPPER.writeValue(output, response.toEvent());
    }

    HttpResponse handle(HttpRequest request) {
        try {
            return route(request);
        } catch (InvalidSubscriptionException e) {
            return HttpResponse.problem(400, "Bad request", e.getMessage());
        } catch (UnknownSubscriptionException e) {
            return HttpResponse.problem(404, "Not found", e.getMessage());
        } catch (SubscriptionRefusedException e) {
            return HttpResponse.problem(409, "Subscription refused", e.getMessage());
        } catch (SdkException e) {
            Log.error("SNS call failed", e, "method", request.method(), "route", request.routeKey());
            return HttpResponse.problem(502, "Bad gateway", "the notification service did not answer; try again later");
        } catch (RuntimeException e) {
            Log.error("subscribe request failed", e, "method", request.method(), "route", request.routeKey());
            return HttpResponse.problem(500, "Internal error", "the request could not be handled; try again later");
        }
    }

    private HttpResponse route(HttpRequest request) {
        String path = request.path() == null ? "" : request.path();
        Matcher item = ITEM.matcher(path);
        boolean collection = COLLECTION.matcher(path).matches();
        String method = request.method();
        if (CONFIRM.matcher(path).matches() && "POST".equals(method)) {
            return confirm(request);
        }
        if (collection && "POST".equals(method)) {
            return create(request);
        }
        if (collection && "GET".equals(method)) {
            return list(request);
        }
        if (item.matches() && "DELETE".equals(method)) {
            String id = request.pathParameters().getOrDefault("id", item.group(1));
            return delete(id);
        }
        if (collection || item.matches()) {
            return HttpResponse.problem(405, "Method not allowed", method + " is not allowed on " + path
                    + (collection ? " (use POST or GET)" : " (use DELETE)"));
        }
        return HttpResponse.problem(404, "Not found", "no route for " + method + " " + path);
    }

    private HttpResponse create(HttpRequest request) {
        String type = request.contentType();
        if (type != null && !type.equals("application/json") && !type.endsWith("+json")) {
            return HttpResponse.problem(415, "Unsupported media type", "send the subscription as application/json");
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponse.problem(413, "Payload too large",
                    "the body is " + request.body().length + " bytes; a subscription is at most " + MAX_BODY_BYTES);
        }
        if (request.body().length == 0) {
            throw new InvalidSubscriptionException("the body is empty: send {\"protocol\": \"email\"|\"sms\", \"endpoint\": ...}");
        }
        String body;
        try {
            body = request.bodyUtf8();
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(e.getMessage());
        }
        Subscription s = gateway.subscribe(validator.get().parse(body));
        return HttpResponse.json(201, toJson(s));
    }

    /**
     * Body: {@code {"confirmationUrl": "<the link in SNS's confirmation email>"}}, or {@code {"token": "..."}}. The
     * link is not followed (that would confirm without authentication); its Token and TopicArn are read from it.
     */
    private HttpResponse confirm(HttpRequest request) {
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponse.problem(413, "Payload too large", "a confirmation is at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.bodyUtf8());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSubscriptionException("the body is not valid JSON: send {\"confirmationUrl\": \"...\"}");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidSubscriptionException("send {\"confirmationUrl\": \"<the link in the confirmation email>\"}");
        }
        String token = body.path("token").asText(null);
        String topic = body.path("topicArn").asText(null);
        if (body.hasNonNull("confirmationUrl")) {
            Map<String, String> q = queryOf(body.get("confirmationUrl").asText());
            token = q.get("Token");
            topic = q.get("TopicArn");
            if (token == null) {
                throw new InvalidSubscriptionException("confirmationUrl has no Token parameter: paste the whole "
                        + "\"Confirm subscription\" link of the email");
            }
        }
        if (token == null) {
            throw new InvalidSubscriptionException("confirmationUrl (or token) is required");
        }
        String id;
        try {
            id = gateway.confirm(token, topic);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(e.getMessage());
        }
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("status", Subscription.Status.CONFIRMED.wire());
        out.put("unsubscribe", "only through DELETE /subscriptions/" + id + " (the link in emails no longer unsubscribes)");
        return HttpResponse.json(200, out);
    }

    /** Query parameters of a URL, decoded; empty for anything that is not an http(s) URL. */
    static Map<String, String> queryOf(String url) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            if (uri.getRawQuery() == null || !(uri.getScheme() != null && uri.getScheme().startsWith("http"))) {
                return out;
            }
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException malformed) {
            // no parameters
        }
        return out;
    }

    private HttpResponse list(HttpRequest request) {
        String endpoint = SubscriptionValidator.normaliseEndpoint(request.query().get("endpoint"));
        List<Subscription> found = gateway.listByEndpoint(endpoint);
        ObjectNode out = Json.object();
        out.put("endpoint", Log.mask(endpoint));
        ArrayNode list = out.putArray("subscriptions");
        found.forEach(s -> list.add(toJson(s)));
        return HttpResponse.json(200, out);
    }

    private HttpResponse delete(String id) {
        try {
            gateway.unsubscribe(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(e.getMessage());
        }
        return HttpResponse.noContent();
    }

    /** The endpoint is masked: the response may be logged or cached, and the caller knows the address. */
    static ObjectNode toJson(Subscription s) {
        ObjectNode o = Json.object();
        o.put("id", s.id());
        o.put("protocol", s.protocol().wire());
        o.put("endpoint", Log.mask(s.endpoint()));
        if (s.filterPolicy() != null) {
            o.put("delivery", AlertFilter.deliveryOf(s.filterPolicy()).wire());
        }
        if (s.filterPolicy() == null) {
            o.putNull("filterPolicy");
        } else {
            try {
                o.set("filterPolicy", Json.MAPPER.readTree(s.filterPolicy()));
            } catch (IOException e) {
                o.put("filterPolicy", s.filterPolicy());
            }
        }
        o.put("status", s.status().wire());
        return o;
    }

    private static String requiredEnv(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: the function needs the alerts topic ARN");
        }
        return v.strip();
    }
}

package io.newsalerts.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.SubscriptionGateway;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sns.SnsClient;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Whatever is posted to /subscriptions, a bad request gets a 4xx problem document naming what is wrong, and the
 * topic gains no subscription: nothing half-created, nothing crashed.
 */
@ExtendWith(LocalAws.class)
class SubscribeBadInputIT {

    private static final String JSON = "application/json";

    private SnsClient sns;
    private String topic;
    private SubscribeHandler handler;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        sns = aws.clients().sns();
        topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        handler = new SubscribeHandler(new SubscriptionValidator(Set.of("Islamic State", "Hezbollah")),
                new SubscriptionGateway(sns, topic));
    }

    static ObjectNode post(String contentType, byte[] body, boolean base64) {
        return Events.post("subscribe-post.json", contentType, body, base64);
    }

    private static Arguments json(String name, String body, int status, String detail) {
        return arguments(name, post(JSON, body.getBytes(StandardCharsets.UTF_8), false), status, detail);
    }

    private static Arguments email(String name, String extraFields, int status, String detail) {
        return json(name, "{\"protocol\":\"email\",\"endpoint\":\"ana@example.org\"" + extraFields + "}", status, detail);
    }

    private static Arguments endpoint(String name, String protocol, String endpointJson, String detail) {
        return json(name, "{\"protocol\":\"" + protocol + "\",\"endpoint\":" + endpointJson + "}", 400, detail);
    }

    static Stream<Arguments> badSubscriptions() {
        return Stream.of(
                json("empty body", "", 400, "empty"),
                json("over the 16 KB limit", "{\"protocol\":\"email\",\"endpoint\":\"ana@example.org\",\"x\":\""
                        + "a".repeat(SubscribeHandler.MAX_BODY_BYTES) + "\"}", 413, "at most 16384"),
                json("invalid JSON", "{\"protocol\":\"email\",", 400, "not valid JSON"),
                json("JSON that is an array", "[\"email\",\"ana@example.org\"]", 400, "JSON object"),
                json("deeply nested JSON", "[".repeat(10_000), 400, "not valid JSON"),
                json("duplicate keys", "{\"protocol\":\"email\",\"protocol\":\"sms\",\"endpoint\":\"ana@example.org\"}", 400, "duplicate"),
                json("trailing content", "{\"protocol\":\"email\",\"endpoint\":\"ana@example.org\"} {\"protocol\":\"sms\"}", 400, "not valid JSON"),
                arguments("wrong content type", post("text/plain", "{\"protocol\":\"email\",\"endpoint\":\"ana@example.org\"}"
                        .getBytes(StandardCharsets.UTF_8), false), 415, "application/json"),
                arguments("binary body", post("application/octet-stream", new byte[] {0, 1, 2, (byte) 0xff}, true), 415, "application/json"),
                arguments("invalid UTF-8", post(JSON, "{\"protocol\":\"email\",\"endpoint\":\"jos\u00e9@example.org\"}"
                        .getBytes(StandardCharsets.ISO_8859_1), true), 400, "UTF-8"),
                email("unknown field", ",\"admin\":true", 400, "unknown field 'admin'"),
                json("no protocol", "{\"endpoint\":\"ana@example.org\"}", 400, "protocol"),
                endpoint("http protocol", "http", "\"http://evil.example/hook\"", "protocol"),
                endpoint("lambda protocol", "lambda", "\"arn:aws:lambda:us-east-1:123456789012:function:x\"", "protocol"),
                endpoint("sqs protocol", "sqs", "\"arn:aws:sqs:us-east-1:123456789012:q\"", "protocol"),
                endpoint("email without a domain", "email", "\"ana@\"", "endpoint"),
                endpoint("email with two at signs", "email", "\"ana@@example.org\"", "endpoint"),
                endpoint("email with a header injection", "email", "\"ana@example.org\\r\\nBcc: eve@evil.example\"", "endpoint"),
                endpoint("email with a quote injection", "email", "\"ana@example.org' OR '1'='1\"", "endpoint"),
                endpoint("endpoint that is a number", "email", "12345678901234567890", "endpoint"),
                endpoint("phone too short", "sms", "\"12345\"", "endpoint"),
                endpoint("phone with a leading zero country code", "sms", "\"+0123456789\"", "endpoint"),
                endpoint("phone with letters", "sms", "\"+1415555O123\"", "endpoint"),
                endpoint("phone with a shell injection", "sms", "\"+14155550123; rm -rf /\"", "endpoint"),
                email("actor with a filter-policy injection", ",\"actors\":[\"Islamic State\\\"],\\\"rule\\\":[\\\"x\"]", 400, "actor"),
                email("actor with a script tag", ",\"actors\":[\"<script>alert(1)</script>\"]", 400, "actor"),
                email("unknown region", ",\"regions\":[\"XX\"]", 400, "region"),
                email("region with an injection", ",\"regions\":[\"IQ'; DROP TABLE subscriptions; --\"]", 400, "region"),
                email("event type with an injection", ",\"eventTypes\":[\"attack\\\"}]}\"]", 400, "eventType"),
                email("severity that is an overflowing number", ",\"minSeverity\":1e999", 400, "minSeverity"),
                email("severity out of range", ",\"minSeverity\":\"catastrophic\"", 400, "minSeverity"),
                email("absurdly many actors", ",\"actors\":[" + "\"Hezbollah\",".repeat(1000) + "\"Hezbollah\"]", 400, "actors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubscriptions")
    void badSubscriptionGetsAProblemNamingItAndNothingIsSubscribed(String name, JsonNode event, int status, String detail) {
        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).as(name).isEqualTo(status);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = Lambda.body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(name).containsIgnoringCase(detail);
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).as("subscriptions").isEmpty();
    }

    @Test
    void listingWithAMalformedEndpointIsABadRequest() {
        ObjectNode event = Events.json("subscribe-get.json");
        ((ObjectNode) event.get("queryStringParameters")).put("endpoint", "not-an-address\r\n");

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Lambda.body(response).path("detail").asText()).containsIgnoringCase("endpoint");
    }

    @Test
    void deletingAnIdThatIsAnInjectionIsABadRequestAndDeletesNothing() {
        JsonNode created = Lambda.invoke(handler, Events.json("subscribe-post.json"));
        assertThat(created.path("statusCode").asInt()).isEqualTo(201);
        ObjectNode event = Events.json("subscribe-delete.json");
        String evil = "..%2F..%2Fall";
        ((ObjectNode) event.path("requestContext").path("http")).put("path", "/subscriptions/" + evil);
        event.put("rawPath", "/subscriptions/" + evil);
        ((ObjectNode) event.get("pathParameters")).put("id", evil);

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Lambda.body(response).path("detail").asText()).isNotBlank();
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).hasSize(1);
    }
}

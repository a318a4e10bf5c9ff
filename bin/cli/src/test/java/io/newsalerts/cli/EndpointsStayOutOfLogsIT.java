package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.SubscriptionGateway;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import io.newsalerts.subscribe.SubscribeHandler;
import io.newsalerts.subscribe.SubscriptionValidator;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.FaultyProxy;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribers' email addresses and phone numbers never reach the logs in full: not on success, not when SNS fails
 * and its error message quotes the endpoint, not while alerts are published to them. Every log line is one JSON
 * object (Lambda's JSON log format), and every metrics line a valid EMF document.
 */
@ExtendWith(LocalAws.class)
class EndpointsStayOutOfLogsIT {

    private static final String EMAIL = "ana.lopez@example.org";
    private static final String PHONE = "+14155550123";

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private PrintStream previousLog;
    private PrintStream previousMetrics;

    @BeforeEach
    void capture() {
        previousLog = Log.sink(new PrintStream(logs, true, StandardCharsets.UTF_8));
        previousMetrics = Metrics.sink(new PrintStream(metrics, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Log.sink(previousLog);
        Metrics.sink(previousMetrics);
    }

    private static ObjectNode subscribe(String protocol, String endpoint) {
        ObjectNode event = Events.json("subscribe-post.json");
        event.put("body", "{\"protocol\":\"" + protocol + "\",\"endpoint\":\"" + endpoint + "\"}");
        return event;
    }

    @Test
    void subscribeListUnsubscribeAndNotifyLogOnlyMaskedEndpoints(LocalAws.Endpoint aws) throws Exception {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        SubscribeHandler handler = new SubscribeHandler(new SubscriptionValidator(Set.of("Islamic State")),
                new SubscriptionGateway(sns, topic));

        JsonNode email = Lambda.invoke(handler, subscribe("email", EMAIL));
        JsonNode sms = Lambda.invoke(handler, subscribe("sms", PHONE));
        ObjectNode list = Events.json("subscribe-get.json");
        ((ObjectNode) list.get("queryStringParameters")).put("endpoint", EMAIL);
        JsonNode listed = Lambda.invoke(handler, list);
        ObjectNode delete = Events.json("subscribe-delete.json");
        String id = Lambda.body(sms).path("id").asText();
        ((ObjectNode) delete.get("pathParameters")).put("id", id);
        ((ObjectNode) delete.path("requestContext").path("http")).put("path", "/subscriptions/" + id);
        JsonNode deleted = Lambda.invoke(handler, delete);
        // Alerts published to the topic that has these subscribers, through the whole pipeline.
        Rig rig = new Rig(aws, new AlertPublisher(sns, topic));
        rig.post(Events.text("articles/2024-07-17-is-attacks-iraq-syria.txt"));
        rig.drain();

        assertThat(email.path("statusCode").asInt()).isEqualTo(201);
        assertThat(sms.path("statusCode").asInt()).isEqualTo(201);
        assertThat(listed.path("statusCode").asInt()).isEqualTo(200);
        assertThat(deleted.path("statusCode").asInt()).isEqualTo(204);
        assertThat(rig.alerts.scanAll()).isNotEmpty();
        String all = logs.toString(StandardCharsets.UTF_8);
        assertThat(all).doesNotContain(EMAIL, PHONE, "4155550123")
                .contains(Log.mask(EMAIL), Log.mask(PHONE), "alert published");
        assertEveryLineIsJson(all);
        for (String line : metrics.toString(StandardCharsets.UTF_8).split("\n")) {
            assertThat(Json.MAPPER.readTree(line).path("_aws").path("CloudWatchMetrics").isArray()).isTrue();
        }
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"NotificationsSent\":1", "\"AlertsFired\":1");
    }

    @Test
    void anSnsErrorQuotingTheEndpointIsLoggedMasked(LocalAws.Endpoint aws) throws Exception {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        try (FaultyProxy proxy = FaultyProxy.in(aws.uri())) {
            SubscribeHandler handler = new SubscribeHandler(new SubscriptionValidator(Set.of("Islamic State")),
                    new SubscriptionGateway(Clients.forEndpoint(proxy.uri(), "us-east-1").sns(), topic));
            proxy.failNext(1, FaultyProxy.Fault.snsInvalidParameter("Invalid parameter: Endpoint " + EMAIL + " or " + PHONE));

            JsonNode response = Lambda.invoke(handler, subscribe("email", EMAIL));

            assertThat(response.path("statusCode").asInt()).isEqualTo(502);
            assertThat(proxy.faultsServed()).isEqualTo(1);
        }
        String all = logs.toString(StandardCharsets.UTF_8);
        assertThat(all).contains("SNS call failed", Log.mask(EMAIL)).doesNotContain(EMAIL, PHONE);
        assertEveryLineIsJson(all);
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"Failures\":1");
    }

    private static void assertEveryLineIsJson(String all) throws Exception {
        for (String line : all.split("\n")) {
            JsonNode l = Json.MAPPER.readTree(line);
            assertThat(l.path("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(l.path("message").asText()).isNotBlank();
        }
    }
}

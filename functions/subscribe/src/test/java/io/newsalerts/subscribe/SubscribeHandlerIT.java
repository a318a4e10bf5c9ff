package io.newsalerts.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.SubscriptionGateway;
import io.newsalerts.json.Json;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscribe function end to end: the sample events in, the emulator's SNS behind it. */
@ExtendWith(LocalAws.class)
class SubscribeHandlerIT {

    private SnsClient sns;
    private String topic;
    private SubscribeHandler handler;

    @BeforeEach
    void setUp() {
        LocalAws.Endpoint aws = LocalAws.endpoint();
        sns = aws.clients().sns();
        topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        handler = new SubscribeHandler(new SubscriptionValidator(Set.of("Islamic State", "Hezbollah")),
                new SubscriptionGateway(sns, topic));
    }

    @Test
    void subscribeListAndUnsubscribeWithTheSampleEvents() throws Exception {
        JsonNode created = Lambda.invoke(handler, Events.json("subscribe-post.json"));
        assertThat(created.path("statusCode").asInt()).isEqualTo(201);
        assertThat(created.path("headers").path("content-type").asText()).isEqualTo("application/json");
        JsonNode body = Json.MAPPER.readTree(created.path("body").asText());
        String id = body.path("id").asText();
        assertThat(SubscriptionGateway.isSubscriptionId(id)).isTrue();
        assertThat(body.path("protocol").asText()).isEqualTo("email");
        assertThat(body.path("endpoint").asText()).isEqualTo("a***@example.org");
        assertThat(body.path("status").asText()).isEqualTo("pending confirmation");
        String policy = "{\"actor\":[\"Islamic State\"],\"regions\":[\"IQ\",\"SY\"],\"severityLevel\":[{\"numeric\":[\">=\",2]}],"
                + "\"delivery\":[\"instant\"]}";
        assertThat(body.path("delivery").asText()).isEqualTo("instant");
        assertThat(body.path("filterPolicy").toString()).isEqualTo(policy);

        // In SNS: one email subscription for the address, with exactly that filter policy.
        List<Subscription> inSns = subscriptions();
        assertThat(inSns).singleElement().satisfies(s -> {
            assertThat(s.protocol()).isEqualTo("email");
            assertThat(s.endpoint()).isEqualTo("ana@example.org");
            assertThat(s.subscriptionArn()).isEqualTo(topic + ":" + id);
        });
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(topic + ":" + id)).attributes())
                .containsEntry("FilterPolicy", policy);

        JsonNode listed = Lambda.invoke(handler, Events.json("subscribe-get.json"));
        assertThat(listed.path("statusCode").asInt()).isEqualTo(200);
        JsonNode list = Json.MAPPER.readTree(listed.path("body").asText());
        assertThat(list.path("endpoint").asText()).isEqualTo("a***@example.org");
        assertThat(list.path("subscriptions")).hasSize(1);
        assertThat(list.path("subscriptions").get(0).path("id").asText()).isEqualTo(id);
        assertThat(list.path("subscriptions").get(0).path("filterPolicy").toString()).isEqualTo(policy);

        JsonNode deleted = Lambda.invoke(handler, deleteEvent(id));
        assertThat(deleted.path("statusCode").asInt()).isEqualTo(204);
        assertThat(subscriptions()).isEmpty();

        JsonNode again = Lambda.invoke(handler, deleteEvent(id));
        assertThat(again.path("statusCode").asInt()).isEqualTo(404);
        assertThat(problem(again).path("detail").asText()).isEqualTo("no subscription with id " + id);
    }

    @Test
    void anUnsupportedProtocolIsA400AndCreatesNothing() throws Exception {
        JsonNode response = Lambda.invoke(handler, post("{\"protocol\":\"http\",\"endpoint\":\"https://example.org/hook\"}"));
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = problem(response);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isEqualTo("protocol 'http' is not supported: use email or sms");
        assertThat(subscriptions()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"protocol\":\"email\",\"endpoint\":\"not-an-address\"}|endpoint is not a valid email address (expected name@example.org)",
            "{\"protocol\":\"sms\",\"endpoint\":\"0770090012\"}|endpoint is not an E.164 phone number",
            "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"regions\":[\"Syira\"]}|regions: 'Syira' is neither an ISO 3166-1 alpha-2 country code nor a country name (did you mean Syria (SY)?)",
            "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[\"Nobody\"]}|actors: 'Nobody' is not a known actor",
            "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[\"Hezbolah\"]}|actors: 'Hezbolah' is not a known actor (did you mean Hezbollah?)",
            "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"delivery\":\"hourly\"}|delivery must be instant (a message as alerts are raised) or digest (one message a day)",
            "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"topic\":\"x\"}|unknown field 'topic'",
            "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"minSeverity\":\"critical\"}|minSeverity must be one of low, medium, high",
            "{\"protocol\":\"sms\"|the body is not valid JSON",
            "''|the body is empty",
    })
    void badInputIsA400NamingTheProblemAndCreatesNothing(String body, String detail) throws Exception {
        JsonNode response = Lambda.invoke(handler, post(body));
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(problem(response).path("detail").asText()).startsWith(detail);
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        String huge = "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"pad\":\"" + "x".repeat(16 * 1024) + "\"}";
        JsonNode response = Lambda.invoke(handler, post(huge));
        assertThat(response.path("statusCode").asInt()).isEqualTo(413);
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void onlyJsonBodiesAreAccepted() throws Exception {
        ObjectNode event = post("protocol=sms&endpoint=%2B14155550123");
        ((ObjectNode) event.get("headers")).put("content-type", "application/x-www-form-urlencoded");
        assertThat(Lambda.invoke(handler, event).path("statusCode").asInt()).isEqualTo(415);
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void aBase64BodyIsDecodedAndAnSmsSubscriptionIsLiveAtOnce() throws Exception {
        ObjectNode event = post("");
        event.put("body", Base64.getEncoder().encodeToString(
                "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\"}".getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);
        JsonNode response = Lambda.invoke(handler, event);
        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        JsonNode body = Json.MAPPER.readTree(response.path("body").asText());
        assertThat(body.path("status").asText()).isEqualTo("confirmed");
        assertThat(body.path("filterPolicy").toString()).isEqualTo("{\"delivery\":[\"instant\"]}");
        assertThat(body.path("endpoint").asText()).doesNotContain("5550123");
        assertThat(subscriptions()).singleElement().satisfies(s -> assertThat(s.endpoint()).isEqualTo("+14155550123"));
    }

    @Test
    void anOptedOutPhoneIsA409() throws Exception {
        // The emulator reports numbers ending in 99 as opted out.
        JsonNode response = Lambda.invoke(handler, post("{\"protocol\":\"sms\",\"endpoint\":\"+14155550199\"}"));
        assertThat(response.path("statusCode").asInt()).isEqualTo(409);
        assertThat(problem(response).path("detail").asText()).contains("has opted out of SMS");
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void idsRoutesAndMethodsAreChecked() throws Exception {
        JsonNode badId = Lambda.invoke(handler, deleteEvent("not-a-uuid"));
        assertThat(badId.path("statusCode").asInt()).isEqualTo(400);
        assertThat(problem(badId).path("detail").asText()).startsWith("'not-a-uuid' is not a subscription id");

        ObjectNode noEndpoint = Events.json("subscribe-get.json");
        noEndpoint.remove("queryStringParameters");
        assertThat(Lambda.invoke(handler, noEndpoint).path("statusCode").asInt()).isEqualTo(400);

        ObjectNode put = Events.json("subscribe-post.json");
        ((ObjectNode) put.path("requestContext").path("http")).put("method", "PUT");
        put.put("routeKey", "PUT /subscriptions");
        assertThat(Lambda.invoke(handler, put).path("statusCode").asInt()).isEqualTo(405);

        ObjectNode elsewhere = Events.json("subscribe-get.json");
        ((ObjectNode) elsewhere.path("requestContext").path("http")).put("path", "/admin");
        elsewhere.put("rawPath", "/admin");
        assertThat(Lambda.invoke(handler, elsewhere).path("statusCode").asInt()).isEqualTo(404);
        assertThat(subscriptions()).isEmpty();
    }


    @Test
    void aDigestSubscriptionIsListedWithItsDeliveryMode() throws Exception {
        JsonNode created = Lambda.invoke(handler, post("""
                {"protocol":"email","endpoint":"ana@example.org","regions":["Iraq"],"delivery":"digest"}"""));
        assertThat(created.path("statusCode").asInt()).isEqualTo(201);
        JsonNode body = Json.MAPPER.readTree(created.path("body").asText());
        assertThat(body.path("delivery").asText()).isEqualTo("digest");
        assertThat(body.path("filterPolicy").toString())
                .isEqualTo("{\"delivery\":[\"digest\"],\"digestFilter\":[\"{\\\"regions\\\":[\\\"IQ\\\"]}\"]}");

        JsonNode listed = Json.MAPPER.readTree(Lambda.invoke(handler, Events.json("subscribe-get.json")).path("body").asText());
        assertThat(listed.path("subscriptions")).singleElement()
                .satisfies(s -> assertThat(s.path("delivery").asText()).isEqualTo("digest"));
    }

    @Test
    void theDeployedValidatorKnowsTheGazetteerActorsByAlias() throws Exception {
        SubscribeHandler deployed = new SubscribeHandler(SubscriptionValidator.withGazetteerActors(),
                new SubscriptionGateway(sns, topic));
        JsonNode created = Lambda.invoke(deployed, post("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[\"ISIS\"]}"));
        assertThat(created.path("statusCode").asInt()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(created.path("body").asText()).path("filterPolicy").path("actor").get(0).asText())
                .isEqualTo("Islamic State");
        JsonNode refused = Lambda.invoke(deployed, post("{\"protocol\":\"sms\",\"endpoint\":\"+14155550124\",\"actors\":[\"Boko Harm\"]}"));
        assertThat(refused.path("statusCode").asInt()).isEqualTo(400);
        assertThat(problem(refused).path("detail").asText()).isEqualTo("actors: 'Boko Harm' is not a known actor (did you mean Boko Haram?)");
    }

    @Test
    void aConfirmationLinkIsConfirmedSoThatOnlyTheApiCanUnsubscribe() throws Exception {
        // The sample event's link is for another stack's topic: refused, nothing is confirmed there.
        JsonNode otherTopic = Lambda.invoke(handler, Events.json("subscribe-confirm.json"));
        assertThat(otherTopic.path("statusCode").asInt()).isEqualTo(400);
        assertThat(problem(otherTopic).path("detail").asText()).contains("another topic");

        // The same link for this topic. The emulator accepts any token (it sends no confirmation emails), so this shows
        // the link is read and ConfirmSubscription is called with this topic; AWS checks the token and the
        // AuthenticateOnUnsubscribe flag.
        String link = "https://sns.us-east-1.amazonaws.com/confirmation.html?TopicArn=" + topic
                + "&Token=2336412f37fb687f5d51e6e2425a8a58738b4cbde0e8b6a1&Endpoint=ana@example.org";
        ObjectNode confirm = Events.json("subscribe-confirm.json");
        confirm.put("body", Json.object().put("confirmationUrl", link).toString());
        JsonNode confirmed = Lambda.invoke(handler, confirm);
        assertThat(confirmed.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(confirmed.path("body").asText());
        assertThat(SubscriptionGateway.isSubscriptionId(body.path("id").asText())).isTrue();
        assertThat(body.path("status").asText()).isEqualTo("confirmed");

        confirm.put("body", Json.object().put("confirmationUrl", "https://sns.us-east-1.amazonaws.com/confirmation.html?TopicArn=" + topic).toString());
        assertThat(problem(Lambda.invoke(handler, confirm)).path("detail").asText()).startsWith("confirmationUrl has no Token parameter");
        confirm.put("body", Json.object().put("token", "not hex; drop table").toString());
        assertThat(Lambda.invoke(handler, confirm).path("statusCode").asInt()).isEqualTo(400);
    }

    private static JsonNode problem(JsonNode response) throws Exception {
        return Json.MAPPER.readTree(response.path("body").asText());
    }

    private static ObjectNode post(String body) {
        ObjectNode event = Events.json("subscribe-post.json");
        event.put("body", body);
        ((ObjectNode) event.get("headers")).put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        return event;
    }

    /** The sample DELETE event, pointed at a given id the way API Gateway would fill it in. */
    private static ObjectNode deleteEvent(String id) {
        ObjectNode event = Events.json("subscribe-delete.json");
        event.put("rawPath", "/subscriptions/" + id);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", "/subscriptions/" + id);
        ((ObjectNode) event.get("pathParameters")).put("id", id);
        return event;
    }

    private List<Subscription> subscriptions() {
        return sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions();
    }
}

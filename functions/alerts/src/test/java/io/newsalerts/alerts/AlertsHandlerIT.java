package io.newsalerts.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Severity;
import io.newsalerts.lifecycle.Lifecycle;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.SampleAlerts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAws.class)
class AlertsHandlerIT {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private AlertRepository alerts;
    private SilenceRepository silences;
    private AlertsHandler handler;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        var ddb = aws.clients().dynamoDb();
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("alerts-api"));
        tables.create(ddb);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        alerts = new AlertRepository(ddb, tables.alerts(), clock);
        silences = new SilenceRepository(ddb, tables.silences(), clock);
        handler = new AlertsHandler(alerts, silences, clock);
    }

    private static ObjectNode silence(String body) {
        ObjectNode event = Events.json("alerts-post-silence.json");
        event.put("body", body);
        return event;
    }

    private static ObjectNode listing(String actor, String region, String since) {
        ObjectNode event = Events.json("alerts-get.json");
        ObjectNode q = event.putObject("queryStringParameters");
        if (actor != null) {
            q.put("actor", actor);
        }
        if (region != null) {
            q.put("region", region);
        }
        if (since != null) {
            q.put("since", since);
        }
        return event;
    }

    @Test
    void aSilenceIsStoredUntilItsEndWithATtl() {
        JsonNode response = Lambda.invoke(handler, Events.json("alerts-post-silence.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        JsonNode body = Lambda.body(response);
        assertThat(body.path("actor").asText()).isEqualTo("al-Shabab");
        assertThat(body.path("until").asText()).as("P90D from the clock's now").isEqualTo("2027-02-27T08:00:00Z");
        assertThat(silences.active()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(body.path("id").asText());
            assertThat(s.region()).isEqualTo("SO");
            assertThat(s.reason()).isEqualTo("AU campaign already covered");
        });
    }

    @Test
    void aSilenceWithoutScopeOrWithAPastEndIsRefusedNamingEachProblem() {
        JsonNode response = Lambda.invoke(handler, silence("{\"until\": \"2020-01-01T00:00:00Z\", \"actr\": \"x\"}"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Lambda.body(response).path("detail").asText())
                .contains("unknown field 'actr'")
                .contains("until must be in the future")
                .contains("at least one of actor, region or rule");
        assertThat(silences.active()).isEmpty();
    }

    @Test
    void anUntilThatIsNeitherAnInstantNorADurationIsRefused() {
        JsonNode response = Lambda.invoke(handler, silence("{\"rule\": \"spike\", \"until\": \"tomorrow\"}"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Lambda.body(response).path("detail").asText())
                .contains("until is neither an ISO-8601 instant (e.g. 2026-12-31T00:00:00Z) nor a duration from now (e.g. P30D, PT12H): tomorrow");
        assertThat(silences.active()).isEmpty();
    }

    @Test
    void anUntilGivenAsADurationCountsFromNowAndKeepsTheSameLimits() {
        JsonNode twelveHours = Lambda.invoke(handler, silence("{\"rule\": \"spike\", \"until\": \"PT12H\"}"));
        JsonNode past = Lambda.invoke(handler, silence("{\"rule\": \"spike\", \"until\": \"-P1D\"}"));
        JsonNode tooLong = Lambda.invoke(handler, silence("{\"rule\": \"spike\", \"until\": \"P400D\"}"));
        JsonNode overflowing = Lambda.invoke(handler, silence("{\"rule\": \"spike\", \"until\": \"P99999999999999D\"}"));

        assertThat(twelveHours.path("statusCode").asInt()).isEqualTo(201);
        assertThat(Lambda.body(twelveHours).path("until").asText()).isEqualTo("2026-11-29T20:00:00Z");
        assertThat(Lambda.body(past).path("detail").asText()).contains("until is neither"); // a duration starts with P
        assertThat(Lambda.body(tooLong).path("detail").asText()).contains("until must be within a year");
        assertThat(Lambda.body(overflowing).path("detail").asText()).contains("until is neither");
        assertThat(silences.active()).singleElement().satisfies(s -> assertThat(s.rule()).isEqualTo("spike"));
    }

    @Test
    void historyListsAnActorsAlertsInARegionWithEvidenceAndLifecycle() {
        Alert fired = SampleAlerts.droneAttacksIraq(Severity.MEDIUM);
        assertThat(alerts.record(fired)).isTrue();
        var standing = alerts.standing(fired.id());
        Alert escalated = fired.withState(AlertState.ESCALATED);
        assertThat(alerts.apply(new Lifecycle.Transition(escalated, true), standing)).isTrue();
        assertThat(alerts.record(SampleAlerts.shipAttacksRedSea())).isTrue();

        JsonNode response = Lambda.invoke(handler, listing(fired.series().actor(), "IQ", "2026-11-01"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode list = Lambda.body(response).path("alerts");
        assertThat(list).hasSize(1);
        JsonNode a = list.get(0);
        assertThat(a.path("id").asText()).isEqualTo(fired.id());
        assertThat(a.path("state").asText()).isEqualTo("escalated");
        assertThat(a.path("lifecycle")).extracting(c -> c.path("state").asText()).containsExactly("firing", "escalated");
        assertThat(a.path("lifecycle").get(0).path("at").asText()).isEqualTo(NOW.toString());
        assertThat(a.path("evidence")).isNotEmpty();
        assertThat(a.path("evidence").get(0).has("sentence")).isTrue();
        assertThat(a.path("evidence").get(0).has("source")).isTrue();
        assertThat(a.path("evidence").get(0).has("attributedTo")).isTrue();
    }

    @Test
    void sinceExcludesAlertsThatLastChangedBefore() {
        assertThat(alerts.record(SampleAlerts.droneAttacksIraq(Severity.MEDIUM))).isTrue();

        JsonNode response = Lambda.invoke(handler, listing(null, null, "2026-11-30"));

        assertThat(Lambda.body(response).path("alerts")).isEmpty();
        assertThat(Lambda.body(Lambda.invoke(handler, listing(null, null, null))).path("alerts")).hasSize(1);
        assertThat(Lambda.invoke(handler, listing(null, null, "last week")).path("statusCode").asInt()).isEqualTo(400);
    }
}

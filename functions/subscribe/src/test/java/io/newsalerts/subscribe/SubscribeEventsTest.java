package io.newsalerts.subscribe;

import io.newsalerts.api.HttpRequest;
import io.newsalerts.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample events are the HTTP API payload 2.0 shapes the handler routes on. */
class SubscribeEventsTest {

    @Test
    void postCarriesAJsonBody() {
        var event = Events.json("subscribe-post.json");
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        HttpRequest r = HttpRequest.fromEvent(event);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/subscriptions");
        assertThat(r.routeKey()).isEqualTo("POST /subscriptions");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.bodyUtf8()).startsWith("{\"protocol\":\"email\"");
        assertThat(r.header("content-length")).isEqualTo(Integer.toString(r.body().length));
    }

    @Test
    void getCarriesTheEndpointAsAQueryParameter() {
        HttpRequest r = HttpRequest.fromEvent(Events.json("subscribe-get.json"));
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.query()).containsEntry("endpoint", "ana@example.org");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void deleteCarriesTheIdAsAPathParameter() {
        HttpRequest r = HttpRequest.fromEvent(Events.json("subscribe-delete.json"));
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.routeKey()).isEqualTo("DELETE /subscriptions/{id}");
        assertThat(r.pathParameters()).containsEntry("id", "3f2c9a4e-8b1d-4c6e-9f0a-1b2c3d4e5f60");
        assertThat(r.path()).endsWith("/3f2c9a4e-8b1d-4c6e-9f0a-1b2c3d4e5f60");
    }
}

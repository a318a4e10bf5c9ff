package io.newsalerts.subscribe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.Json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated request to receive alerts: where to send them and which ones. Every list is already normalised
 * (canonical actor names, upper-case ISO codes, lower-case event types, no repeats); an empty list means "any".
 * Build one with {@link SubscriptionValidator}.
 *
 * @param minSeverity the least severity wanted, or null for every alert
 */
public record SubscriptionRequest(
        Protocol protocol,
        String endpoint,
        List<String> actors,
        List<String> regions,
        List<String> eventTypes,
        Severity minSeverity) {

    public SubscriptionRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(endpoint, "endpoint");
        actors = actors == null ? List.of() : List.copyOf(actors);
        regions = regions == null ? List.of() : List.copyOf(regions);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    /**
     * The SNS filter policy (MessageAttributes scope) matching the attributes AlertPublisher sets: within a key any
     * listed value matches (for the regions array, any shared code), and every key present must match. Empty when
     * the request filters nothing: SNS is then given no policy at all, and delivers every alert.
     */
    public ObjectNode filterPolicy() {
        ObjectNode p = Json.object();
        putAll(p, "actor", actors);
        putAll(p, "regions", regions);
        putAll(p, "eventType", eventTypes);
        if (minSeverity != null) {
            p.putArray("severityLevel").addObject().putArray("numeric").add(">=").add(minSeverity.level());
        }
        return p;
    }

    /** The filter policy as SNS takes it, or empty when there is nothing to filter on. */
    public Optional<String> filterPolicyJson() {
        ObjectNode p = filterPolicy();
        return p.isEmpty() ? Optional.empty() : Optional.of(p.toString());
    }

    private static void putAll(ObjectNode p, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = p.putArray(key);
            values.forEach(a::add);
        }
    }
}

package io.newsalerts.subscribe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Severity;

import java.util.List;
import java.util.Objects;

/**
 * A validated request to receive alerts: where to send them, which ones, and when. Every list is already normalised
 * (canonical actor names, upper-case ISO codes, lower-case event types, no repeats); an empty list means "any".
 * Build one with {@link SubscriptionValidator}.
 *
 * @param minSeverity the least severity wanted, or null for every alert
 * @param delivery    instant (the default) or a daily digest
 */
public record SubscriptionRequest(
        Protocol protocol,
        String endpoint,
        List<String> actors,
        List<String> regions,
        List<String> eventTypes,
        Severity minSeverity,
        DeliveryMode delivery) {

    public SubscriptionRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(endpoint, "endpoint");
        actors = actors == null ? List.of() : List.copyOf(actors);
        regions = regions == null ? List.of() : List.copyOf(regions);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        delivery = delivery == null ? DeliveryMode.INSTANT : delivery;
    }

    /** An instant subscription. */
    public SubscriptionRequest(Protocol protocol, String endpoint, List<String> actors, List<String> regions,
                               List<String> eventTypes, Severity minSeverity) {
        this(protocol, endpoint, actors, regions, eventTypes, minSeverity, DeliveryMode.INSTANT);
    }

    public AlertFilter filter() {
        return new AlertFilter(actors, regions, eventTypes, minSeverity);
    }

    /**
     * The SNS filter policy (MessageAttributes scope): always present, since it at least selects the delivery mode
     * (an instant subscriber must not receive digests, nor a digest subscriber every alert). See {@link AlertFilter}.
     */
    public ObjectNode filterPolicy() {
        return filter().policy(delivery);
    }

    /** The filter policy as SNS takes it. */
    public String filterPolicyJson() {
        return filterPolicy().toString();
    }
}

package io.newsalerts.subscribe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.Json;
import io.newsalerts.message.Routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which alerts a subscriber wants: actors, regions, event types (each empty = any) and a least severity (null = any).
 * Lists are kept sorted and without repeats, so two equal filters have one canonical form.
 *
 * <p>As an SNS filter policy (MessageAttributes scope):
 * <ul>
 * <li>instant: {@code {"actor": [...], "regions": [...], "eventType": [...], "severityLevel": [{"numeric": [">=", n]}],
 * "delivery": ["instant"]}} — keys only for what is filtered; SNS matches the attributes {@link Routing} sets;</li>
 * <li>digest: {@code {"delivery": ["digest"], "digestFilter": ["<canonical filter>"]}} — the daily digest job reads the
 * filter back from the policy, builds one digest per distinct filter, and tags it with that filter, so each digest
 * subscriber gets exactly one digest holding exactly its alerts.</li>
 * </ul>
 * SNS allows 5 keys per policy: instant uses at most 5, digest 2.
 */
public record AlertFilter(List<String> actors, List<String> regions, List<String> eventTypes, Severity minSeverity) {

    public static final AlertFilter ANY = new AlertFilter(List.of(), List.of(), List.of(), null);

    public AlertFilter {
        actors = sortedDistinct(actors);
        regions = sortedDistinct(regions);
        eventTypes = sortedDistinct(eventTypes);
    }

    /** The same decision SNS takes on an instant message about this one alert. */
    public boolean matches(Alert alert) {
        String actor = alert.series().actor();
        if (!actors.isEmpty() && (actor == null || !actors.contains(actor))) {
            return false;
        }
        if (!regions.isEmpty() && alert.series().regions().stream().noneMatch(regions::contains)) {
            return false;
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(Routing.eventType(alert))) {
            return false;
        }
        return minSeverity == null || alert.severity().level() >= minSeverity.level();
    }

    /** The filter policy for a subscription with this filter and delivery mode. */
    public ObjectNode policy(DeliveryMode delivery) {
        ObjectNode p = Json.object();
        if (delivery == DeliveryMode.DIGEST) {
            p.putArray(Routing.DELIVERY).add(DeliveryMode.DIGEST.wire());
            p.putArray(Routing.DIGEST_FILTER).add(canonical());
            return p;
        }
        putAll(p, Routing.ACTOR, actors);
        putAll(p, Routing.REGIONS, regions);
        putAll(p, Routing.EVENT_TYPE, eventTypes);
        if (minSeverity != null) {
            p.putArray(Routing.SEVERITY_LEVEL).addObject().putArray("numeric").add(">=").add(minSeverity.level());
        }
        p.putArray(Routing.DELIVERY).add(DeliveryMode.INSTANT.wire());
        return p;
    }

    /** The filter as the subscription API takes it, e.g. {"actors":["Hezbollah"],"minSeverity":"high"}; "{}" for any. */
    public String canonical() {
        return toJson().toString();
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        putAll(o, "actors", actors);
        putAll(o, "regions", regions);
        putAll(o, "eventTypes", eventTypes);
        if (minSeverity != null) {
            o.put("minSeverity", minSeverity.wire());
        }
        return o;
    }

    /** A filter in its canonical JSON form (as {@link #canonical()} writes it). */
    public static AlertFilter fromCanonical(String json) {
        JsonNode o;
        try {
            o = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a filter: " + e.getOriginalMessage(), e);
        }
        return new AlertFilter(strings(o.path("actors")), strings(o.path("regions")), strings(o.path("eventTypes")),
                o.hasNonNull("minSeverity") ? Severity.fromWire(o.get("minSeverity").asText()) : null);
    }

    /** The digest filter of a subscription's filter policy, or empty when the subscription is not a digest one. */
    public static Optional<AlertFilter> digestFilterOf(String filterPolicy) {
        if (filterPolicy == null || filterPolicy.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode p = Json.MAPPER.readTree(filterPolicy);
            if (!strings(p.path(Routing.DELIVERY)).contains(DeliveryMode.DIGEST.wire())) {
                return Optional.empty();
            }
            List<String> filters = strings(p.path(Routing.DIGEST_FILTER));
            return filters.size() == 1 ? Optional.of(fromCanonical(filters.getFirst())) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty(); // not a policy this API wrote
        }
    }

    /** The delivery mode a filter policy selects: digest when it asks for digests, else instant. */
    public static DeliveryMode deliveryOf(String filterPolicy) {
        return digestFilterOf(filterPolicy).isPresent() ? DeliveryMode.DIGEST : DeliveryMode.INSTANT;
    }

    private static void putAll(ObjectNode p, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = p.putArray(key);
            values.forEach(a::add);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual()) {
                out.add(v.asText());
            }
        });
        return out;
    }

    private static List<String> sortedDistinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }
}

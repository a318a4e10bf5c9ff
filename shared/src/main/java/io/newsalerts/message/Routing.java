package io.newsalerts.message;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SNS message attributes that subscription filter policies match on, as plain data (the publisher turns them
 * into SDK values). Names are the contract between {@code AlertPublisher} and the filter policies the subscription
 * API writes ({@code AlertFilter}).
 *
 * <ul>
 * <li>{@code actor} (String; absent when the alert names no actor, so an actor filter never matches it),</li>
 * <li>{@code regions} (String.Array of ISO codes; absent for an area in no country),</li>
 * <li>{@code eventType}, {@code rule}, {@code lifecycle} (String, or String.Array for a group that mixes them),</li>
 * <li>{@code severity} (low/medium/high) and {@code severityLevel} (Number 1..3, for "at least medium"),</li>
 * <li>{@code delivery}: {@code instant} on alert messages, {@code digest} on the daily digest, which also carries
 * {@code digestFilter}, the canonical filter it was built for;</li>
 * <li>{@code AWS.SNS.SMS.SMSType} = Transactional, so SNS sends the SMS on the higher-reliability route.</li>
 * </ul>
 * SNS allows 10 attributes per message; an alert message uses 9.
 */
public final class Routing {

    public static final String ACTOR = "actor";
    public static final String REGIONS = "regions";
    public static final String EVENT_TYPE = "eventType";
    public static final String RULE = "rule";
    public static final String SEVERITY = "severity";
    public static final String SEVERITY_LEVEL = "severityLevel";
    public static final String LIFECYCLE = "lifecycle";
    public static final String DELIVERY = "delivery";
    public static final String DIGEST_FILTER = "digestFilter";
    public static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    public static final String TRANSACTIONAL = "Transactional";
    /** What an alert without an event type is routed as (SNS refuses empty attribute values). */
    public static final String UNKNOWN_EVENT_TYPE = "unknown";

    /** One message attribute: SNS data type (String, String.Array, Number) and its value as SNS takes it. */
    public record Attribute(String dataType, String value) {
        static Attribute string(String v) {
            return new Attribute("String", v);
        }

        static Attribute number(long v) {
            return new Attribute("Number", Long.toString(v));
        }

        static Attribute array(Iterable<String> values) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            values.forEach(a::add);
            return new Attribute("String.Array", a.toString());
        }
    }

    private Routing() {
    }

    /** The event type an alert is routed under. */
    public static String eventType(Alert a) {
        return a.series().eventType().isBlank() ? UNKNOWN_EVENT_TYPE : a.series().eventType();
    }

    /**
     * Attributes of an instant message about one or more alerts. For a group, each attribute is what its alerts
     * share, or the union of their values (regions, and rules when they differ); severity is the highest. A filter
     * matches a group when each of its keys is matched by some alert of the group.
     */
    public static Map<String, Attribute> instant(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("no alerts to route");
        }
        Map<String, Attribute> a = new LinkedHashMap<>();
        Set<String> actors = new LinkedHashSet<>();
        Set<String> regions = new TreeSet<>();
        Set<String> eventTypes = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        Set<String> lifecycles = new LinkedHashSet<>();
        for (Alert n : alerts) {
            String actor = n.series().actor();
            if (actor != null && !actor.isBlank()) {
                actors.add(actor);
            }
            regions.addAll(n.series().regions());
            eventTypes.add(eventType(n));
            rules.add(n.rule());
            lifecycles.add(n.state().wire());
        }
        Severity top = alerts.stream().map(n -> n.severity()).max(Comparator.naturalOrder()).orElseThrow();
        if (!actors.isEmpty()) {
            a.put(ACTOR, oneOrMany(actors));
        }
        if (!regions.isEmpty()) {
            a.put(REGIONS, Attribute.array(regions));
        }
        a.put(EVENT_TYPE, oneOrMany(eventTypes));
        a.put(RULE, oneOrMany(rules));
        a.put(SEVERITY, Attribute.string(top.wire()));
        a.put(SEVERITY_LEVEL, Attribute.number(top.level()));
        a.put(LIFECYCLE, oneOrMany(lifecycles));
        a.put(DELIVERY, Attribute.string("instant"));
        a.put(SMS_TYPE, Attribute.string(TRANSACTIONAL));
        return a;
    }

    /** Attributes of a digest: only digest subscriptions whose filter is exactly {@code canonicalFilter} match. */
    public static Map<String, Attribute> digest(String canonicalFilter) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put(DELIVERY, Attribute.string("digest"));
        a.put(DIGEST_FILTER, Attribute.string(canonicalFilter));
        a.put(SMS_TYPE, Attribute.string(TRANSACTIONAL));
        return a;
    }

    private static Attribute oneOrMany(Set<String> values) {
        return values.size() == 1 ? Attribute.string(values.iterator().next()) : Attribute.array(new ArrayList<>(values));
    }
}

package io.newsalerts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as JSON: the fields of the {@code bin/alerts run} contract (rule, actor, regions, eventType, current,
 * baseline, ratio, severity, evidence, state) plus what is needed to read it back (id, area, source, projected, target, and
 * the evidence of each figure). Stored in the alerts table and sent to machine subscribers.
 */
public final class AlertJson {
    private AlertJson() {
    }

    public static ObjectNode toJson(Alert a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("rule", a.rule());
        o.put("actor", a.series().actor());
        ArrayNode regions = o.putArray("regions");
        a.series().regions().forEach(regions::add);
        o.put("eventType", a.series().eventType());
        o.put("area", a.series().area());
        o.put("source", a.series().source() == SeriesKey.Source.STATISTIC ? "statistic" : "incidents");
        o.set("current", observation(a.current()));
        o.set("baseline", observation(a.baseline()));
        if (a.projected() != null) {
            o.put("projected", a.projected());
        } else {
            o.putNull("projected");
        }
        o.put("ratio", a.ratio());
        o.put("severity", a.severity().wire());
        o.set("target", period(a.target()));
        o.put("state", a.state().wire());
        ArrayNode evidence = o.putArray("evidence");
        a.evidence().forEach(e -> evidence.add(evidence(e)));
        return o;
    }

    public static String toString(Alert a) {
        return toJson(a).toString();
    }

    public static Alert fromJson(JsonNode o) {
        List<String> regions = new ArrayList<>();
        o.path("regions").forEach(r -> regions.add(r.asText()));
        SeriesKey series = new SeriesKey(
                "incidents".equals(o.path("source").asText()) ? SeriesKey.Source.INCIDENTS : SeriesKey.Source.STATISTIC,
                text(o, "actor"), regions, o.path("eventType").asText(), text(o, "area"));
        return new Alert(
                o.path("rule").asText(),
                series,
                observation(o.path("current")),
                observation(o.path("baseline")),
                o.hasNonNull("projected") ? o.get("projected").asLong() : null,
                o.path("ratio").asDouble(),
                Severity.fromWire(o.path("severity").asText()),
                period(o.path("target")),
                o.hasNonNull("state") ? AlertState.fromWire(o.get("state").asText()) : AlertState.FIRING);
    }

    public static Alert fromString(String json) {
        try {
            return fromJson(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alert document: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode period(Period p) {
        ObjectNode o = Json.object();
        o.put("start", p.start().toString());
        o.put("end", p.end().toString());
        return o;
    }

    static Period period(JsonNode o) {
        return Period.of(o.path("start").asText(), o.path("end").asText());
    }

    private static ObjectNode observation(Observation obs) {
        ObjectNode o = Json.object();
        o.put("count", obs.count());
        o.set("period", period(obs.period()));
        o.put("reportedOn", obs.reportedOn() == null ? null : obs.reportedOn().toString());
        o.put("sources", obs.sources());
        ArrayNode ev = o.putArray("evidence");
        obs.evidence().forEach(e -> ev.add(evidence(e)));
        return o;
    }

    private static Observation observation(JsonNode o) {
        List<Evidence> ev = new ArrayList<>();
        o.path("evidence").forEach(e -> ev.add(new Evidence(text(e, "sentence"), text(e, "source"), text(e, "attributedTo"))));
        return new Observation(period(o.path("period")), o.path("count").asLong(), ev,
                o.hasNonNull("reportedOn") ? LocalDate.parse(o.get("reportedOn").asText()) : null,
                o.path("sources").asInt(ev.size()));
    }

    private static ObjectNode evidence(Evidence e) {
        ObjectNode o = Json.object();
        o.put("sentence", e.sentence());
        o.put("source", e.source());
        o.put("attributedTo", e.attributedTo());
        return o;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

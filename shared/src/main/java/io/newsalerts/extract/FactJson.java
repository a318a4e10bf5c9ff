package io.newsalerts.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;
import io.newsalerts.json.Json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping between {@link Fact} and the contract JSON that scripts depend on:
 * <pre>{"actor", "regions": ["IQ","SY"], "eventType", "count", "qualifier": "exact|at-least|approx",
 *  "period": {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}, "kind": "reported|incident",
 *  "attributedTo", "sentence", "area"}</pre>
 * Absent values are written as JSON null; on reading, absent optional fields are null.
 */
public final class FactJson {

    private FactJson() {
    }

    public static ObjectNode toJson(Fact f) {
        ObjectNode o = Json.object();
        o.put("actor", f.actor());
        ArrayNode regions = o.putArray("regions");
        f.regions().forEach(regions::add);
        o.put("eventType", f.eventType());
        o.put("count", f.count());
        o.put("qualifier", f.qualifier().wire());
        ObjectNode period = o.putObject("period");
        period.put("start", f.period().start().toString());
        period.put("end", f.period().end().toString());
        o.put("kind", f.kind().wire());
        o.put("attributedTo", f.attributedTo());
        o.put("sentence", f.sentence());
        o.put("area", f.area());
        return o;
    }

    public static ArrayNode toJson(List<Fact> facts) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        facts.forEach(f -> a.add(toJson(f)));
        return a;
    }

    public static String toJsonString(List<Fact> facts) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the field when the object is not a contract fact
     */
    public static Fact fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a fact must be a JSON object, got " + o);
        }
        JsonNode regionsNode = o.path("regions");
        List<String> regions = new ArrayList<>();
        if (regionsNode.isArray()) {
            regionsNode.forEach(r -> regions.add(r.asText()));
        } else if (!regionsNode.isMissingNode() && !regionsNode.isNull()) {
            throw new IllegalArgumentException("fact field 'regions' must be an array: " + o);
        }
        JsonNode count = o.get("count");
        if (count == null || !count.canConvertToLong()) {
            throw new IllegalArgumentException("fact field 'count' must be a number: " + o);
        }
        JsonNode period = o.get("period");
        if (period == null || !period.isObject()) {
            throw new IllegalArgumentException("fact field 'period' must be {start, end}: " + o);
        }
        try {
            return new Fact(
                    text(o, "actor"),
                    regions,
                    required(o, "eventType"),
                    count.asLong(),
                    o.hasNonNull("qualifier") ? Qualifier.fromWire(o.get("qualifier").asText()) : Qualifier.EXACT,
                    new Period(LocalDate.parse(required(period, "start")), LocalDate.parse(required(period, "end"))),
                    o.hasNonNull("kind") ? FactKind.fromWire(o.get("kind").asText()) : FactKind.REPORTED,
                    text(o, "attributedTo"),
                    text(o, "sentence"),
                    text(o, "area"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("fact period dates must be YYYY-MM-DD: " + period, e);
        }
    }

    /** A JSON array of facts, or an object with a "facts" array (the corpus' expected files). */
    public static List<Fact> readList(JsonNode node) {
        JsonNode array = node != null && node.isObject() ? node.get("facts") : node;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of facts or {\"facts\": [...]}");
        }
        List<Fact> out = new ArrayList<>();
        array.forEach(f -> out.add(fromJson(f)));
        return List.copyOf(out);
    }

    public static List<Fact> readList(String json) {
        try {
            return readList(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode o, String field) {
        String v = text(o, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("fact field '" + field + "' is required: " + o);
        }
        return v;
    }
}

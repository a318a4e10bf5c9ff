package io.newsalerts.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rules file (JSON) into a {@link RuleSet}, refusing anything it does not understand: an unknown kind,
 * parameter or field, a duplicate id, a value out of range. A deployer's typo must fail the function's start with a
 * message that names the rule and the field, not silently fall back to a default.
 *
 * <pre>{"rules": [{"id": "...", "kind": "yoy-doubling", "severity": "medium",
 *   "scope": {"actors": [], "regions": [], "eventTypes": []}, "parameters": {"factor": 2, "minBaseline": 10}}]}</pre>
 */
public final class RuleBook {
    public static final String BUNDLED = "/io/newsalerts/rules.json";

    /** Parameters every kind accepts, besides its own. */
    private static final Set<String> COMMON = Set.of("minSources");
    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            YoyDoubling.ID, Set.of("factor", "minBaseline", "recencyDays"),
            YoyProjectedDoubling.ID, Set.of("factor", "minBaseline", "recencyDays", "minDaysCovered"),
            Threshold.KIND, Set.of("count", "window", "days", "recencyDays"),
            Spike.KIND, Set.of("months", "pValue", "minCount", "minHistory"),
            NewActorInRegion.KIND, Set.of("minCount"));

    private RuleBook() {
    }

    /** The rules file shipped in the jar. */
    public static RuleSet bundled() {
        try (InputStream in = RuleBook.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled rules file " + BUNDLED + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled rules file " + BUNDLED, e);
        }
    }

    /**
     * @param origin where the text came from, for error messages ("SSM parameter /newsalerts/rules")
     * @throws InvalidRulesException naming the rule and the problem
     */
    public static RuleSet parse(String json, String origin) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(origin + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("rules").isArray() || root.path("rules").isEmpty()) {
            throw new InvalidRulesException(origin + ": expected {\"rules\": [ ... ]} with at least one rule");
        }
        try {
            unknownFields(root, Set.of("rules", "description"), "the file");
        } catch (IllegalArgumentException e) {
            throw new InvalidRulesException(origin + ": " + e.getMessage());
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode r : root.get("rules")) {
            String where = origin + ": rule " + (r.hasNonNull("id") ? "'" + r.get("id").asText() + "'" : "#" + (i + 1));
            try {
                Rule rule = rule(r);
                if (!ids.add(rule.id())) {
                    throw new IllegalArgumentException("duplicate id");
                }
                rules.add(rule);
            } catch (IllegalArgumentException e) {
                throw new InvalidRulesException(where + ": " + e.getMessage());
            }
            i++;
        }
        return new RuleSet(rules);
    }

    private static Rule rule(JsonNode r) {
        unknownFields(r, Set.of("id", "kind", "scope", "parameters", "severity", "description"), null);
        String id = requiredText(r, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("id must be lowercase letters, digits and dashes (it is sent as an SNS "
                    + "message attribute)");
        }
        String kind = requiredText(r, "kind");
        Set<String> known = PARAMETERS.get(kind);
        if (known == null) {
            throw new IllegalArgumentException("unknown kind '" + kind + "' (known: " + String.join(", ",
                    new java.util.TreeSet<>(PARAMETERS.keySet())) + ")");
        }
        Severity severity;
        try {
            severity = Severity.fromWire(requiredText(r, "severity"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity: " + e.getMessage());
        }
        JsonNode scopeNode = r.path("scope");
        if (!scopeNode.isMissingNode()) {
            unknownFields(scopeNode, Set.of("actors", "regions", "eventTypes"), "scope");
        }
        Scope scope = new Scope(strings(scopeNode, "actors"), strings(scopeNode, "regions"), strings(scopeNode, "eventTypes"));
        Params p = new Params(r.path("parameters"), known);
        RuleBasics basics = new RuleBasics(id, scope, severity, (int) p.integer("minSources", 1));
        RuleSettings d = RuleSettings.DEFAULTS;
        Rule rule = switch (kind) {
            case YoyDoubling.ID -> new YoyDoubling(basics, new RuleSettings(p.decimal("factor", d.factor()),
                    p.integer("minBaseline", d.minBaseline()), d.minDaysCovered(), (int) p.integer("recencyDays", d.recencyDays())));
            case YoyProjectedDoubling.ID -> new YoyProjectedDoubling(basics, new RuleSettings(p.decimal("factor", d.factor()),
                    p.integer("minBaseline", d.minBaseline()), (int) p.integer("minDaysCovered", d.minDaysCovered()),
                    (int) p.integer("recencyDays", d.recencyDays())));
            case Threshold.KIND -> threshold(basics, p);
            case Spike.KIND -> new Spike(basics, (int) p.integer("months", 6), p.decimal("pValue", 0.001),
                    p.integer("minCount", 10), (int) p.integer("minHistory", 3));
            case NewActorInRegion.KIND -> new NewActorInRegion(basics, p.integer("minCount", 3));
            default -> throw new IllegalStateException("kind without a constructor: " + kind);
        };
        return rule;
    }

    private static Rule threshold(RuleBasics basics, Params p) {
        if (!p.has("count")) {
            throw new IllegalArgumentException("parameters.count is required (the least number of events that fires)");
        }
        String w = p.text("window", "month");
        Threshold.Window window;
        try {
            window = Threshold.Window.valueOf(w.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameters.window must be month, quarter, year or days, got '" + w + "'");
        }
        if (window == Threshold.Window.DAYS && !p.has("days")) {
            throw new IllegalArgumentException("window 'days' needs parameters.days (the trailing number of days)");
        }
        return new Threshold(basics, p.integer("count", 0), window, (int) p.integer("days", 0),
                (int) p.integer("recencyDays", RuleSettings.DEFAULTS.recencyDays()));
    }

    /** A rule's parameters, checked against the names its kind accepts. */
    private static final class Params {
        private final Map<String, JsonNode> values = new LinkedHashMap<>();

        Params(JsonNode node, Set<String> known) {
            if (node.isMissingNode() || node.isNull()) {
                return;
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("parameters must be an object");
            }
            node.properties().forEach(e -> {
                if (!known.contains(e.getKey()) && !COMMON.contains(e.getKey())) {
                    Set<String> all = new java.util.TreeSet<>(known);
                    all.addAll(COMMON);
                    throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' (known: "
                            + String.join(", ", all) + ")");
                }
                values.put(e.getKey(), e.getValue());
            });
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        long integer(String name, long fallback) {
            JsonNode v = values.get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isIntegralNumber()) {
                throw new IllegalArgumentException("parameters." + name + " must be a whole number, got " + v);
            }
            return v.asLong();
        }

        double decimal(String name, double fallback) {
            JsonNode v = values.get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw new IllegalArgumentException("parameters." + name + " must be a number, got " + v);
            }
            return v.asDouble();
        }

        String text(String name, String fallback) {
            JsonNode v = values.get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isTextual()) {
                throw new IllegalArgumentException("parameters." + name + " must be a string, got " + v);
            }
            return v.asText();
        }
    }

    private static String requiredText(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required (a string)");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("scope." + field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        v.forEach(x -> {
            if (!x.isTextual() || x.asText().isBlank()) {
                throw new IllegalArgumentException("scope." + field + " must hold non-empty strings, got " + x);
            }
            out.add(x.asText());
        });
        return out;
    }

    private static void unknownFields(JsonNode o, Set<String> known, String where) {
        if (!o.isObject()) {
            throw new IllegalArgumentException((where == null ? "a rule" : where) + " must be an object");
        }
        o.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                String msg = "unknown field '" + f + "'" + (where == null ? "" : " in " + where) + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")";
                throw new IllegalArgumentException(msg);
            }
        });
    }
}

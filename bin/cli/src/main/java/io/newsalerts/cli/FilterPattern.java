package io.newsalerts.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;

import java.util.Map;

/**
 * One filter pattern of an event-source mapping's FilterCriteria, as Lambda applies it to a stream record before
 * batching: every key of the pattern must match the record; an object matches the record's object at that key, a
 * list matches when the record's value there equals one of its values. That is the part of Lambda's filter syntax
 * template.yaml uses; anything else (prefix, exists, numeric, anything-but, ...) is refused here rather than read as
 * matching everything.
 */
public record FilterPattern(JsonNode pattern) {

    public FilterPattern {
        check(pattern, "");
    }

    /** The pattern as template.yaml writes it (a JSON object). */
    public static FilterPattern parse(String json) {
        try {
            return new FilterPattern(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a filter pattern must be JSON: " + json, e);
        }
    }

    /** Does this stream record (in Lambda's event shape) pass? */
    public boolean matches(JsonNode record) {
        return matches(pattern, record);
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        if (pattern.isArray()) {
            if (!value.isValueNode()) {
                return false;
            }
            for (JsonNode allowed : pattern) {
                if (allowed.asText().equals(value.asText()) && allowed.isNumber() == value.isNumber()) {
                    return true;
                }
            }
            return false;
        }
        for (Map.Entry<String, JsonNode> e : pattern.properties()) {
            if (!value.isObject() || !matches(e.getValue(), value.path(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static void check(JsonNode node, String at) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException("a filter pattern is a JSON object of keys to match" + where(at) + ", got " + node);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                check(v, path);
            } else if (v.isArray() && !v.isEmpty()) {
                for (JsonNode allowed : v) {
                    if (!allowed.isTextual() && !allowed.isNumber()) {
                        throw new IllegalArgumentException("only exact values (strings, numbers) are supported in a filter "
                                + "pattern here; " + path + " has " + allowed);
                    }
                }
            } else {
                throw new IllegalArgumentException("a filter pattern's " + path + " must be an object or a list of values, got " + v);
            }
        }
    }

    private static String where(String at) {
        return at.isEmpty() ? "" : " at " + at;
    }
}

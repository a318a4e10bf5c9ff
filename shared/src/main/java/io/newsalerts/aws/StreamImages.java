package io.newsalerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the item images of a DynamoDB stream record, in the JSON Lambda delivers ({"S": "..."}, {"N": "1"}, ...),
 * into SDK attribute values, so stream images and table reads share one mapping.
 */
public final class StreamImages {
    private StreamImages() {
    }

    public static Map<String, AttributeValue> item(JsonNode image) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        image.properties().forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    /** The reverse: an SDK item as the JSON Lambda delivers in a stream record (used to replay streams locally). */
    public static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode o = Json.object();
        item.forEach((k, v) -> o.set(k, toJson(v)));
        return o;
    }

    static ObjectNode toJson(AttributeValue v) {
        ObjectNode o = Json.object();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            case M -> o.set("M", toJson(v.m()));
            case L -> {
                ArrayNode l = o.putArray("L");
                v.l().forEach(x -> l.add(toJson(x)));
            }
            case SS -> {
                ArrayNode l = o.putArray("SS");
                v.ss().forEach(l::add);
            }
            case NS -> {
                ArrayNode l = o.putArray("NS");
                v.ns().forEach(l::add);
            }
            case B -> o.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            default -> throw new IllegalArgumentException("unsupported attribute value: " + v);
        }
        return o;
    }

    static AttributeValue value(JsonNode v) {
        if (v.has("S")) {
            return AttributeValue.fromS(v.get("S").asText());
        }
        if (v.has("N")) {
            return AttributeValue.fromN(v.get("N").asText());
        }
        if (v.has("BOOL")) {
            return AttributeValue.fromBool(v.get("BOOL").asBoolean());
        }
        if (v.has("NULL")) {
            return AttributeValue.fromNul(true);
        }
        if (v.has("M")) {
            return AttributeValue.fromM(item(v.get("M")));
        }
        if (v.has("L")) {
            List<AttributeValue> l = new ArrayList<>();
            v.get("L").forEach(x -> l.add(value(x)));
            return AttributeValue.fromL(l);
        }
        if (v.has("SS")) {
            List<String> l = new ArrayList<>();
            v.get("SS").forEach(x -> l.add(x.asText()));
            return AttributeValue.fromSs(l);
        }
        if (v.has("NS")) {
            List<String> l = new ArrayList<>();
            v.get("NS").forEach(x -> l.add(x.asText()));
            return AttributeValue.fromNs(l);
        }
        if (v.has("B")) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.get("B").asText())));
        }
        throw new IllegalArgumentException("unsupported attribute value in stream image: " + v);
    }
}

package io.newsalerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
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

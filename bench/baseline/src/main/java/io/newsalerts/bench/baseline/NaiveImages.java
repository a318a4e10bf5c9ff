package io.newsalerts.bench.baseline;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import software.amazon.awssdk.core.SdkBytes;

import java.util.LinkedHashMap;
import java.util.Map;

/** The conversion every POJO-event stream handler writes: the events library's AttributeValue to the SDK's. */
public final class NaiveImages {
    private NaiveImages() {
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdk(Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>();
        if (image != null) {
            image.forEach((k, v) -> out.put(k, sdk(v)));
        }
        return out;
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk(AttributeValue v) {
        var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (v.getS() != null) {
            b.s(v.getS());
        } else if (v.getN() != null) {
            b.n(v.getN());
        } else if (v.getBOOL() != null) {
            b.bool(v.getBOOL());
        } else if (v.getNULL() != null) {
            b.nul(v.getNULL());
        } else if (v.getSS() != null) {
            b.ss(v.getSS());
        } else if (v.getNS() != null) {
            b.ns(v.getNS());
        } else if (v.getB() != null) {
            b.b(SdkBytes.fromByteBuffer(v.getB()));
        } else if (v.getL() != null) {
            b.l(v.getL().stream().map(NaiveImages::sdk).toList());
        } else if (v.getM() != null) {
            b.m(sdk(v.getM()));
        }
        return b.build();
    }
}

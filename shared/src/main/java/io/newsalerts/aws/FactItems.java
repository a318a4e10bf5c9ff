package io.newsalerts.aws;

import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Facts as DynamoDB attribute maps, inside an article item. Absent attributes mean null. */
final class FactItems {
    private FactItems() {
    }

    static AttributeValue toItem(Fact f) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "actor", f.actor());
        m.put("regions", AttributeValue.fromL(f.regions().stream().map(AttributeValue::fromS).toList()));
        m.put("eventType", AttributeValue.fromS(f.eventType()));
        m.put("count", AttributeValue.fromN(Long.toString(f.count())));
        m.put("qualifier", AttributeValue.fromS(f.qualifier().wire()));
        m.put("start", AttributeValue.fromS(f.period().start().toString()));
        m.put("end", AttributeValue.fromS(f.period().end().toString()));
        m.put("kind", AttributeValue.fromS(f.kind().wire()));
        putIfPresent(m, "attributedTo", f.attributedTo());
        putIfPresent(m, "sentence", f.sentence());
        putIfPresent(m, "area", f.area());
        return AttributeValue.fromM(m);
    }

    static Fact fromItem(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        List<String> regions = new ArrayList<>();
        if (m.containsKey("regions")) {
            m.get("regions").l().forEach(r -> regions.add(r.s()));
        }
        return new Fact(
                s(m, "actor"),
                regions,
                s(m, "eventType"),
                Long.parseLong(m.get("count").n()),
                Qualifier.fromWire(s(m, "qualifier")),
                Period.of(s(m, "start"), s(m, "end")),
                FactKind.fromWire(s(m, "kind")),
                s(m, "attributedTo"),
                s(m, "sentence"),
                s(m, "area"));
    }

    static String s(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null || v.s() == null ? null : v.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, AttributeValue.fromS(value));
        }
    }
}

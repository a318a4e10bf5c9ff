package io.newsalerts.message;

import io.newsalerts.domain.Alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which alerts go out together as one message. Alerts raised together (one stream batch, one sweep) for the same
 * actor, event type, severity and lifecycle state form one group; they may differ in regions, periods and rules.
 *
 * <p>Why not simply "per actor": SNS matches a filter policy key by key against the group's combined attributes, so
 * if a group mixed two filterable dimensions (say regions and severity), a subscriber asking for "Iraq, high only"
 * could receive a group holding a low alert in Iraq and a high one in Syria — neither of which it asked for. With
 * regions the only filterable attribute that varies inside a group, a subscriber receives a group exactly when at
 * least one of its alerts matches the subscriber's filters; the other alerts of the group ride along as context
 * (same actor and event type, other places or periods). Alerts about nobody in particular are never grouped.
 */
public final class Grouping {

    /** SNS caps a message at 256 KB; ten alerts with their evidence stay well under it. */
    public static final int MAX_GROUP = 10;

    private Grouping() {
    }

    /** The alerts in groups, in the order their first member came; each group at most {@link #MAX_GROUP}. */
    public static List<List<Alert>> groups(List<Alert> alerts) {
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        int alone = 0;
        for (Alert n : alerts) {
            String actor = n.series().actor();
            String key = actor == null || actor.isBlank()
                    ? "\u0000alone-" + alone++
                    : String.join("\u0000", actor.strip().toLowerCase(Locale.ROOT), Routing.eventType(n),
                    n.severity().wire(), n.state().wire());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        List<List<Alert>> out = new ArrayList<>();
        for (List<Alert> g : byKey.values()) {
            for (int i = 0; i < g.size(); i += MAX_GROUP) {
                out.add(List.copyOf(g.subList(i, Math.min(g.size(), i + MAX_GROUP))));
            }
        }
        return out;
    }
}

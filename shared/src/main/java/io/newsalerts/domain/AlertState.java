package io.newsalerts.domain;

import java.util.Locale;

/**
 * Where an alert stands in its lifecycle. Every state but {@link #SILENCED} that a transition enters is delivered;
 * a silenced alert is recorded (and shown in the history) but sent to nobody.
 */
public enum AlertState {
    /** First crossing of the rule's threshold for this key (or a new crossing after it had resolved). */
    FIRING,
    /** Materially worse than when last sent: the ratio reached the next whole step, or the severity rose. */
    ESCALATED,
    /** Newer facts for the same key fall below the threshold. */
    RESOLVED,
    /** A silence covered the alert when it fired or changed: recorded, not sent. */
    SILENCED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertState fromWire(String s) {
        for (AlertState v : values()) {
            if (v.wire().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown alert state '" + s + "' (expected firing, escalated, resolved or silenced)");
    }

    /** Firing, escalated or silenced: the condition holds, so newer facts may escalate or resolve it. */
    public boolean isActive() {
        return this != RESOLVED;
    }
}

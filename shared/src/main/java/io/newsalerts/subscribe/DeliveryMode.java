package io.newsalerts.subscribe;

import java.util.Locale;

/**
 * When a subscriber hears about alerts: {@code instant} (a message as alerts are raised, grouped per actor) or
 * {@code digest} (one message a day listing the day's alerts that match the subscriber's filters).
 */
public enum DeliveryMode {
    INSTANT, DIGEST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryMode fromWire(String s) {
        for (DeliveryMode m : values()) {
            if (m.wire().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("delivery must be instant or digest");
    }
}

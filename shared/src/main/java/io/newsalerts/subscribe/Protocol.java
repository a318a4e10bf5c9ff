package io.newsalerts.subscribe;

import java.util.Locale;

/** How a subscriber is reached. Only people are subscribed through the API: machines subscribe with IaC. */
public enum Protocol {
    EMAIL, SMS;

    /** The SNS protocol name ("email", "sms"). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Protocol fromWire(String s) {
        for (Protocol p : values()) {
            if (p.wire().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol '" + s + "' is not supported: use email or sms");
    }
}

package io.newsalerts.domain;

import java.util.Locale;

/** How urgent an alert is; subscribers filter on the numeric level ("at least medium"). */
public enum Severity {
    LOW(1), MEDIUM(2), HIGH(3);

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWire(String s) {
        for (Severity v : values()) {
            if (v.wire().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected low, medium or high)");
    }
}

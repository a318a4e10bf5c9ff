package io.newsalerts.domain;

/** How exact a reported number is: "153" is exact, "more than 80" at-least, "about 300" approx. */
public enum Qualifier {
    EXACT("exact"), AT_LEAST("at-least"), APPROX("approx");

    private final String wire;

    Qualifier(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Qualifier fromWire(String s) {
        for (Qualifier q : values()) {
            if (q.wire.equals(s)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown qualifier '" + s + "' (expected exact, at-least or approx)");
    }
}

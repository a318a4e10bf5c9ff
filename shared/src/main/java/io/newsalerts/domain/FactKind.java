package io.newsalerts.domain;

/**
 * A reported statistic is a total someone published for a period ("153 attacks in the first six months of 2024");
 * an incident is one event the article itself reports ("launched a new drone attack ... on Tuesday").
 * Statistics are never summed; incidents are.
 */
public enum FactKind {
    REPORTED("reported"), INCIDENT("incident");

    private final String wire;

    FactKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static FactKind fromWire(String s) {
        for (FactKind k : values()) {
            if (k.wire.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fact kind '" + s + "' (expected reported or incident)");
    }
}

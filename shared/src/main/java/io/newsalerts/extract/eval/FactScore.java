package io.newsalerts.extract.eval;

import io.newsalerts.domain.Fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Precision, recall and F1 of extracted facts against expected ones. A fact matches an expected fact when actor,
 * region set, count and period agree (event type, qualifier, kind and attribution are reported but not scored);
 * each expected fact matches at most one extracted fact.
 *
 * @param truePositives  extracted facts that match an expected one
 * @param falsePositives extracted facts that match none
 * @param falseNegatives expected facts nothing matched
 * @param missed         the expected facts nothing matched
 * @param spurious       the extracted facts that matched nothing
 */
public record FactScore(int truePositives, int falsePositives, int falseNegatives, List<Fact> missed,
                        List<Fact> spurious) {

    public FactScore {
        missed = List.copyOf(missed);
        spurious = List.copyOf(spurious);
    }

    public static FactScore of(List<Fact> expected, List<Fact> actual) {
        List<Fact> open = new ArrayList<>(expected);
        List<Fact> spurious = new ArrayList<>();
        int tp = 0;
        for (Fact a : actual) {
            int hit = -1;
            for (int i = 0; i < open.size(); i++) {
                if (matches(open.get(i), a)) {
                    hit = i;
                    break;
                }
            }
            if (hit >= 0) {
                open.remove(hit);
                tp++;
            } else {
                spurious.add(a);
            }
        }
        return new FactScore(tp, spurious.size(), open.size(), open, spurious);
    }

    /** The scoring key: same actor, same set of regions (and area when there are none), count and period. */
    public static boolean matches(Fact expected, Fact actual) {
        return Objects.equals(expected.actor(), actual.actor())
                && expected.regions().equals(actual.regions())
                && expected.count() == actual.count()
                && expected.period().equals(actual.period());
    }

    public FactScore plus(FactScore other) {
        List<Fact> m = new ArrayList<>(missed);
        m.addAll(other.missed);
        List<Fact> s = new ArrayList<>(spurious);
        s.addAll(other.spurious);
        return new FactScore(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, m, s);
    }

    public static FactScore empty() {
        return new FactScore(0, 0, 0, List.of(), List.of());
    }

    /** 1.0 when nothing was extracted and nothing was expected. */
    public double precision() {
        int d = truePositives + falsePositives;
        return d == 0 ? (falseNegatives == 0 ? 1.0 : 0.0) : (double) truePositives / d;
    }

    public double recall() {
        int d = truePositives + falseNegatives;
        return d == 0 ? (falsePositives == 0 ? 1.0 : 0.0) : (double) truePositives / d;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}

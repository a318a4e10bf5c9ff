package io.newsalerts.subscribe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** "Did you mean": the known names closest to a misspelt one, by edit distance, ignoring case. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * At most {@code max} of the candidates closest to {@code input}: those within an edit distance of a third of the
     * longer name (at least 2, or 1 for what is at most 3 letters long), closest first; then names that start with or contain what was typed ("islamic" finds
     * the Islamic State groups). Empty when nothing is close.
     */
    public static List<String> closest(String input, Collection<String> candidates, int max) {
        String in = input.strip().toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> near = new ArrayList<>();
        for (String c : new LinkedHashSet<>(candidates)) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(in, lc);
            int allowed = Math.max(in.length() <= 3 ? 1 : 2, Math.max(in.length(), lc.length()) / 3);
            if (d <= allowed) {
                near.add(new Scored(c, d));
            } else if (in.length() >= 3 && (lc.startsWith(in) || lc.contains(" " + in) || lc.contains(in))) {
                near.add(new Scored(c, allowed + 1 + (lc.startsWith(in) ? 0 : 1)));
            }
        }
        near.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        Set<String> out = new LinkedHashSet<>();
        for (Scored s : near) {
            if (out.size() == max) {
                break;
            }
            out.add(s.name());
        }
        return List.copyOf(out);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

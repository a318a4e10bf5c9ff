package io.newsalerts.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Where the matches of a pattern can begin: the literal text every match starts with (one of a few prefixes), so
 * that a search tries the pattern only there. {@link Matcher#find()} tries every position, each costing at least a
 * word-boundary test and the first branch of every alternative. For patterns that open with {@code \b} before a
 * letter or digit, which all the patterns given one do.
 */
final class MatchStarts {

    private final boolean ignoreCase;
    /** The prefixes by their first character (ASCII), in either case when ignoring case. */
    private final String[][] byFirst = new String[128][];

    private MatchStarts(boolean ignoreCase, String... prefixes) {
        this.ignoreCase = ignoreCase;
        List<List<String>> lists = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            lists.add(new ArrayList<>());
        }
        for (String p : prefixes) {
            char c = p.charAt(0);
            lists.get(c).add(p);
            if (ignoreCase && Character.toUpperCase(c) != c) {
                lists.get(Character.toUpperCase(c)).add(p);
            }
            if (ignoreCase && Character.toLowerCase(c) != c) {
                lists.get(Character.toLowerCase(c)).add(p);
            }
        }
        for (int c = 0; c < 128; c++) {
            byFirst[c] = lists.get(c).isEmpty() ? null : lists.get(c).toArray(new String[0]);
        }
    }

    /** Every match begins with one of these, exactly (ASCII). */
    static MatchStarts of(String... prefixes) {
        return new MatchStarts(false, prefixes);
    }

    /**
     * Every match begins with one of these in any case: for a CASE_INSENSITIVE pattern (which folds ASCII only; the
     * prefix test here folds more, so it never rules out a match).
     */
    static MatchStarts eitherCase(String... prefixes) {
        return new MatchStarts(true, prefixes);
    }

    /**
     * The first match starting in [from, to) and ending by {@code to}, as {@code m.region(from, to).find()} with
     * transparent bounds finds it ({@code \b} and look-arounds see the text around the region): the leftmost
     * position where the pattern matches, with the match the engine takes there. Leaves {@code m} on that match.
     */
    boolean find(Matcher m, String s, int from, int to) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int p = from; p < to; p++) {
            char c = s.charAt(p);
            // the pattern opens with \b before a letter or digit: right after an ASCII letter or digit there is none
            if (c < 128 && byFirst[c] != null && (p == 0 || !asciiWordChar(s.charAt(p - 1))) && prefixAt(s, p)) {
                m.region(p, to);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean prefixAt(String s, int p) {
        for (String prefix : byFirst[s.charAt(p)]) {
            if (s.regionMatches(ignoreCase, p, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}

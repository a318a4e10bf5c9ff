package io.newsalerts.extract;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The characters the matches of a pattern can begin with, so that a search tries the pattern only there. For
 * patterns that begin with {@code \b} and then a letter or digit, which is all of those that use it.
 * {@link Matcher#find()} tries every position, each costing at least a word-boundary test and the first branch of
 * every alternative; the patterns here all begin with one of a few letters, which a table lookup rules out.
 */
final class MatchStarts {

    private final boolean[] ascii = new boolean[128];

    private MatchStarts(String chars) {
        for (int i = 0; i < chars.length(); i++) {
            ascii[chars.charAt(i)] = true;
        }
    }

    /** Exactly these (ASCII) characters. */
    private static boolean asciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    static MatchStarts of(String chars) {
        return new MatchStarts(chars);
    }

    /** For a CASE_INSENSITIVE pattern, which folds ASCII only: these letters in either case. */
    static MatchStarts eitherCase(String chars) {
        return new MatchStarts(chars.toLowerCase(Locale.ROOT) + chars.toUpperCase(Locale.ROOT));
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
            // every pattern here opens with \b before a letter or digit: after an ASCII letter or digit there is none
            if (c < 128 && ascii[c] && (p == 0 || !asciiWordChar(s.charAt(p - 1)))) {
                m.region(p, to);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.newsalerts.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a text holds one of a few phrase shapes, each a word boundary followed by one literal from each of a
 * sequence of groups, and maybe a word boundary after: the regular expression {@code \b(?:in|by) (?:a|the) (?:car
 * |)(?:attack|bomb)\b|...} ({@link #pattern}), answered as {@code pattern().matcher(text).find()} without the regex
 * engine. The engine walks its node graph through every literal of every group at each place a match could start:
 * some 2 us for a sentence against the single-incident phrases even when tried only at the words they open with.
 * Here a candidate start is a word start whose character opens a shape, and of each group only the literals opening
 * with the text's next character are compared, in place: under 1 us a sentence.
 * <p>
 * Same semantics as {@link Pattern}: {@code \b} as {@link Chars#isWordBoundary} decides it (the engine's own test
 * next to a character that is not ASCII), and case, when ignored, folded as CASE_INSENSITIVE folds it (ASCII letters
 * only). A group holding {@code ""} may be skipped; the first group of a shape must not be.
 */
final class LiteralSearch {

    /**
     * One shape: its groups of literals (in lower case when case is ignored), each group's also by first character
     * (both cases when ignoring case) so that only the literals that can match are compared, and whether a group may
     * be skipped and a boundary ends the shape.
     */
    private record Shape(String[][] groups, String[][][] byFirst, boolean[] optional, boolean boundaryAfter) {
    }

    private final List<Shape> shapes = new ArrayList<>();
    private final boolean ignoreCase;
    /** By character, the shapes a literal of whose first group opens with it: where a search looks, and for what. */
    private final Shape[][] opening = new Shape[128][];

    private LiteralSearch(boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
    }

    /** A search matching literals exactly. */
    static LiteralSearch exact() {
        return new LiteralSearch(false);
    }

    /** A search folding ASCII case, as {@link Pattern#CASE_INSENSITIVE}. */
    static LiteralSearch ignoringCase() {
        return new LiteralSearch(true);
    }

    /**
     * Adds the shape {@code \b(?:group 1)(?:group 2)...}, with {@code \b} after when {@code boundaryAfter}. Literals
     * are ASCII.
     */
    @SafeVarargs
    final LiteralSearch or(boolean boundaryAfter, List<String>... groups) {
        String[][] literals = new String[groups.length][];
        String[][][] byFirst = new String[groups.length][128][];
        boolean[] optional = new boolean[groups.length];
        for (int g = 0; g < groups.length; g++) {
            literals[g] = new String[groups[g].size()]; // a loop: a stream's lambdas cost a cold start more
            for (int k = 0; k < literals[g].length; k++) {
                literals[g][k] = fold(groups[g].get(k));
            }
            for (String literal : literals[g]) {
                if (literal.isEmpty()) {
                    optional[g] = true;
                    continue;
                }
                char c = literal.charAt(0);
                add(byFirst[g], c, literal);
                if (ignoreCase && c >= 'a' && c <= 'z') {
                    add(byFirst[g], (char) (c - ('a' - 'A')), literal);
                }
            }
        }
        if (optional[0]) {
            throw new IllegalArgumentException("the first group of a shape cannot be skipped: " + groups[0]);
        }
        Shape shape = new Shape(literals, byFirst, optional, boundaryAfter);
        shapes.add(shape);
        for (int c = 0; c < 128; c++) {
            if (byFirst[0][c] != null) {
                Shape[] old = opening[c] == null ? new Shape[0] : opening[c];
                opening[c] = Arrays.copyOf(old, old.length + 1);
                opening[c][old.length] = shape;
            }
        }
        return this;
    }

    private static void add(String[][] byFirst, char c, String literal) {
        String[] old = byFirst[c] == null ? new String[0] : byFirst[c];
        byFirst[c] = Arrays.copyOf(old, old.length + 1);
        byFirst[c][old.length] = literal;
    }

    /** The regular expression the search answers for. */
    Pattern pattern() {
        List<String> alternatives = new ArrayList<>();
        for (Shape shape : shapes) {
            StringBuilder b = new StringBuilder("\\b");
            for (String[] group : shape.groups()) {
                b.append("(?:").append(String.join("|", Stream.of(group).map(Pattern::quote).toList())).append(')');
            }
            alternatives.add(shape.boundaryAfter() ? b.append("\\b").toString() : b.toString());
        }
        return Pattern.compile(String.join("|", alternatives), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    /** Whether {@code text} holds one of the shapes: as {@code pattern().matcher(text).find()}. */
    boolean find(String text) {
        Shape[][] opening = this.opening;
        int n = text.length();
        for (int p = 0; p < n; p++) {
            char c = text.charAt(p);
            Shape[] shapesHere = c < 128 ? opening[c] : null;
            if (shapesHere != null && Chars.isWordBoundary(text, p)) {
                for (Shape shape : shapesHere) {
                    if (matchesFrom(text, p, shape, 0)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the groups of {@code shape} from {@code g} on match at {@code at}: every way is tried. */
    private boolean matchesFrom(String text, int at, Shape shape, int g) {
        if (g == shape.groups().length) {
            return !shape.boundaryAfter() || Chars.isWordBoundary(text, at);
        }
        if (shape.optional()[g] && matchesFrom(text, at, shape, g + 1)) {
            return true;
        }
        char c = at < text.length() ? text.charAt(at) : 0x80;
        String[] literals = c < 128 ? shape.byFirst()[g][c] : null;
        if (literals != null) {
            for (String literal : literals) {
                if (literalAt(text, at, literal) && matchesFrom(text, at + literal.length(), shape, g + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean literalAt(String text, int at, String literal) {
        if (at + literal.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < literal.length(); k++) {
            char c = text.charAt(at + k);
            if ((ignoreCase ? Lexicon.asciiLower(c) : c) != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private String fold(String literal) {
        if (!ignoreCase) {
            return literal;
        }
        char[] b = literal.toCharArray();
        for (int k = 0; k < b.length; k++) {
            b[k] = Lexicon.asciiLower(b[k]);
        }
        return new String(b);
    }
}

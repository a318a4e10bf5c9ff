package io.newsalerts.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Splits a paragraph into sentences in one pass. A sentence ends at '.', '!' or '?' (plus closing quotes or
 * brackets) followed by a space and a capital, digit or opening quote, unless the word before the dot is a known
 * abbreviation ("Gen.", "Feb.", "No.", "Mr.") or an initial. After a dotted acronym ("U.S.", "U.N.") the split
 * happens only when the next word is a common sentence opener ("The", "It", ...), since "the U.S. Navy" is far
 * more frequent than a sentence ending in "U.S.".
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "capt", "cpl", "pvt", "adm", "brig",
            "cmdr", "cmdt", "gov", "sen", "rep", "rev", "st", "mt", "ft", "jr", "sr", "no", "nos", "vol", "inc", "co",
            "corp", "ltd", "vs", "etc", "approx", "est", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
            "sat", "sun", "ave", "blvd", "rd", "gov't", "pres", "supt", "insp", "det", "ald", "hon", "messrs", "fig",
            "al", "op", "sec", "atty", "sgt.maj");

    private static final Set<String> OPENERS = Set.of(
            "the", "it", "its", "a", "an", "in", "on", "at", "he", "she", "they", "we", "i", "but", "and", "this",
            "that", "these", "those", "there", "officials", "since", "after", "before", "during", "according", "as",
            "while", "when", "last", "from", "some", "many", "most", "his", "her", "their", "our");

    /** The two sets as sorted {@link #key}s, so a probe neither lower-cases nor allocates. */
    private static final long[] ABBREVIATION_KEYS = keys(ABBREVIATIONS);
    private static final long[] OPENER_KEYS = keys(OPENERS);

    private SentenceSplitter() {
    }

    public static List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        int n = paragraph.length();
        int start = 0;
        // the next of each terminator by String.indexOf, which the JIT (C2) compiles to a vector search, instead of a
        // look at every character
        int dot = paragraph.indexOf('.');
        int bang = paragraph.indexOf('!');
        int question = paragraph.indexOf('?');
        for (int i = 0; i < n; i++) {
            if (dot >= 0 && dot < i) {
                dot = paragraph.indexOf('.', i);
            }
            if (bang >= 0 && bang < i) {
                bang = paragraph.indexOf('!', i);
            }
            if (question >= 0 && question < i) {
                question = paragraph.indexOf('?', i);
            }
            i = Math.min(Math.min(dot < 0 ? n : dot, bang < 0 ? n : bang), question < 0 ? n : question);
            if (i >= n) {
                break;
            }
            char c = paragraph.charAt(i);
            int end = i + 1;
            while (end < n && isCloser(paragraph.charAt(end))) {
                end++;
            }
            if (end >= n || !Chars.isWhitespace(paragraph.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < n && Chars.isWhitespace(paragraph.charAt(next))) {
                next++;
            }
            if (next >= n) {
                break;
            }
            char nc = paragraph.charAt(next);
            if (!(Chars.isUpperCase(nc) || Chars.isDigit(nc) || nc == '"' || nc == '(' || nc == '\'')) {
                continue;
            }
            if (c == '.' && !endsSentence(paragraph, start, i, next)) {
                continue;
            }
            addTrimmed(out, paragraph.substring(start, end));
            start = next;
            i = next - 1;
        }
        if (start < n) {
            addTrimmed(out, paragraph.substring(start));
        }
        return out;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’';
    }

    /** Whether the dot at {@code dot} ends a sentence, given the word before it and the word after. */
    private static boolean endsSentence(String p, int sentenceStart, int dot, int next) {
        int w = dot;
        while (w > sentenceStart && !Chars.isWhitespace(p.charAt(w - 1)) && p.charAt(w - 1) != '(') {
            w--;
        }
        if (w == dot) {
            return true;
        }
        if (contains(ABBREVIATION_KEYS, key(p, w, dot))) {
            return false;
        }
        if (dot - w == 1 && Chars.isUpperCase(p.charAt(w))) {
            return false; // an initial: "John F. Kennedy"
        }
        String word = p.substring(w, dot);
        if (word.indexOf('.') >= 0 && isDotted(word)) {
            int i = next;
            while (i < p.length() && !Chars.isLetterOrDigit(p.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < p.length() && Chars.isLetter(p.charAt(j))) {
                j++;
            }
            return contains(OPENER_KEYS, key(p, i, j));
        }
        return true;
    }

    /**
     * The word p[from, to) lower-cased, 7 bits a character, when it is at most 9 ASCII characters (1-127) long;
     * otherwise -1, which no word of the sets has: every one is that short and ASCII. Only ASCII is folded, which is
     * all {@code toLowerCase} could turn into a word of the sets (the Kelvin sign aside, and no word has a 'k').
     */
    static long key(CharSequence p, int from, int to) {
        if (to - from > 9) {
            return -1;
        }
        long key = 0;
        for (int i = from; i < to; i++) {
            char c = p.charAt(i);
            if (c == 0 || c >= 0x80) {
                return -1;
            }
            key = key << 7 | (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return key;
    }

    private static boolean contains(long[] keys, long key) {
        return key >= 0 && Arrays.binarySearch(keys, key) >= 0;
    }

    private static long[] keys(Set<String> words) {
        long[] keys = new long[words.size()];
        int k = 0;
        for (String word : words) {
            keys[k++] = key(word, 0, word.length());
        }
        Arrays.sort(keys);
        return keys;
    }

    private static boolean isDotted(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Chars.isLetter(c) || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static void addTrimmed(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}

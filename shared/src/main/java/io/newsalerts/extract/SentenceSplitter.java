package io.newsalerts.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private SentenceSplitter() {
    }

    public static List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        int n = paragraph.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
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
        String word = p.substring(w, dot);
        if (word.isEmpty()) {
            return true;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return false;
        }
        if (word.length() == 1 && Chars.isUpperCase(word.charAt(0))) {
            return false; // an initial: "John F. Kennedy"
        }
        if (word.indexOf('.') >= 0 && isDotted(word)) {
            String following = nextWord(p, next).toLowerCase(Locale.ROOT);
            return OPENERS.contains(following);
        }
        return true;
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

    private static String nextWord(String p, int from) {
        int i = from;
        while (i < p.length() && !Chars.isLetterOrDigit(p.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < p.length() && Chars.isLetter(p.charAt(j))) {
            j++;
        }
        return p.substring(i, j);
    }

    private static void addTrimmed(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}

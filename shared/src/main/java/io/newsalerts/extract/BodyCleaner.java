package io.newsalerts.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an article body into the paragraphs worth reading: drops photo captions, bylines, timestamps and the
 * sidebar teasers scraped along with the story (a headline printed twice, a snippet cut off with "...", an
 * "5h ago" stamp), and stops at the closing byline or a "Related" block.
 */
final class BodyCleaner {

    private static final Pattern AGO = Pattern.compile("(?i)^\\d{1,3}\\s?(?:h|m|d|min|mins|hr|hrs|hours?|minutes?|days?|weeks?)\\s+ago$");
    private static final Pattern BYLINE = Pattern.compile("^(?:By|BY) [A-Z][^.!?]{0,150}$");
    private static final Pattern STAMP = Pattern.compile("(?i)^(?:posted|published|updated|last updated)\\b.{0,80}$");
    private static final Pattern CAPTION = Pattern.compile("^(?:FILE|File) ?[-—–]|\\((?:AP|AFP|Reuters) Photo");
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^[A-Z][^.!?]{0,160}, (?:The )?(?:Associated Press|Reuters|AFP|Agence France-Presse)\\.?$");
    private static final Pattern STOP_HEADING = Pattern.compile(
            "(?i)^(?:related|related stories|related articles|read more|more stories|more from .{1,40}|most read|"
                    + "most popular|trending|recommended|you may also like|you might also like|latest news|top stories|"
                    + "advertisement|sponsored)\\s*:?$");

    private BodyCleaner() {
    }

    static List<String> paragraphs(String body) {
        String text = body.indexOf('\r') >= 0 ? body.replace("\r\n", "\n").replace('\r', '\n') : body;
        List<String> kept = new ArrayList<>();
        Lines lines = new Lines(text);
        // each line is compared with the next non-blank one, so that one is cleaned ahead and carried over
        String next = lines.nextNonBlank();
        boolean prose = false; // a paragraph of the story kept yet, not only a page's menu lines
        for (String line = next; line != null; line = next) {
            next = lines.nextNonBlank();
            if (line.isEmpty()) {
                continue;
            }
            char first = line.charAt(0);
            if (line.length() < 48 && mayOpenStopHeading(first) && STOP_HEADING.matcher(line).matches()) {
                if (!prose) {
                    continue; // "Advertisement" above the story, among a page's own lines: the story is still to come
                }
                break; // the story is over; what follows is somebody else's
            }
            if (!kept.isEmpty() && line.length() < 200 && endsWithAgency(line) && !line.startsWith("By ")
                    && SIGN_OFF.matcher(line).matches()) {
                break;
            }
            if (line.equals(next)) {
                break; // a headline printed twice is a teaser card: the sidebar has started
            }
            // each pattern only where its first character can open it: most lines open with none of them
            if ((line.length() < 24 && Chars.isDigit(first) && AGO.matcher(line).matches())
                    || (first == 'B' && (line.startsWith("By ") || line.startsWith("BY ")) && BYLINE.matcher(line).matches())
                    || (line.length() < 100 && mayOpenStamp(first) && STAMP.matcher(line).matches())
                    || ((first == 'F' && (line.startsWith("FILE") || line.startsWith("File")) || line.indexOf("Photo") >= 0)
                    && CAPTION.matcher(line).find())) {
                continue;
            }
            char last = line.charAt(line.length() - 1);
            if (last == '…' || (last == '.' && line.endsWith("..."))) {
                continue; // a truncated teaser snippet
            }
            kept.add(line);
            char end = line.charAt(line.length() - 1);
            prose |= end == '.' || end == '"' || end == '?' || end == '!'; // a menu's or a label's line ends with none
        }
        return kept;
    }

    /** STOP_HEADING's words start with one of these letters (its (?i) folds ASCII only). */
    private static boolean mayOpenStopHeading(char c) {
        return switch (c) {
            case 'r', 'R', 'm', 'M', 't', 'T', 'y', 'Y', 'l', 'L', 'a', 'A', 's', 'S' -> true;
            default -> false;
        };
    }

    /** "posted", "published", "updated", "last updated" in any ASCII case. */
    private static boolean mayOpenStamp(char c) {
        return switch (c) {
            case 'p', 'P', 'u', 'U', 'l', 'L' -> true;
            default -> false;
        };
    }

    private static final String[] AGENCIES = {"Associated Press", "Reuters", "AFP", "Agence France-Presse"};

    /** What a SIGN_OFF line ends with: a look at the end of the line instead of a scan per agency. */
    private static boolean endsWithAgency(String line) {
        int end = line.charAt(line.length() - 1) == '.' ? line.length() - 1 : line.length();
        char last = end > 0 ? line.charAt(end - 1) : ' ';
        if (last != 's' && last != 'P' && last != 'e') {
            return false; // "...Press", "...Reuters", "AFP", "...France-Presse"
        }
        for (String agency : AGENCIES) {
            if (line.startsWith(agency, end - agency.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body's lines, read in one pass by {@code indexOf} (no array of them), skipping blank ones. A line comes
     * normalized and stripped, copied once: its stripped bounds are found on the characters as {@link #normalize}
     * maps them (a no-break space is whitespace after it), and only those are copied.
     */
    private static final class Lines {
        private final String text;
        private int from;

        Lines(String text) {
            this.text = text;
        }

        /**
         * The next line that is not blank as written ({@link String#isBlank}), normalized and stripped (empty if it
         * is no-break spaces only), or null at the end.
         */
        String nextNonBlank() {
            int length = text.length();
            while (from <= length) {
                int newline = text.indexOf('\n', from);
                int end = newline < 0 ? length : newline;
                int start = from;
                from = end + 1;
                boolean blank = true; // as written: a no-break space is not whitespace before normalize
                while (start < end && Chars.isWhitespace(normalized(text.charAt(start)))) {
                    blank &= Chars.isWhitespace(text.charAt(start));
                    start++;
                }
                if (start == end) {
                    if (blank) {
                        continue;
                    }
                    return "";
                }
                while (Chars.isWhitespace(normalized(text.charAt(end - 1)))) {
                    end--;
                }
                return normalize(text.substring(start, end));
            }
            return null;
        }
    }

    /** Straight quotes and plain spaces, so the rest of the pipeline sees one spelling. */
    static String normalize(String s) {
        char[] b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // ASCII other than a tab stays: under C1 the switch is a call and a binary search run on every character
            char r = c < 0x80 && c != '\t' ? c : normalized(c);
            if (r != c && b == null) {
                b = s.toCharArray();
            }
            if (b != null) {
                b[i] = r;
            }
        }
        return b == null ? s : new String(b);
    }

    /** A character as {@link #normalize} writes it. */
    private static char normalized(char c) {
        return switch (c) {
            case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
            case '\u2018', '\u2019', '\u201A', '\u02BC' -> '\'';
            case '\u00A0', '\u2007', '\u202F', '\t' -> ' ';
            case '\u2013', '\u2012' -> '-';
            default -> c;
        };
    }

    static boolean mostlyUpperCase(String s) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Chars.isLetter(c)) {
                letters++;
                if (Chars.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 8 && upper * 10 >= letters * 7;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

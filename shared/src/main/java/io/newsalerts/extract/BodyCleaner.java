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
        String[] lines = text.split("\n");
        List<String> kept = new ArrayList<>();
        int n = lines.length;
        String[] cleaned = new String[n]; // each line normalized once: it is also compared as the next one
        for (int i = 0; i < n; i++) {
            String line = cleaned(lines, cleaned, i);
            if (line.isEmpty()) {
                continue;
            }
            char first = line.charAt(0);
            if ((line.length() < 48 && mayOpenStopHeading(first) && STOP_HEADING.matcher(line).matches())
                    || (!kept.isEmpty() && line.length() < 200 && endsWithAgency(line) && !line.startsWith("By ")
                    && SIGN_OFF.matcher(line).matches())) {
                break; // the story is over; what follows is somebody else's
            }
            int next = nextNonBlank(lines, i);
            if (next >= 0 && cleaned(lines, cleaned, next).equals(line)) {
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

    private static int nextNonBlank(String[] lines, int i) {
        for (int k = i + 1; k < lines.length; k++) {
            if (!lines[k].isBlank()) {
                return k;
            }
        }
        return -1;
    }

    private static String cleaned(String[] lines, String[] cleaned, int i) {
        if (cleaned[i] == null) {
            cleaned[i] = normalize(lines[i]).strip();
        }
        return cleaned[i];
    }

    /** Straight quotes and plain spaces, so the rest of the pipeline sees one spelling. */
    static String normalize(String s) {
        char[] b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // ASCII other than a tab stays: under C1 the switch below is a binary search run on every character
            char r = c < 0x80 && c != '\t' ? c : switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
                case '\u2018', '\u2019', '\u201A', '\u02BC' -> '\'';
                case '\u00A0', '\u2007', '\u202F', '\t' -> ' ';
                case '\u2013', '\u2012' -> '-';
                default -> c;
            };
            if (r != c && b == null) {
                b = s.toCharArray();
            }
            if (b != null) {
                b[i] = r;
            }
        }
        return b == null ? s : new String(b);
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

package io.newsalerts.message;

import java.text.Normalizer;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The GSM 03.38 default alphabet that every SMS handset can show. One SMS carries 160 septets; a character of the
 * basic table takes one, of the extension table ({@code ^ { } \ [ ~ ] | €}) two. Anything outside both would switch
 * the whole message to UCS-2 and cut it to 70 characters, so text is folded into the alphabet instead.
 */
public final class Gsm7 {

    /** Basic table, less the escape (0x1B) that introduces the extension table. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table, less the form feed (a page break is no use in an alert). */
    private static final String EXTENSION = "^{}\\[~]|€";

    /** Letters and signs that neither decompose into the alphabet nor have a GSM form, written the usual Latin way. */
    private static final Map<Integer, String> SPELLED = spelled();

    private Gsm7() {
    }

    public static boolean isBasic(int codePoint) {
        return codePoint < 0x10000 && BASIC.indexOf(codePoint) >= 0;
    }

    public static boolean isExtension(int codePoint) {
        return codePoint < 0x10000 && EXTENSION.indexOf(codePoint) >= 0;
    }

    public static boolean isGsm7(int codePoint) {
        return isBasic(codePoint) || isExtension(codePoint);
    }

    /** True when every character of s is in the GSM 7-bit alphabet (basic or extension table). */
    public static boolean isEncodable(String s) {
        return s.codePoints().allMatch(Gsm7::isGsm7);
    }

    /** Septets s takes in one SMS: 1 per basic character, 2 per extension character. */
    public static int septets(String s) {
        return s.codePoints().map(c -> isExtension(c) ? 2 : 1).sum();
    }

    /** s in the GSM alphabet: kept where it is, transliterated where we know how (é, ł, Ж, “), dropped otherwise. */
    public static String transliterate(String s) {
        return fold(s, Gsm7::isGsm7);
    }

    /** s in printable ASCII, by the same folding (for SNS subjects, which must be ASCII). */
    public static String ascii(String s) {
        return fold(s, c -> c >= 0x20 && c < 0x7F);
    }

    /**
     * At most max septets of s: cut at a word boundary when one is near, marked with "..."; s itself if it fits.
     */
    public static String truncate(String s, int max) {
        if (septets(s) <= max) {
            return s;
        }
        String mark = "...";
        int budget = max - septets(mark);
        if (budget <= 0) {
            return mark.substring(0, Math.max(0, max));
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        int[] cps = s.codePoints().toArray();
        for (int c : cps) {
            int cost = isExtension(c) ? 2 : 1;
            if (used + cost > budget) {
                break;
            }
            out.appendCodePoint(c);
            used += cost;
        }
        // Prefer ending on a whole word unless that throws away most of what fits.
        int space = out.lastIndexOf(" ");
        if (space >= out.length() / 2) {
            out.setLength(space);
        }
        while (!out.isEmpty() && " ,;:-".indexOf(out.charAt(out.length() - 1)) >= 0) {
            out.setLength(out.length() - 1);
        }
        return out + mark;
    }

    static String fold(String s, IntPredicate allowed) {
        if (s == null) {
            return "";
        }
        // NFKC first: full-width letters, ligatures, superscripts and odd spaces become their plain forms.
        String k = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(k.length());
        k.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' '); // also line breaks: alert text is one line wherever it goes
            } else if (allowed.test(c)) {
                out.appendCodePoint(c);
            } else if (SPELLED.containsKey(c)) {
                SPELLED.get(c).codePoints().filter(allowed).forEach(out::appendCodePoint);
            } else {
                // Strip accents: "ā" is "a" plus a combining macron, "ή" is "η" plus a tonos; keep what has a form.
                String d = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
                d.codePoints().forEach(dc -> {
                    if (allowed.test(dc)) {
                        out.appendCodePoint(dc);
                    } else if (SPELLED.containsKey(dc)) {
                        SPELLED.get(dc).codePoints().filter(allowed).forEach(out::appendCodePoint);
                    }
                });
            }
        });
        return out.toString();
    }

    private static Map<Integer, String> spelled() {
        var m = new java.util.HashMap<Integer, String>();
        put(m, "‘’‚‛′`´", "'");
        put(m, "“”„‟″«»", "\"");
        put(m, "‐‑‒–—―−", "-");
        put(m, "•·", "-");
        put(m, "×", "x");
        put(m, "≈", "~");
        put(m, "ł", "l");
        put(m, "Ł", "L");
        put(m, "đð", "d");
        put(m, "ĐÐ", "D");
        put(m, "ı", "i");
        put(m, "ħ", "h");
        put(m, "ŋ", "n");
        put(m, "ĸ", "k");
        m.put((int) 'þ', "th");
        m.put((int) 'Þ', "Th");
        m.put((int) 'œ', "oe");
        m.put((int) 'Œ', "OE");
        m.put((int) '©', "(c)");
        m.put((int) '®', "(R)");
        m.put((int) '°', " deg");
        m.put((int) '¢', "c");
        // The GSM table's own Ç, É, Ä... are kept as they are; these are the lower-case ones it lacks.
        m.put((int) 'ç', "c");
        // The ASCII fold loses these GSM letters; spell them in Latin.
        m.put((int) 'ß', "ss");
        m.put((int) 'Æ', "AE");
        m.put((int) 'æ', "ae");
        m.put((int) 'Ø', "O");
        m.put((int) 'ø', "o");
        m.put((int) '£', "GBP");
        m.put((int) '¥', "JPY");
        m.put((int) '€', "EUR");
        m.put((int) '¤', "");
        m.put((int) '§', "S");
        m.put((int) '¡', "!");
        m.put((int) '¿', "?");
        // Cyrillic: a plain scientific-style romanisation, enough to keep a name readable.
        String[][] cyr = {
                {"А", "A"}, {"Б", "B"}, {"В", "V"}, {"Г", "G"}, {"Д", "D"}, {"Е", "E"}, {"Ё", "Yo"}, {"Ж", "Zh"},
                {"З", "Z"}, {"И", "I"}, {"Й", "Y"}, {"К", "K"}, {"Л", "L"}, {"М", "M"}, {"Н", "N"}, {"О", "O"},
                {"П", "P"}, {"Р", "R"}, {"С", "S"}, {"Т", "T"}, {"У", "U"}, {"Ф", "F"}, {"Х", "Kh"}, {"Ц", "Ts"},
                {"Ч", "Ch"}, {"Ш", "Sh"}, {"Щ", "Shch"}, {"Ъ", ""}, {"Ы", "Y"}, {"Ь", ""}, {"Э", "E"}, {"Ю", "Yu"},
                {"Я", "Ya"}, {"Є", "Ye"}, {"І", "I"}, {"Ї", "Yi"}, {"Ґ", "G"}};
        for (String[] p : cyr) {
            m.put(p[0].codePointAt(0), p[1]);
            m.put(p[0].toLowerCase(java.util.Locale.ROOT).codePointAt(0), p[1].toLowerCase(java.util.Locale.ROOT));
        }
        // Greek: GSM has some capitals (Δ, Σ, ...); the rest look like Latin capitals. Lower case goes upper first.
        String greek = "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX";
        for (int i = 0; i < greek.length(); i += 2) {
            m.put((int) greek.charAt(i), String.valueOf(greek.charAt(i + 1)));
        }
        for (char c = 'α'; c <= 'ω'; c++) {
            char upper = Character.toUpperCase(c);
            if (c == 'ς') {
                upper = 'Σ';
            }
            m.put((int) c, m.getOrDefault((int) upper, String.valueOf(upper)));
        }
        return Map.copyOf(m);
    }

    private static void put(Map<Integer, String> m, String chars, String as) {
        chars.codePoints().forEach(c -> m.put(c, as));
    }
}

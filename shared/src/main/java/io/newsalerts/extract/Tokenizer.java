package io.newsalerts.extract;

import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a sentence into tokens in one left-to-right pass (no regex). Hyphens split words ("al-Asad" is
 * "al", "-", "Asad"), a possessive "'s" is its own token, dotted abbreviations ("U.S.", "U.N.") stay whole,
 * and numbers keep their thousands separators and decimals ("1,200", "2.5").
 */
final class Tokenizer {

    private Tokenizer() {
    }

    /** Tokens without lexicon ids: for the names the gazetteer is built from. */
    static Tokens tokenize(String s) {
        return tokenize(s, null);
    }

    /** Tokens with their lexicon id and word classes, or without ({@code lexicon} null). */
    static Tokens tokenize(String s, Lexicon lexicon) {
        char[] cs = s.toCharArray(); // array reads: String.charAt checks its coder and bounds on every call
        Token[] out = new Token[Math.max(8, cs.length / 4)];
        int count = 0;
        int n = cs.length;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (Chars.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Token token;
            if (Chars.isLetter(c)) {
                // most words are ASCII letters and digits only: hashed and packed for the lexicon as they are read
                int h = 0;
                long packed = 0;
                char d;
                while (i < n && (d = cs[i]) < 0x80 && Chars.isLetterOrDigit(d)) {
                    int lower = d | 0x20; // an ASCII letter's lower case; a digit has the bit
                    h = 31 * h + lower;
                    packed |= (long) lower << (8 * (i - start)); // as make does
                    i++;
                }
                int end = i == n || endsPlainWord(cs[i]) ? i : wordOrAbbreviationEnd(cs, start, i);
                if (end == i && lexicon != null) {
                    token = lookedUp(lexicon, s, cs, start, end, Token.Type.WORD, h, packed, true);
                } else {
                    i = end;
                    token = make(lexicon, s, cs, start, end, Token.Type.WORD);
                }
            } else if (Chars.isDigit(c)) {
                i++;
                while (i < n) {
                    char d = cs[i];
                    if (Chars.isDigit(d)) {
                        i++;
                    } else if ((d == ',' || d == '.') && i + 1 < n && Chars.isDigit(cs[i + 1])
                            && (d == '.' || digitsAhead(cs, i + 1) == 3)) {
                        i++;
                    } else {
                        break;
                    }
                }
                Token.Type type = Token.Type.NUMBER;
                if (i < n && Chars.isLetter(cs[i])) {
                    while (i < n && Chars.isLetterOrDigit(cs[i])) {
                        i++;
                    }
                    type = Token.Type.ORDINAL;
                }
                token = make(lexicon, s, cs, start, i, type);
            } else if (c == '\'' && possessive(cs, i)) {
                i += 2;
                token = make(lexicon, s, cs, start, i, Token.Type.WORD);
            } else {
                i++;
                token = make(lexicon, s, cs, start, i, Token.Type.PUNCT);
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, count * 2);
            }
            out[count++] = token;
        }
        return new Tokens(out, count);
    }

    /**
     * Whether {@code c}, after a run of ASCII letters and digits, ends the word there: it is not a letter or digit
     * (the run would have taken it) nor another script's (the word goes on), an apostrophe ("don't") or a dot
     * ("U.S.").
     */
    private static boolean endsPlainWord(char c) {
        return c < 0x80 && c != '\'' && c != '.';
    }

    /**
     * The end of the word starting with a letter at {@code start} whose ASCII letters and digits run up to
     * {@code i}: a dotted abbreviation's, or the word's going on over letters, digits and "'t".
     */
    private static int wordOrAbbreviationEnd(char[] cs, int start, int i) {
        int dotted = dottedAbbreviation(cs, start);
        return dotted > start ? dotted : wordEnd(cs, Math.max(i, start + 1));
    }

    /** The end of the word whose letters and digits run up to {@code i}: it goes on over letters, digits and "'t". */
    private static int wordEnd(char[] cs, int i) {
        int n = cs.length;
        while (i < n) {
            char d = cs[i];
            if (Chars.isLetterOrDigit(d)) {
                i++;
            } else if (d == '\'' && i + 1 < n && Chars.isLetter(cs[i + 1]) && !possessive(cs, i)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int digitsAhead(char[] cs, int i) {
        int k = i;
        while (k < cs.length && Chars.isDigit(cs[k])) {
            k++;
        }
        return k - i;
    }

    /** "'s" followed by a non-letter. */
    private static boolean possessive(char[] cs, int i) {
        return i + 1 < cs.length && (cs[i + 1] == 's' || cs[i + 1] == 'S')
                && (i + 2 >= cs.length || !Chars.isLetter(cs[i + 2]));
    }

    /** "U.S." / "U.N." / "U.S.A.": single letters each followed by a dot, at least two of them. Returns end or i. */
    private static int dottedAbbreviation(char[] cs, int i) {
        int k = i;
        int letters = 0;
        while (k + 1 < cs.length && Chars.isLetter(cs[k]) && cs[k + 1] == '.'
                && (k + 2 >= cs.length || !Chars.isLetter(cs[k + 2]) || letterDot(cs, k + 2))) {
            letters++;
            k += 2;
            if (k >= cs.length || !letterDot(cs, k)) {
                break;
            }
        }
        return letters >= 2 ? k : i;
    }

    private static boolean letterDot(char[] cs, int k) {
        return k + 1 < cs.length && Chars.isLetter(cs[k]) && cs[k + 1] == '.';
    }

    private static Token make(Lexicon lexicon, String s, char[] cs, int start, int end, Token.Type type) {
        if (lexicon == null) {
            String lower = s.substring(start, end).toLowerCase(Locale.ROOT);
            return new Token(s, start, end, type, Lexicon.UNKNOWN, 0L, lower, lower.length());
        }
        // ASCII lower-cases char by char: the word is looked up from the sentence, hashed (and, if short, packed:
        // see Lexicon) as its lower case
        int h = 0;
        long packed = 0;
        boolean plain = true;
        for (int i = start; i < end; i++) {
            char c = cs[i];
            if (c >= 0x80) {
                // other case mappings may change the length or depend on context: the library's, per token
                String lower = s.substring(start, end).toLowerCase(Locale.ROOT);
                int id = lexicon.find(lower);
                return id == Lexicon.UNKNOWN ? new Token(s, start, end, type, id, 0L, lower, lower.length())
                        : new Token(s, start, end, type, id, lexicon.classes(id), lexicon.word(id), lower.length());
            }
            plain &= Chars.isLetterOrDigit(c);
            char lower = Lexicon.asciiLower(c);
            h = 31 * h + lower;
            packed |= (long) lower << (8 * (i - start)); // meaningful for the first seven only
        }
        return lookedUp(lexicon, s, cs, start, end, type, h, packed, plain);
    }

    /** An ASCII token, {@code h} and {@code packed} of its lower case as {@link Lexicon} takes them. */
    private static Token lookedUp(Lexicon lexicon, String s, char[] cs, int start, int end, Token.Type type, int h,
                                  long packed, boolean plain) {
        int slot = lexicon.slotOfAsciiLowered(cs, start, end, h, packed);
        if (slot == Lexicon.NO_SLOT) {
            // ASCII: the lower case has the token's length
            return new Token(s, start, end, type, Lexicon.UNKNOWN, 0L, null, plain, h); // lower made on demand
        }
        int id = lexicon.idAt(slot);
        return new Token(s, start, end, type, id, lexicon.classesAt(slot), lexicon.word(id), plain, h);
    }
}

package io.newsalerts.extract;

import java.util.regex.Pattern;

/**
 * The {@link Character} tests the extractor runs on every character, with an ASCII fast path and the same answers.
 * Under C1 (the deployed JIT, {@code -XX:TieredStopAtLevel=1}) each {@code Character.isXxx(char)} is a chain of
 * calls ending in a virtual {@code CharacterData} lookup that is not inlined; news text is nearly all ASCII, for
 * which a table built from the same range tests says the same. Each method is a table load and a branch, small
 * enough (under 35 bytes of bytecode) for C1 to inline it into the tokenizer's loops: with the range tests spelled
 * out they were calls. Anything else still asks {@link Character}. The regular expressions' {@code \w} and {@code \b},
 * which the hand-written phrase searches answer as the engine would, are here too: one definition for all of them.
 */
final class Chars {

    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte UPPER = 4;
    private static final byte WHITESPACE = 8;
    private static final byte LETTER_OR_DIGIT = LETTER | DIGIT;
    /** The classes of each ASCII character. */
    private static final byte[] ASCII = asciiClasses();

    private Chars() {
    }

    private static byte[] asciiClasses() {
        byte[] classes = new byte[0x80];
        for (char c = 0; c < 0x80; c++) {
            int k = 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                k |= LETTER;
            }
            if (c >= '0' && c <= '9') {
                k |= DIGIT;
            }
            if (c >= 'A' && c <= 'Z') {
                k |= UPPER;
            }
            // as Character.isWhitespace: space, U+0009-U+000D and U+001C-U+001F
            if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) {
                k |= WHITESPACE;
            }
            classes[c] = (byte) k;
        }
        return classes;
    }

    static boolean isLetter(char c) {
        return c < 0x80 ? (ASCII[c] & LETTER) != 0 : Character.isLetter(c);
    }

    static boolean isDigit(char c) {
        return c < 0x80 ? (ASCII[c] & DIGIT) != 0 : Character.isDigit(c);
    }

    static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? (ASCII[c] & LETTER_OR_DIGIT) != 0 : Character.isLetterOrDigit(c);
    }

    static boolean isUpperCase(char c) {
        return c < 0x80 ? (ASCII[c] & UPPER) != 0 : Character.isUpperCase(c);
    }

    static boolean isWhitespace(char c) {
        return c < 0x80 ? (ASCII[c] & WHITESPACE) != 0 : Character.isWhitespace(c);
    }

    private static final Pattern WORD_BOUNDARY = Pattern.compile("\\b");

    /** {@code \w} of a regular expression without UNICODE_CHARACTER_CLASS: an ASCII letter, digit or '_'. */
    static boolean isRegexWord(char c) {
        return c < 0x80 && ((ASCII[c] & LETTER_OR_DIGIT) != 0 || c == '_');
    }

    /**
     * Whether {@code \b} matches at {@code i} of {@code s}, as {@link Pattern} decides it with transparent bounds (the
     * whole text seen): between two ASCII characters (nearly always) a change from a word character to another; next
     * to any other character the regex engine answers, with its rules for marks and surrogates.
     */
    static boolean isWordBoundary(String s, int i) {
        int n = s.length();
        char left = i > 0 ? s.charAt(i - 1) : ' ';
        char right = i < n ? s.charAt(i) : ' ';
        if (left >= 0x80 || right >= 0x80) {
            return WORD_BOUNDARY.matcher(s).region(i, n).useTransparentBounds(true).lookingAt();
        }
        return isRegexWord(left) != isRegexWord(right);
    }
}

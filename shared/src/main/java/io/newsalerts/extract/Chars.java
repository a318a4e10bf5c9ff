package io.newsalerts.extract;

/**
 * The {@link Character} tests the extractor runs on every character, with an ASCII fast path and the same answers.
 * Under C1 (the deployed JIT, {@code -XX:TieredStopAtLevel=1}) each {@code Character.isXxx(char)} is a chain of
 * calls ending in a virtual {@code CharacterData} lookup that is not inlined; news text is nearly all ASCII, for
 * which a range test says the same. Anything else still asks {@link Character}.
 */
final class Chars {

    private Chars() {
    }

    static boolean isLetter(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                : Character.isLetterOrDigit(c);
    }

    static boolean isUpperCase(char c) {
        return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    /** As {@link Character#isWhitespace(char)}: in ASCII, space, U+0009-U+000D and U+001C-U+001F. */
    static boolean isWhitespace(char c) {
        return c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) : Character.isWhitespace(c);
    }
}

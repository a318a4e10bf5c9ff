package io.newsalerts.extract;

/**
 * One token of a sentence: a word, a number, a dotted abbreviation ("U.S.") or one punctuation character.
 * Offsets index the sentence text; {@code lower} is the matching key.
 */
record Token(String text, String lower, int start, int end, Type type) {

    enum Type { WORD, NUMBER, ORDINAL, PUNCT }

    boolean is(String lowerText) {
        return lower.length() == lowerText.length() && lower.equals(lowerText); // most words differ in length
    }

    boolean isWord() {
        return type == Type.WORD;
    }

    boolean startsUpper() {
        return !text.isEmpty() && Chars.isUpperCase(text.charAt(0));
    }

    boolean isAllUpper() {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Chars.isLetter(c)) {
                letter = true;
                if (!Chars.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }
}

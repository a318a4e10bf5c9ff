package io.newsalerts.extract;

/**
 * One token of a sentence: a word, a number, a dotted abbreviation ("U.S.") or one punctuation character.
 * Offsets index the sentence text; {@code lower} is the matching key. {@code id} is the word's id in the
 * {@link Lexicon} ({@link Lexicon#UNKNOWN} for a word no name and no word list has), {@code classes} the word lists
 * it is in: looked up once, when the token is made, instead of once per question.
 */
record Token(String text, String lower, int start, int end, Type type, int id, long classes) {

    enum Type { WORD, NUMBER, ORDINAL, PUNCT }

    boolean is(String lowerText) {
        // a known word's lower is the lexicon's String, often the very literal asked about: then == answers
        return lower == lowerText || (lower.length() == lowerText.length() && lower.equals(lowerText));
    }

    /** Whether the word is in any of the word lists (lexicon classes) of {@code wordClasses}. */
    boolean in(long wordClasses) {
        return (classes & wordClasses) != 0;
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

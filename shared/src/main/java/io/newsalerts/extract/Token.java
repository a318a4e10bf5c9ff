package io.newsalerts.extract;

import java.util.Locale;

/**
 * One token of a sentence: a word, a number, a dotted abbreviation ("U.S.") or one punctuation character, as
 * offsets into the sentence. {@code id} is the word's id in the {@link Lexicon} ({@link Lexicon#UNKNOWN} for a word
 * no name and no word list has), {@code classes} the word lists it is in: looked up once, when the token is made,
 * instead of once per question. {@link #lower} is the matching key: for a known word the lexicon's String, for
 * another ASCII word made on first use (most tokens are never asked for it).
 */
final class Token {

    enum Type { WORD, NUMBER, ORDINAL, PUNCT }

    private final String sentence;
    private final int start;
    private final int end;
    private final Type type;
    private final int id;
    private final long classes;
    private final int lowerLength;
    /** Whether the token is ASCII letters and digits only: one run of regex word characters ({@code \w}). */
    private final boolean plain;
    /** For a plain token, {@code String.hashCode} of its lower case (as {@link PeriodPhrases} hashes a word). */
    private final int plainHash;
    private String lower;

    /**
     * An ASCII token, whose {@code lower} (when not null) has the token's length; {@code plain} and
     * {@code plainHash} as the fields.
     */
    Token(String sentence, int start, int end, Type type, int id, long classes, String lower, boolean plain,
          int plainHash) {
        this(sentence, start, end, type, id, classes, lower, end - start, plain, plainHash);
    }

    /**
     * {@code lowerLength}: the length of {@code lower}, or of the token when there is no lower yet. Given rather
     * than read from {@code lower}: a known word's String lies elsewhere in the heap, and reading its length was a
     * cache miss per token.
     */
    Token(String sentence, int start, int end, Type type, int id, long classes, String lower, int lowerLength) {
        this(sentence, start, end, type, id, classes, lower, lowerLength, false, 0);
    }

    private Token(String sentence, int start, int end, Type type, int id, long classes, String lower, int lowerLength,
                  boolean plain, int plainHash) {
        this.sentence = sentence;
        this.start = start;
        this.end = end;
        this.type = type;
        this.id = id;
        this.classes = classes;
        this.lower = lower;
        this.lowerLength = lowerLength;
        this.plain = plain;
        this.plainHash = plainHash;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    Type type() {
        return type;
    }

    int id() {
        return id;
    }

    /** The token as written, made on each call: the rules hardly ask, and a field for it made every token larger. */
    String text() {
        return sentence.substring(start, end);
    }

    boolean plain() {
        return plain;
    }

    int plainHash() {
        return plainHash;
    }

    String lower() {
        if (lower == null) {
            lower = text().toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    /**
     * Whether the word is {@code lowerText}, a string literal (or another interned String). A known word's lower is
     * the lexicon's interned String, so it is {@code lowerText} exactly when it is the same object; and a word the
     * lexicon does not know cannot be one it knows. Only unknown words are compared character by character.
     */
    boolean is(String lowerText) {
        // checked wherever assertions are on (every test run): a String made at run time would miss known words
        assert lowerText == lowerText.intern() : "Token.is needs a string literal: " + lowerText;
        return lower == lowerText
                || (id == Lexicon.UNKNOWN && lowerLength == lowerText.length() && sameLower(lowerText));
    }

    private boolean sameLower(String lowerText) {
        if (lower != null) {
            return lower.equals(lowerText);
        }
        // not made yet, so an ASCII word (see Tokenizer): compare lower-casing in place rather than make it
        for (int i = start; i < end; i++) {
            if (Lexicon.asciiLower(sentence.charAt(i)) != lowerText.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the word is in any of the word lists (lexicon classes) of {@code wordClasses}. */
    boolean in(long wordClasses) {
        return (classes & wordClasses) != 0;
    }

    /** Whether the token is exactly {@code s}, capitals included. */
    boolean textIs(String s) {
        return end - start == s.length() && sentence.startsWith(s, start);
    }

    int length() {
        return end - start;
    }

    /** The {@code k}-th character of the token. */
    char charAt(int k) {
        return sentence.charAt(start + k);
    }

    char firstChar() {
        return sentence.charAt(start);
    }

    boolean isWord() {
        return type == Type.WORD;
    }

    boolean startsUpper() {
        return Chars.isUpperCase(sentence.charAt(start)); // a token is never empty
    }

    boolean isAllUpper() {
        boolean letter = false;
        for (int i = start; i < end; i++) {
            char c = sentence.charAt(i);
            if (Chars.isLetter(c)) {
                letter = true;
                if (!Chars.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    @Override
    public String toString() {
        return text();
    }
}

package io.newsalerts.extract;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The tokens of a sentence. A final class rather than {@code List<Token>} because the extractor reads tokens by index
 * hundreds of times per sentence: through the interface each {@code get} is a call that C1 (the deployed JIT) does
 * not inline; through this class it is an array load.
 */
final class Tokens extends AbstractList<Token> implements RandomAccess {

    private final Token[] tokens;
    private final int size;

    /** The first {@code size} of {@code tokens}: the tokenizer's array as it filled it, not a trimmed copy. */
    Tokens(Token[] tokens, int size) {
        this.tokens = tokens;
        this.size = size;
    }

    @Override
    public Token get(int index) {
        return tokens[Objects.checkIndex(index, size)]; // an intrinsic: the array may be longer than the sentence
    }

    @Override
    public int size() {
        return size;
    }
}

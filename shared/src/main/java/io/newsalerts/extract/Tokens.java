package io.newsalerts.extract;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The tokens of a sentence. A final class rather than {@code List<Token>} because the extractor reads tokens by index
 * hundreds of times per sentence: through the interface each {@code get} is a call that C1 (the deployed JIT) does
 * not inline; through this class it is an array load.
 */
final class Tokens extends AbstractList<Token> implements RandomAccess {

    private final Token[] tokens;

    Tokens(Token[] tokens) {
        this.tokens = tokens;
    }

    @Override
    public Token get(int index) {
        return tokens[index];
    }

    @Override
    public int size() {
        return tokens.length;
    }
}

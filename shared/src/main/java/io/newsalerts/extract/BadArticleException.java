package io.newsalerts.extract;

/** The input is not an article we can read; the message says what is wrong, for a 400 response or a CLI error. */
public class BadArticleException extends RuntimeException {
    public BadArticleException(String message) {
        super(message);
    }

    public BadArticleException(String message, Throwable cause) {
        super(message, cause);
    }
}

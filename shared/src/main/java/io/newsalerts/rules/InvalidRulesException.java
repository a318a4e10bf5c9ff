package io.newsalerts.rules;

/** A rules file that cannot be used; the message names where and why. */
public final class InvalidRulesException extends IllegalArgumentException {
    public InvalidRulesException(String message) {
        super(message);
    }
}

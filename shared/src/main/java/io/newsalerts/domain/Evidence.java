package io.newsalerts.domain;

/** A sentence that supports a figure, where it was read, and who the article says said it. */
public record Evidence(String sentence, String source, String attributedTo) {
}

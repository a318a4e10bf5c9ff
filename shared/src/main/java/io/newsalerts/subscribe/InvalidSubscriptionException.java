package io.newsalerts.subscribe;

import java.util.List;

/** A subscription request that cannot be accepted; each problem names the field and what is wrong (a 400). */
public class InvalidSubscriptionException extends RuntimeException {
    private final List<String> problems;

    public InvalidSubscriptionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidSubscriptionException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}

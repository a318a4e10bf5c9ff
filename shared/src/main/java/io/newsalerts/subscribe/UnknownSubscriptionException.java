package io.newsalerts.subscribe;

/** No subscription with that id on the alerts topic (a 404). */
public class UnknownSubscriptionException extends RuntimeException {
    public UnknownSubscriptionException(String id) {
        super("no subscription with id " + id);
    }
}

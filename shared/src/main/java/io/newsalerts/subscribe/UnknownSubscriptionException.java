package io.newsalerts.subscribe;

/** No subscription with that id on the alerts topic, or none pending for a confirmation token (a 404). */
public class UnknownSubscriptionException extends RuntimeException {
    public UnknownSubscriptionException(String id) {
        super("no subscription with id " + id);
    }

    private UnknownSubscriptionException(String message, boolean verbatim) {
        super(message);
    }

    /** SNS did not accept a confirmation token. */
    public static UnknownSubscriptionException forToken() {
        return new UnknownSubscriptionException("no pending subscription for this confirmation token (it may have "
                + "expired: SNS tokens last 3 days; subscribe again to get a new one)", true);
    }
}

package io.newsalerts.subscribe;

/** A well-formed request that cannot be carried out as things stand (a 409): opted-out phone, clashing subscription. */
public class SubscriptionRefusedException extends RuntimeException {
    public SubscriptionRefusedException(String message) {
        super(message);
    }
}

package io.newsalerts.subscribe;

/**
 * A subscription on the alerts topic as the API shows it.
 *
 * @param id           last segment of the SNS subscription ARN; null while SNS hides the ARN of an unconfirmed one
 * @param endpoint     the address as subscribed (mask it before it leaves the process)
 * @param filterPolicy the SNS filter policy JSON, or null when every alert is delivered
 */
public record Subscription(String id, Protocol protocol, String endpoint, String filterPolicy, Status status) {

    public enum Status {
        PENDING_CONFIRMATION("pending confirmation"), CONFIRMED("confirmed");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}

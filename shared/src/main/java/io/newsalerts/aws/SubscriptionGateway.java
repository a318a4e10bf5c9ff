package io.newsalerts.aws;

import io.newsalerts.log.Log;
import io.newsalerts.subscribe.AlertFilter;
import io.newsalerts.subscribe.Protocol;
import io.newsalerts.subscribe.Subscription;
import io.newsalerts.subscribe.SubscriptionRefusedException;
import io.newsalerts.subscribe.SubscriptionRequest;
import io.newsalerts.subscribe.UnknownSubscriptionException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * People's subscriptions to the alerts topic, in SNS itself: SNS already stores them, confirms email addresses and
 * honours SMS opt-outs, so there is no table of our own to keep in step.
 *
 * <p>A subscription's id is the last segment of its ARN (a UUID); the API never takes a whole ARN, so a caller cannot
 * point it at another topic. Endpoints are masked in everything logged.
 */
public final class SubscriptionGateway {

    /** SNS confirmation tokens are long hex strings. */
    private static final Pattern TOKEN = Pattern.compile("[0-9a-fA-F]{16,1024}");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What ListSubscriptionsByTopic shows in place of the ARN of a subscription not yet confirmed. */
    private static final String PENDING_ARN = "PendingConfirmation";

    private final SnsClient sns;
    private final String topicArn;

    public SubscriptionGateway(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    /** True when s has the shape of a subscription id (a UUID). */
    public static boolean isSubscriptionId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    /**
     * Subscribes the endpoint with the request's filter policy. An email subscription stays pending until the person
     * follows the link SNS mails them; an SMS subscription is live at once, unless the number has opted out (replied
     * STOP), which is refused rather than creating a subscription SNS would never deliver to.
     */
    public Subscription subscribe(SubscriptionRequest request) {
        String masked = Log.mask(request.endpoint());
        if (request.protocol() == Protocol.SMS
                && sns.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber(request.endpoint())).isOptedOut()) {
            Log.info("subscription refused: phone opted out", "endpoint", masked);
            throw new SubscriptionRefusedException("the phone number " + masked + " has opted out of SMS from this "
                    + "service (it replied STOP), so it cannot be subscribed");
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("FilterPolicy", request.filterPolicyJson());
        attributes.put("FilterPolicyScope", "MessageAttributes");
        String arn;
        try {
            arn = sns.subscribe(b -> b.topicArn(topicArn)
                    .protocol(request.protocol().wire())
                    .endpoint(request.endpoint())
                    .attributes(attributes)
                    .returnSubscriptionArn(true)).subscriptionArn();
        } catch (InvalidParameterException e) {
            // SNS keeps one subscription per endpoint and topic; subscribing again with another filter is refused.
            if (String.valueOf(e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT).contains("already exists")) {
                throw new SubscriptionRefusedException("this endpoint is already subscribed with a different filter: "
                        + "delete that subscription first (GET /subscriptions?endpoint=... gives its id)");
            }
            throw e;
        }
        String id = idOf(arn);
        Subscription.Status status = request.protocol() == Protocol.EMAIL
                ? Subscription.Status.PENDING_CONFIRMATION : Subscription.Status.CONFIRMED;
        Log.info("subscribed", "id", id, "protocol", request.protocol().wire(), "endpoint", masked,
                "delivery", request.delivery().wire(), "filtered", !request.filter().equals(AlertFilter.ANY));
        return new Subscription(id, request.protocol(), request.endpoint(), request.filterPolicyJson(), status);
    }

    /**
     * Removes a subscription of this topic.
     *
     * @throws IllegalArgumentException     when id is not a subscription id
     * @throws UnknownSubscriptionException when the topic has no such subscription
     */
    public void unsubscribe(String id) {
        if (!isSubscriptionId(id)) {
            throw new IllegalArgumentException("'" + printable(id) + "' is not a subscription id (a UUID such as "
                    + "3f2c9a4e-8b1d-4c6e-9f0a-1b2c3d4e5f60)");
        }
        String arn = topicArn + ":" + id.toLowerCase(Locale.ROOT);
        // Unsubscribe succeeds on an unknown ARN, so ask first: an unknown id is a 404, not a silent success.
        try {
            sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn));
        } catch (NotFoundException e) {
            throw new UnknownSubscriptionException(id);
        }
        sns.unsubscribe(b -> b.subscriptionArn(arn));
        Log.info("unsubscribed", "id", id);
    }

    /** The topic's subscriptions for one endpoint (already normalised), across every page of the listing. */
    public List<Subscription> listByEndpoint(String endpoint) {
        List<Subscription> out = new ArrayList<>();
        sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().forEach(s -> {
            if (!sameEndpoint(s.endpoint(), endpoint)) {
                return;
            }
            Protocol protocol;
            try {
                protocol = Protocol.fromWire(s.protocol());
            } catch (IllegalArgumentException machine) {
                return; // queues and functions subscribed by the stack are not people's subscriptions
            }
            if (PENDING_ARN.equals(s.subscriptionArn())) {
                out.add(new Subscription(null, protocol, s.endpoint(), null, Subscription.Status.PENDING_CONFIRMATION));
                return;
            }
            Map<String, String> attrs;
            try {
                attrs = sns.getSubscriptionAttributes(b -> b.subscriptionArn(s.subscriptionArn())).attributes();
            } catch (NotFoundException goneMeanwhile) {
                return;
            }
            out.add(new Subscription(idOf(s.subscriptionArn()), protocol, s.endpoint(), attrs.get("FilterPolicy"),
                    "true".equals(attrs.get("PendingConfirmation"))
                            ? Subscription.Status.PENDING_CONFIRMATION : Subscription.Status.CONFIRMED));
        });
        Log.info("listed subscriptions", "endpoint", Log.mask(endpoint), "count", out.size());
        return out;
    }

    /**
     * The distinct filters of the topic's digest subscriptions (every protocol, confirmed ones only: SNS delivers
     * nothing to a pending one). One digest is built per filter. Costs one GetSubscriptionAttributes per subscription.
     */
    public java.util.Set<AlertFilter> digestFilters() {
        java.util.Set<AlertFilter> out = new java.util.LinkedHashSet<>();
        sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().forEach(s -> {
            if (PENDING_ARN.equals(s.subscriptionArn())) {
                return;
            }
            try {
                Map<String, String> attrs = sns.getSubscriptionAttributes(b -> b.subscriptionArn(s.subscriptionArn())).attributes();
                AlertFilter.digestFilterOf(attrs.get("FilterPolicy")).ifPresent(out::add);
            } catch (NotFoundException goneMeanwhile) {
                // unsubscribed while we listed
            }
        });
        Log.info("digest filters listed", "count", out.size());
        return out;
    }

    /**
     * Confirms a pending email subscription with the token from SNS's confirmation email, so that unsubscribing
     * requires AWS authentication (AuthenticateOnUnsubscribe): the unsubscribe link in every email then no longer
     * works for whoever follows it — a mail scanner, a forwarded message — and only the topic owner (this API's
     * DELETE /subscriptions/{id}) can remove the subscription. Returns the subscription's id.
     *
     * @throws IllegalArgumentException     when the token is malformed or the topic is not this API's topic
     * @throws UnknownSubscriptionException when SNS does not accept the token (expired, already used, unknown)
     */
    public String confirm(String token, String topic) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("token must be the Token parameter of the confirmation link (hex digits)");
        }
        if (topic != null && !topic.isBlank() && !topic.equals(topicArn)) {
            throw new IllegalArgumentException("the confirmation link is for another topic than this service's alerts topic");
        }
        String arn;
        try {
            arn = sns.confirmSubscription(b -> b.topicArn(topicArn).token(token).authenticateOnUnsubscribe("true"))
                    .subscriptionArn();
        } catch (InvalidParameterException | NotFoundException e) {
            throw UnknownSubscriptionException.forToken();
        }
        String id = idOf(arn);
        Log.info("subscription confirmed, unsubscribe needs authentication", "id", id);
        return id;
    }

    /** Email domains compare without case; everything else exactly. */
    private static boolean sameEndpoint(String stored, String wanted) {
        if (stored == null) {
            return false;
        }
        int at = stored.lastIndexOf('@');
        if (at < 0) {
            return stored.equals(wanted);
        }
        return wanted.lastIndexOf('@') == at
                && stored.substring(0, at).equals(wanted.substring(0, at))
                && stored.substring(at).equalsIgnoreCase(wanted.substring(at));
    }

    static String idOf(String subscriptionArn) {
        return subscriptionArn.substring(subscriptionArn.lastIndexOf(':') + 1);
    }

    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() <= 40 ? p : p.substring(0, 37) + "...";
    }
}

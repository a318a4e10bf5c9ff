package io.newsalerts.aws;

import io.newsalerts.domain.Severity;
import io.newsalerts.subscribe.Protocol;
import io.newsalerts.subscribe.Subscription;
import io.newsalerts.subscribe.SubscriptionRefusedException;
import io.newsalerts.subscribe.SubscriptionRequest;
import io.newsalerts.subscribe.UnknownSubscriptionException;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAws.class)
class SubscriptionGatewayIT {

    @Test
    void subscribeListsAndUnsubscribesWithTheFilterPolicy(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        SubscriptionGateway gateway = new SubscriptionGateway(sns, topic);
        SubscriptionRequest request = new SubscriptionRequest(Protocol.EMAIL, "ana@example.org",
                List.of("Islamic State"), List.of("IQ", "SY"), List.of(), Severity.MEDIUM);

        Subscription s = gateway.subscribe(request);

        assertThat(SubscriptionGateway.isSubscriptionId(s.id())).isTrue();
        assertThat(s.status()).isEqualTo(Subscription.Status.PENDING_CONFIRMATION);
        Map<String, String> attrs = sns.getSubscriptionAttributes(b -> b.subscriptionArn(topic + ":" + s.id())).attributes();
        assertThat(attrs.get("FilterPolicy")).isEqualTo(request.filterPolicyJson());
        assertThat(attrs.get("Protocol")).isEqualTo("email");
        assertThat(attrs.get("Endpoint")).isEqualTo("ana@example.org");

        assertThat(gateway.listByEndpoint("ana@example.org")).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(s.id());
            assertThat(l.filterPolicy()).isEqualTo(request.filterPolicyJson());
        });
        assertThat(gateway.listByEndpoint("ana@EXAMPLE.org")).hasSize(1);
        assertThat(gateway.listByEndpoint("bob@example.org")).isEmpty();

        gateway.unsubscribe(s.id());
        assertThat(gateway.listByEndpoint("ana@example.org")).isEmpty();
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
    }

    @Test
    void aSubscriptionWithoutFiltersGetsOnlyItsDeliveryMode(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        Subscription s = new SubscriptionGateway(sns, topic).subscribe(
                new SubscriptionRequest(Protocol.SMS, "+14155550123", null, null, null, null));
        assertThat(s.status()).isEqualTo(Subscription.Status.CONFIRMED);
        assertThat(s.filterPolicy()).isEqualTo("{\"delivery\":[\"instant\"]}");
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(topic + ":" + s.id())).attributes())
                .containsEntry("FilterPolicy", "{\"delivery\":[\"instant\"]}");
    }

    @Test
    void anOptedOutPhoneIsRefusedAndNothingIsCreated(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        // The emulator reports every number ending in 99 as opted out.
        assertThatThrownBy(() -> new SubscriptionGateway(sns, topic).subscribe(
                new SubscriptionRequest(Protocol.SMS, "+14155550199", null, null, null, null)))
                .isInstanceOf(SubscriptionRefusedException.class)
                .hasMessageContaining("has opted out of SMS")
                .hasMessageNotContaining("+14155550199");
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
    }

    @Test
    void unknownAndMalformedIdsAreTold(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        SubscriptionGateway gateway = new SubscriptionGateway(sns, topic);
        assertThatThrownBy(() -> gateway.unsubscribe(UUID.randomUUID().toString()))
                .isInstanceOf(UnknownSubscriptionException.class);
        for (String bad : new String[] {"", "abc", "../other-topic", "arn:aws:sns:us-east-1:123456789012:alerts:x"}) {
            assertThatThrownBy(() -> gateway.unsubscribe(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a subscription id");
        }
    }

    @Test
    void listingFollowsEveryPage(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        SubscriptionGateway gateway = new SubscriptionGateway(sns, topic);
        // SNS pages ListSubscriptionsByTopic by 100; the one we look for comes after the first page.
        for (int i = 0; i < 120; i++) {
            String phone = "+1415555" + String.format("%04d", 1000 + i);
            sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint(phone));
        }
        Subscription s = gateway.subscribe(new SubscriptionRequest(Protocol.SMS, "+447700900123", null, List.of("GB"), null, null));
        var first = sns.listSubscriptionsByTopic(b -> b.topicArn(topic));
        assertThat(first.nextToken()).as("the emulator pages the listing").isNotNull();
        assertThat(first.subscriptions()).extracting(software.amazon.awssdk.services.sns.model.Subscription::endpoint)
                .doesNotContain("+447700900123");

        assertThat(gateway.listByEndpoint("+447700900123")).extracting(Subscription::id).containsExactly(s.id());
    }
}

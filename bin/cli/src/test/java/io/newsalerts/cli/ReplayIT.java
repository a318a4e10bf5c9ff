package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.QueueSubscriber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda delivers at least once: a stream batch can come again (a retry after a later record failed, a shard
 * re-read), and a client can post the same article again. Neither may change a counter, a statistic or an alert,
 * nor send a notification twice. Checked on full table scans, compared item by item and attribute by attribute.
 */
@ExtendWith(LocalAws.class)
class ReplayIT {

    static final List<String> ARTICLES = List.of(
            Events.text("articles/2024-07-17-is-attacks-iraq-syria.txt"),
            Events.text("articles/2024-07-20-pakistan-militant-attacks.txt"),
            "date 2023-02-11 Houthi attacks\n\nHouthi rebels launched 12 drone attacks on ships in Yemen on February 10, 2023, the military said.",
            "date 2024-02-11 Houthi attacks\n\nHouthi rebels launched 30 drone attacks on ships in Yemen on February 10, 2024, the military said.");

    private Rig rig;
    private QueueSubscriber subscriber;

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        subscriber = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "replay", null);
        rig = new Rig(aws, new AlertPublisher(sns, topic));
    }

    private Map<String, List<Map<String, Object>>> givenEverythingDeliveredOnce() {
        for (String a : ARTICLES) {
            assertThat(rig.post(a).path("statusCode").asInt()).isEqualTo(201);
        }
        rig.drain();
        Map<String, List<Map<String, Object>>> once = rig.snapshot();
        assertThat(once.get("counters")).as("counters and statistics").hasSizeGreaterThan(5);
        assertThat(once.get("alerts")).as("alerts").hasSizeGreaterThanOrEqualTo(2);
        // Every alert that went out was sent once (notify groups an actor's alerts into one message).
        List<Object> sent = once.get("alerts").stream().filter(a -> "sent".equals(a.get("state"))).map(a -> a.get("id")).toList();
        assertThat(sent).isNotEmpty();
        assertThat(subscriber.drainAlerts()).extracting(io.newsalerts.domain.Alert::id)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(String::valueOf).toList());
        return once;
    }

    @Test
    void everyStreamBatchDeliveredTwiceLeavesEveryTableAsAfterOneDelivery() {
        Map<String, List<Map<String, Object>>> once = givenEverythingDeliveredOnce();
        List<Rig.Delivery> firstTime = List.copyOf(rig.delivered);
        assertThat(firstTime).extracting(Rig.Delivery::function).contains("count", "detect", "notify");

        for (Rig.Delivery d : firstTime) {
            rig.deliver(d);
        }
        rig.drain(); // whatever the replays wrote to the streams goes through the stages too

        assertThat(rig.snapshot()).isEqualTo(once);
        assertThat(subscriber.drain()).as("notifications sent again").isEmpty();
    }

    @Test
    void theSameArticlesPostedTenTimesLeaveEveryTableAsAfterOnePost() {
        Map<String, List<Map<String, Object>>> once = givenEverythingDeliveredOnce();

        for (int i = 0; i < 10; i++) {
            for (String a : ARTICLES) {
                JsonNode again = rig.post(a);
                assertThat(again.path("statusCode").asInt()).isEqualTo(200);
                assertThat(Rig.body(again).path("duplicate").asBoolean()).isTrue();
            }
        }
        rig.drain();

        assertThat(rig.snapshot()).isEqualTo(once);
        assertThat(subscriber.drain()).as("notifications sent again").isEmpty();
    }
}

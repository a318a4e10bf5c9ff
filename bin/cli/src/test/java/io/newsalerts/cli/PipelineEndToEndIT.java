package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.notify.NotifyHandler;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.QueueSubscriber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Article in, alert out: the ingest handler gets the article as an API Gateway event, the streams carry it through
 * count, detect and notify, and SNS delivers to the subscribers whose filter policies match.
 */
@ExtendWith(LocalAws.class)
class PipelineEndToEndIT {

    private static final String ARTICLE = "articles/2024-07-17-is-attacks-iraq-syria.txt";

    private LocalPipeline pipeline;
    private QueueSubscriber iraq;
    private QueueSubscriber pakistan;
    private final List<Alert> recorded = new ArrayList<>();

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("e2e"));
        tables.create(aws.clients().dynamoDb());
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        iraq = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "iraq", "{\"regions\":[\"IQ\"]}");
        pakistan = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "pakistan", "{\"regions\":[\"PK\"]}");
        NotifyHandler notify = new NotifyHandler(new AlertRepository(aws.clients().dynamoDb(), tables.alerts()),
                new AlertPublisher(sns, topic), 100);
        pipeline = new LocalPipeline(aws.clients(), tables, notify, recorded::add, Clock.systemUTC());
    }

    @Test
    void articleOnPaceToDoubleReachesTheIraqSubscriberOnce() {
        JsonNode response = pipeline.postArticle(Events.text(ARTICLE), "text/plain");
        pipeline.drain();

        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        List<Alert> received = iraq.drainAlerts();
        assertThat(received).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("yoy-projected-doubling");
            assertThat(a.series().actor()).isEqualTo("Islamic State");
            assertThat(a.series().regions()).containsExactly("IQ", "SY");
            assertThat(a.series().eventType()).isEqualTo("attack");
            assertThat(a.ratio()).isCloseTo(2.5, within(0.1));
            assertThat(a.current().count()).isEqualTo(153);
            assertThat(a.baseline().count()).isEqualTo(121);
        });
        assertThat(pakistan.drainAlerts()).isEmpty();
        assertThat(recorded).hasSize(1);
    }

    @Test
    void postingTheSameArticleAgainSendsNothingMore() {
        pipeline.postArticle(Events.text(ARTICLE), "text/plain");
        pipeline.drain();
        assertThat(iraq.drainAlerts()).hasSize(1);

        JsonNode again = pipeline.postArticle(Events.text(ARTICLE), "text/plain");
        pipeline.drain();

        assertThat(again.path("statusCode").asInt()).isEqualTo(200);
        assertThat(iraq.drainAlerts()).isEmpty();
        assertThat(pakistan.drainAlerts()).isEmpty();
        assertThat(recorded).hasSize(1);
    }

    @Test
    void theSameFiguresFromAnotherOutletSendNothingMore() {
        pipeline.postArticle(Events.text(ARTICLE), "text/plain");
        pipeline.drain();
        assertThat(iraq.drainAlerts()).hasSize(1);

        String rewritten = Events.text(ARTICLE).replace("By Staff Writers, Wire Service", "By A Different Desk, Other Outlet")
                .replace("It was not clear whether the drone reached its target.", "Whether it hit anything is unknown.");
        pipeline.postArticle(rewritten, "text/plain");
        pipeline.drain();

        assertThat(iraq.drainAlerts()).isEmpty();
        assertThat(recorded).hasSize(1);
    }

    @Test
    void aStoryWithoutACrossingAlertsNobody() {
        pipeline.postArticle(Events.text("articles/2024-07-20-pakistan-militant-attacks.txt"), "text/plain");
        pipeline.drain();

        assertThat(pakistan.drainAlerts()).isEmpty();
        assertThat(iraq.drainAlerts()).isEmpty();
        assertThat(recorded).isEmpty();
    }
}

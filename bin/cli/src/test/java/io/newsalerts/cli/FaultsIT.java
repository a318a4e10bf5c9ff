package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Article;
import io.newsalerts.notify.NotifyHandler;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.FaultyProxy;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.QueueSubscriber;
import io.newsalerts.testing.SampleAlerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SNS and DynamoDB failing under the pipeline: nothing lost, nothing sent or counted twice. */
@ExtendWith(LocalAws.class)
class FaultsIT {

    private static URI closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    @Test
    void alertsProducedWhileSnsIsUnreachableStayPendingAndAreAllDeliveredOnceWhenItIsBack(LocalAws.Endpoint aws) throws Exception {
        SnsClient sns = aws.clients().sns();
        SqsClient sqs = aws.sqs();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        QueueSubscriber subscriber = QueueSubscriber.subscribe(sns, sqs, topic, "after-outage", null);
        String failures = sqs.createQueue(b -> b.queueName(LocalAws.Endpoint.uniqueName("failures"))).queueUrl();
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("outage"));
        DynamoDbClient ddb = aws.clients().dynamoDb();
        tables.create(ddb);
        var alerts = new io.newsalerts.aws.AlertRepository(ddb, tables.alerts());
        // Notify's SNS client points at a port nobody listens on: every publish fails to connect.
        SnsClient unreachable = Clients.forEndpoint(closedPort(), "us-east-1").sns();
        NotifyHandler down = new NotifyHandler(alerts, new AlertPublisher(unreachable, topic), 100);
        List<Alert> recorded = new ArrayList<>();
        LocalPipeline pipeline = new LocalPipeline(aws.clients(), tables, down, recorded::add, Clock.systemUTC())
                .onFailureTo(sqs, failures);

        for (String a : ReplayIT.ARTICLES) {
            assertThat(pipeline.postArticle(a, "text/plain").path("statusCode").asInt()).isEqualTo(201);
        }
        pipeline.drain();

        assertThat(recorded).hasSizeGreaterThanOrEqualTo(2);
        assertThat(alerts.pending(100)).extracting(Alert::id)
                .containsExactlyInAnyOrderElementsOf(recorded.stream().map(Alert::id).toList());
        assertThat(subscriber.drain()).isEmpty();
        // The notify stream batches ran out of retries and are described in the failure queue.
        var described = sqs.receiveMessage(b -> b.queueUrl(failures).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(described).isNotEmpty().allSatisfy(m -> {
            JsonNode r = io.newsalerts.json.Json.MAPPER.readTree(m.body());
            assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(r.path("requestContext").path("functionArn").asText()).endsWith(":notify");
        });
        // A sweep while SNS is still down fails (the Errors alarm sees it) and changes nothing.
        assertThatThrownBy(() -> Lambda.invoke(down, Events.json("notify-schedule.json")))
                .hasMessageContaining("could not be published");
        assertThat(alerts.pending(100)).hasSameSizeAs(recorded);

        // SNS is back: the next scheduled sweep delivers every pending alert, once.
        NotifyHandler up = new NotifyHandler(alerts, new AlertPublisher(sns, topic), 100);
        JsonNode sweep = Lambda.invoke(up, Events.json("notify-schedule.json"));

        assertThat(sweep.path("published").asInt()).isEqualTo(recorded.size());
        assertThat(subscriber.drainAlerts()).extracting(Alert::id)
                .containsExactlyInAnyOrderElementsOf(recorded.stream().map(Alert::id).toList());
        assertThat(alerts.pending(100)).isEmpty();
        assertThat(Lambda.invoke(up, Events.json("notify-schedule.json")).path("published").asInt()).isZero();
        assertThat(subscriber.drain()).as("sent twice").isEmpty();
    }

    @Test
    void aThrottledPublishIsRetriedByTheSdkAndDeliveredOnce(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        QueueSubscriber subscriber = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "throttled", null);
        try (FaultyProxy proxy = FaultyProxy.in(aws.uri())) {
            AlertPublisher publisher = new AlertPublisher(Clients.forEndpoint(proxy.uri(), "us-east-1").sns(), topic);
            proxy.failNext(2, FaultyProxy.Fault.SNS_THROTTLE);

            String messageId = publisher.publish(SampleAlerts.islamicStateIraqSyria());

            assertThat(messageId).isNotBlank();
            assertThat(proxy.faultsServed()).isEqualTo(2);
            assertThat(proxy.requests()).isEqualTo(3);
        }
        assertThat(subscriber.drainAlerts()).singleElement()
                .satisfies(a -> assertThat(a.id()).isEqualTo(SampleAlerts.islamicStateIraqSyria().id()));
    }

    @Test
    void aDynamoDbThrottleIsRetriedByTheSdkWithBackoffAndTheArticleStoredOnce(LocalAws.Endpoint aws) {
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("throttle"));
        tables.create(aws.clients().dynamoDb());
        Article article = Article.of("https://example.org/throttled", "t", LocalDate.of(2024, 3, 5), "Some text.");
        try (FaultyProxy proxy = FaultyProxy.in(aws.dynamoDbUri())) {
            // The same client Lambda gets (Clients), only its endpoint is the proxy.
            ArticleRepository articles = new ArticleRepository(Clients.forEndpoint(proxy.uri(), "us-east-1").dynamoDb(),
                    tables.articles());
            proxy.failNext(2, FaultyProxy.Fault.DYNAMODB_THROTTLE);

            assertThat(articles.store(article, List.of())).isTrue();

            assertThat(proxy.faultsServed()).isEqualTo(2);
            assertThat(proxy.requests()).isEqualTo(3);
        }
        assertThat(aws.clients().dynamoDb().scan(b -> b.tableName(tables.articles())).count()).isEqualTo(1);
    }

    @Test
    void aThrottleThatOutlastsTheSdkRetriesFailsTheCallAndWritesNothing(LocalAws.Endpoint aws) {
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("throttle"));
        tables.create(aws.clients().dynamoDb());
        Article article = Article.of("https://example.org/throttled-long", "t", LocalDate.of(2024, 3, 5), "Some text.");
        try (FaultyProxy proxy = FaultyProxy.in(aws.dynamoDbUri())) {
            ArticleRepository articles = new ArticleRepository(Clients.forEndpoint(proxy.uri(), "us-east-1").dynamoDb(),
                    tables.articles());
            proxy.failNext(1000, FaultyProxy.Fault.DYNAMODB_THROTTLE);

            assertThatThrownBy(() -> articles.store(article, List.of()))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);

            // The SDK tried more than once before giving up (its retry policy), and then it stopped.
            assertThat(proxy.faultsServed()).isGreaterThan(1).isEqualTo(proxy.requests());
        }
        assertThat(aws.clients().dynamoDb().scan(b -> b.tableName(tables.articles())).count()).isZero();
    }
}

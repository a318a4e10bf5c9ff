package io.newsalerts.cli;

import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Severity;
import io.newsalerts.notify.NotifyHandler;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.QueueSubscriber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One key through its whole lifecycle, article by article, through every stage and SNS to a subscriber: the first-half
 * figure fires, the same figures again (and from another outlet) change nothing, the nine-month figure escalates, the
 * revised-down full-year figure resolves; and an alert under a silence is recorded but reaches nobody.
 */
@ExtendWith(LocalAws.class)
class AlertLifecycleIT {

    private static final String DIR = "lifecycle/";

    private LocalPipeline pipeline;
    private QueueSubscriber everything;
    private AlertRepository alerts;
    private SilenceRepository silences;
    private final List<Alert> recorded = new ArrayList<>();

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("lifecycle"));
        tables.create(aws.clients().dynamoDb());
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        everything = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "everything", null);
        alerts = new AlertRepository(aws.clients().dynamoDb(), tables.alerts());
        silences = new SilenceRepository(aws.clients().dynamoDb(), tables.silences());
        NotifyHandler notify = new NotifyHandler(alerts, new AlertPublisher(sns, topic), 100);
        pipeline = new LocalPipeline(aws.clients(), tables, notify, recorded::add, Clock.systemUTC());
    }

    private void post(String file) {
        assertThat(pipeline.postArticle(Events.text(DIR + file), "text/plain").path("statusCode").asInt()).isIn(200, 201);
        pipeline.drain();
    }

    private List<Alert> projectedOnIsAttacks(List<Alert> list) {
        return list.stream().filter(a -> a.rule().equals("yoy-projected-doubling")
                && "Islamic State".equals(a.series().actor())).toList();
    }

    @Test
    void firstHalfFiresOnce() {
        post("01-h1-on-pace-to-double.txt");

        assertThat(projectedOnIsAttacks(recorded)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.ratio()).isEqualTo(2.54);
        });
        assertThat(projectedOnIsAttacks(everything.drainAlerts())).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.FIRING));
    }

    @Test
    void theSameFiguresAgainOrFromAnotherOutletChangeNothing() {
        post("01-h1-on-pace-to-double.txt");
        everything.drain();
        int before = recorded.size();

        post("01-h1-on-pace-to-double.txt");
        post("02-same-figures-other-outlet.txt");

        assertThat(recorded).hasSize(before);
        assertThat(everything.drainAlerts()).isEmpty();
        String id = projectedOnIsAttacks(recorded).get(0).id();
        assertThat(alerts.history("Islamic State", null, null, 10)).filteredOn(r -> r.alert().id().equals(id))
                .singleElement().satisfies(r -> assertThat(r.changes()).extracting(AlertRepository.Change::state)
                        .containsExactly("firing"));
    }

    @Test
    void nineMonthsEscalatesAndTheRevisedFullYearResolvesTheSameAlert() {
        post("01-h1-on-pace-to-double.txt");
        post("02-same-figures-other-outlet.txt");
        post("03-nine-months-escalates.txt");
        post("04-full-year-resolves.txt");

        List<Alert> transitions = projectedOnIsAttacks(recorded);
        assertThat(transitions).extracting(Alert::state)
                .containsExactly(AlertState.FIRING, AlertState.ESCALATED, AlertState.RESOLVED);
        assertThat(transitions).extracting(Alert::id).containsOnly(transitions.get(0).id());
        assertThat(transitions.get(1)).satisfies(escalated -> {
            assertThat(escalated.ratio()).isEqualTo(3.31);
            assertThat(escalated.severity()).isEqualTo(Severity.HIGH);
            assertThat(escalated.current().count()).isEqualTo(300);
        });
        assertThat(transitions.get(2)).satisfies(resolved -> {
            assertThat(resolved.current().count()).as("the full year replaces the larger nine-month figure").isEqualTo(200);
            assertThat(resolved.ratio()).isEqualTo(1.65);
            assertThat(resolved.severity()).as("routed like the escalation it resolves").isEqualTo(Severity.HIGH);
        });
        assertThat(projectedOnIsAttacks(everything.drainAlerts())).extracting(Alert::state)
                .containsExactly(AlertState.FIRING, AlertState.ESCALATED, AlertState.RESOLVED);
    }

    @Test
    void aSecondOutletCorroboratesTheRecordedAlertWithoutSendingIt() {
        post("01-h1-on-pace-to-double.txt");
        everything.drain();

        post("02-same-figures-other-outlet.txt");

        String id = projectedOnIsAttacks(recorded).get(0).id();
        assertThat(alerts.find(id)).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.current().sources()).isEqualTo(2);
            assertThat(a.evidence()).extracting(e -> e.source()).contains(
                    "Islamic State attacks in Iraq and Syria on course to double, US command says",
                    "Militant attacks rising again in Iraq and Syria");
        });
        assertThat(everything.drainAlerts()).isEmpty();
    }

    @Test
    void aSilencedAlertIsRecordedButReachesNobody() {
        silences.add("al-Shabab", null, null, Instant.now().plus(1, ChronoUnit.DAYS), "known campaign");

        post("05-silenced-al-shabab.txt");

        assertThat(recorded).filteredOn(a -> "al-Shabab".equals(a.series().actor())).isNotEmpty()
                .allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.SILENCED));
        assertThat(everything.drainAlerts()).isEmpty();
        assertThat(alerts.pending(10)).isEmpty();
        assertThat(alerts.history("al-Shabab", "SO", null, 10)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.delivery()).isEqualTo(AlertRepository.NOT_SENT));
    }

    @Test
    void anExpiredSilenceMutesNothing() {
        silences.add("al-Shabab", null, null, Instant.now().plusMillis(300), "ends at once");
        sleep(400);

        post("05-silenced-al-shabab.txt");

        assertThat(everything.drainAlerts()).filteredOn(a -> "al-Shabab".equals(a.series().actor())).isNotEmpty()
                .allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.FIRING));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

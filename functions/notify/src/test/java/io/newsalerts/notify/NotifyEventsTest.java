package io.newsalerts.notify;

import io.newsalerts.api.StreamBatch;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.json.Json;
import io.newsalerts.testing.SampleAlerts;
import io.newsalerts.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyEventsTest {

    @Test
    void theSampleStreamEventIsAnInsertOfThePendingSeedAlert() {
        var records = StreamBatch.records(Events.json("notify-stream.json"));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.isInsert()).isTrue();
            assertThat(r.sequenceNumber()).isEqualTo("4421584500000000017450439091");
            assertThat(AlertRepository.isPendingItem(r.newImage())).isTrue();
            // Kept in step with the alert JSON codec: the image decodes to the alert it was made from.
            assertThat(AlertRepository.fromItem(r.newImage())).isEqualTo(SampleAlerts.islamicStateIraqSyria());
            assertThat(r.keys().get("id").s()).isEqualTo(SampleAlerts.islamicStateIraqSyria().id());
        });
    }

    @Test
    void triggersAreToldApart() throws Exception {
        assertThat(NotifyHandler.Trigger.of(Events.json("notify-stream.json"))).isEqualTo(NotifyHandler.Trigger.STREAM);
        assertThat(NotifyHandler.Trigger.of(Events.json("notify-schedule.json"))).isEqualTo(NotifyHandler.Trigger.SCHEDULE);
        assertThat(NotifyHandler.Trigger.of(Json.MAPPER.readTree("{\"source\":\"aws.scheduler\"}")))
                .isEqualTo(NotifyHandler.Trigger.SCHEDULE);
        assertThat(NotifyHandler.Trigger.of(Events.json("notify-digest.json"))).isEqualTo(NotifyHandler.Trigger.DIGEST);
        assertThatThrownBy(() -> NotifyHandler.Trigger.of(Events.json("subscribe-post.json")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

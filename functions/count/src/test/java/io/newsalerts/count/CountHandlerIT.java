package io.newsalerts.count;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.pipeline.Counting;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAws.class)
class CountHandlerIT {

    private static final SeriesKey IS_STATS =
            new SeriesKey(SeriesKey.Source.STATISTIC, "Islamic State", List.of("IQ", "SY"), "attack", null);
    private static final SeriesKey IRI_DRONES =
            new SeriesKey(SeriesKey.Source.INCIDENTS, "Islamic Resistance in Iraq", List.of("IQ"), "drone attack", null);

    private CounterRepository counters;
    private CountHandler handler;

    @BeforeEach
    void tables(LocalAws.Endpoint aws) {
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("count"));
        tables.create(aws.clients().dynamoDb());
        counters = new CounterRepository(aws.clients().dynamoDb(), tables.counters());
        handler = new CountHandler(new Counting(counters));
    }

    @Test
    void newArticleFillsStatisticSlotsAndIncidentCounters() {
        JsonNode response = Lambda.invoke(handler, Events.json("count-stream.json"));

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(counters.series(IS_STATS)).extracting(Observation::period, Observation::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Period.year(2023), 121L),
                org.assertj.core.groups.Tuple.tuple(Period.of("2024-01-01", "2024-06-30"), 153L));
        assertThat(counters.series(IRI_DRONES)).extracting(Observation::period, Observation::count).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Period.year(2024), 1L),
                org.assertj.core.groups.Tuple.tuple(Period.quarter(2024, 3), 1L),
                org.assertj.core.groups.Tuple.tuple(Period.month(2024, 7), 1L));
    }

    @Test
    void redeliveredBatchChangesNoCounter() {
        JsonNode event = Events.json("count-stream.json");
        Lambda.invoke(handler, event);
        List<Observation> once = counters.series(IRI_DRONES);

        Lambda.invoke(handler, event);
        Lambda.invoke(handler, event);

        assertThat(counters.series(IRI_DRONES)).extracting(Observation::count)
                .containsExactlyElementsOf(once.stream().map(Observation::count).toList())
                .containsOnly(1L);
        assertThat(counters.series(IS_STATS)).extracting(Observation::count).containsExactly(121L, 153L);
    }

    @Test
    void aRecordThatCannotBeReadIsReportedAsAFailureAndTheRestIsCounted() {
        JsonNode event = Events.json("count-stream.json").deepCopy();
        var records = (com.fasterxml.jackson.databind.node.ArrayNode) event.get("Records");
        var broken = records.get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("dynamodb")).put("SequenceNumber", "1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("dynamodb").get("NewImage")).putObject("facts")
                .putArray("L").addObject().putObject("M").putObject("count").put("N", "not-a-number");
        records.insert(0, broken);

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo("1");
        assertThat(counters.series(IS_STATS)).hasSize(2);
    }

    @Test
    void theSameIncidentFromAnotherOutletCountsOnceAndALargerCountForThatDayAddsTheDifference() {
        Lambda.invoke(handler, Events.json("count-stream.json"));
        com.fasterxml.jackson.databind.node.ObjectNode other = (com.fasterxml.jackson.databind.node.ObjectNode) Events.json("count-stream.json").deepCopy();
        var image = (com.fasterxml.jackson.databind.node.ObjectNode) other.get("Records").get(0).get("dynamodb").get("NewImage");
        image.putObject("id").put("S", "another-outlet");
        image.putObject("source").put("S", "https://other.example.net/drones");

        Lambda.invoke(handler, other);
        assertThat(counters.series(IRI_DRONES)).extracting(Observation::count).containsOnly(1L);

        var drone = (com.fasterxml.jackson.databind.node.ObjectNode) image.get("facts").get("L").get(2).get("M");
        drone.putObject("count").put("N", "2");
        image.putObject("id").put("S", "a-later-tally");
        Lambda.invoke(handler, other);

        assertThat(counters.series(IRI_DRONES)).extracting(Observation::count).containsOnly(2L);
    }
}

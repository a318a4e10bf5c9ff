package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.domain.AlertState;
import io.newsalerts.json.Json;
import io.newsalerts.testing.SampleAlerts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The `bin/alerts run` line: the first pipeline's contract, plus the alert's id and lifecycle state. */
class RunOutputTest {

    private static JsonNode printed(io.newsalerts.domain.Alert alert) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            RunCommand.print(alert);
        } finally {
            System.setOut(out);
        }
        return Json.MAPPER.readTree(buffer.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLineCarriesTheContractAndTheLifecycle() throws Exception {
        var alert = SampleAlerts.islamicStateIraqSyria().withState(AlertState.ESCALATED);

        JsonNode line = printed(alert);

        assertThat(line.path("id").asText()).isEqualTo(alert.id());
        assertThat(line.path("state").asText()).isEqualTo("escalated");
        for (String field : new String[] {"rule", "actor", "regions", "eventType", "current", "baseline", "ratio", "severity",
                "sms", "emailSubject", "evidence"}) {
            assertThat(line.has(field)).as(field).isTrue();
        }
        assertThat(line.path("current").path("count").asLong()).isEqualTo(alert.current().count());
        assertThat(line.path("baseline").path("period").path("start").asText()).isEqualTo("2023-01-01");
        assertThat(line.path("evidence").get(0).has("sentence")).isTrue();
        assertThat(line.path("evidence").get(0).has("source")).isTrue();
    }
}

package io.newsalerts.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LogTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream previous = Log.sink(new PrintStream(captured, true, StandardCharsets.UTF_8));

    @AfterEach
    void restore() {
        Log.sink(previous);
    }

    private JsonNode line() throws Exception {
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        return Json.MAPPER.readTree(lines[0]);
    }

    @Test
    void eachLineIsOneJsonObjectWithLevelMessageAndFields() throws Exception {
        Log.warn("article rejected", "reason", "no date", "bytes", 12);

        JsonNode l = line();
        assertThat(l.path("level").asText()).isEqualTo("WARN");
        assertThat(l.path("message").asText()).isEqualTo("article rejected");
        assertThat(l.path("reason").asText()).isEqualTo("no date");
        assertThat(l.path("bytes").isIntegralNumber()).isTrue();
        assertThat(l.path("timestamp").asText()).isNotBlank();
    }

    @Test
    void anEmailOrPhoneNumberThatSlipsIntoAFieldOrErrorIsMasked() throws Exception {
        Log.error("SNS call failed", new IllegalStateException("Invalid parameter: Endpoint ana.lopez@example.org or +14155550123"),
                "detail", "subscriber bob@example.co.uk said hi", "phone", "+447700900123");

        String raw = captured.toString(StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("ana.lopez@example.org", "+14155550123", "bob@example.co.uk", "+447700900123");
        JsonNode l = line();
        assertThat(l.path("errorMessage").asText()).contains("a***@example.org", Log.mask("+14155550123"));
        assertThat(l.path("detail").asText()).isEqualTo("subscriber b***@example.co.uk said hi");
        assertThat(l.path("phone").asText()).isEqualTo(Log.mask("+447700900123"));
    }

    @Test
    void maskingKeepsTheDomainAndTheEndsOfANumberAndIsStableWhenRepeated() {
        assertThat(Log.mask("ana@example.org")).isEqualTo("a***@example.org");
        assertThat(Log.mask("+14155550123")).isEqualTo("+141******23");
        assertThat(Log.scrub(Log.scrub("write to ana@example.org"))).isEqualTo("write to a***@example.org");
        assertThat(Log.scrub("alert 7f3a sent at 2024-07-17T03:14:00+00:00")).isEqualTo("alert 7f3a sent at 2024-07-17T03:14:00+00:00");
    }
}

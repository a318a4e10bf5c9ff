package io.newsalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;
import io.newsalerts.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactJsonTest {

    private static final Fact FACT = new Fact("Islamic State", List.of("SY", "IQ"), "attack", 153, Qualifier.AT_LEAST,
            Period.of("2024-01-01", "2024-06-30"), FactKind.REPORTED, "CENTCOM", "IS has claimed 153 attacks.", null);

    @Test
    void factIsWrittenInTheContractShape() throws Exception {
        // when
        JsonNode o = FactJson.toJson(FACT);
        // then
        assertThat(Json.MAPPER.writeValueAsString(o)).isEqualTo("{\"actor\":\"Islamic State\",\"regions\":[\"IQ\",\"SY\"],"
                + "\"eventType\":\"attack\",\"count\":153,\"qualifier\":\"at-least\","
                + "\"period\":{\"start\":\"2024-01-01\",\"end\":\"2024-06-30\"},\"kind\":\"reported\","
                + "\"attributedTo\":\"CENTCOM\",\"sentence\":\"IS has claimed 153 attacks.\",\"area\":null}");
    }

    @Test
    void factRoundTrips() {
        assertThat(FactJson.fromJson(FactJson.toJson(FACT))).isEqualTo(FACT);
        assertThat(FactJson.readList(FactJson.toJsonString(List.of(FACT, FACT)))).containsExactly(FACT, FACT);
    }

    @Test
    void expectedFileShapeIsReadAndOptionalFieldsDefault() {
        List<Fact> facts = FactJson.readList("""
                {"facts":[{"actor":null,"regions":[],"eventType":"piracy incident","count":33,
                  "period":{"start":"2024-01-01","end":"2024-06-30"},"area":"Gulf of Guinea"}],"alerts":[]}""");
        assertThat(facts).hasSize(1);
        assertThat(facts.getFirst().qualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(facts.getFirst().kind()).isEqualTo(FactKind.REPORTED);
        assertThat(facts.getFirst().area()).isEqualTo("Gulf of Guinea");
    }

    @Test
    void badFactsNameTheField() {
        assertThatThrownBy(() -> FactJson.readList("[{\"eventType\":\"attack\",\"period\":{\"start\":\"2024-01-01\",\"end\":\"2024-01-02\"}}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'count'");
        assertThatThrownBy(() -> FactJson.readList("[{\"eventType\":\"attack\",\"count\":2,\"period\":{\"start\":\"x\",\"end\":\"y\"}}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> FactJson.readList("{\"nofacts\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array");
    }
}

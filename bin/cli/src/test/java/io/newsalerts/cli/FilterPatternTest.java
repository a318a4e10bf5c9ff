package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterPatternTest {

    private static JsonNode record(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void anEventNameListLetsThroughOnlyItsEvents() throws Exception {
        FilterPattern inserts = FilterPattern.parse(LocalPipeline.FILTERS.get("count").getFirst());
        assertThat(inserts.matches(record("{\"eventName\":\"INSERT\",\"dynamodb\":{}}"))).isTrue();
        assertThat(inserts.matches(record("{\"eventName\":\"MODIFY\",\"dynamodb\":{}}"))).isFalse();
        assertThat(inserts.matches(record("{\"eventName\":\"REMOVE\",\"dynamodb\":{}}"))).isFalse();
        assertThat(inserts.matches(record("{\"dynamodb\":{}}"))).as("no eventName").isFalse();
    }

    @Test
    void aNestedPatternLooksIntoTheNewImage() throws Exception {
        FilterPattern pending = FilterPattern.parse(LocalPipeline.FILTERS.get("notify").getFirst());
        assertThat(pending.matches(record("{\"eventName\":\"MODIFY\",\"dynamodb\":{\"NewImage\":{\"pending\":{\"S\":\"1\"},\"id\":{\"S\":\"a\"}}}}")))
                .isTrue();
        assertThat(pending.matches(record("{\"eventName\":\"MODIFY\",\"dynamodb\":{\"NewImage\":{\"id\":{\"S\":\"a\"}}}}")))
                .as("no longer pending (sent)").isFalse();
        assertThat(pending.matches(record("{\"eventName\":\"REMOVE\",\"dynamodb\":{\"OldImage\":{\"pending\":{\"S\":\"1\"}}}}")))
                .as("a removal").isFalse();
        assertThat(pending.matches(record("{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"pending\":{\"N\":\"1\"}}}}")))
                .as("a number, not the string").isFalse();
        assertThat(pending.matches(record("{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"pending\":{\"S\":[\"1\"]}}}}")))
                .as("a list is not a value").isFalse();
    }

    @Test
    void numbersMatchNumbersAndStringsStrings() throws Exception {
        FilterPattern p = FilterPattern.parse("{\"n\": [1, \"2\"]}");
        assertThat(p.matches(record("{\"n\": 1}"))).isTrue();
        assertThat(p.matches(record("{\"n\": \"1\"}"))).isFalse();
        assertThat(p.matches(record("{\"n\": \"2\"}"))).isTrue();
        assertThat(p.matches(record("{\"n\": 2}"))).isFalse();
    }

    @Test
    void rulesThisReaderDoesNotKnowAreRefusedNotIgnored() {
        assertThatThrownBy(() -> FilterPattern.parse("{\"eventName\": [{\"prefix\": \"IN\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventName");
        assertThatThrownBy(() -> FilterPattern.parse("{\"eventName\": \"INSERT\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object or a list");
        assertThatThrownBy(() -> FilterPattern.parse("{\"eventName\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object or a list");
        assertThatThrownBy(() -> FilterPattern.parse("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilterPattern.parse("[\"INSERT\"]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilterPattern.parse("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be JSON");
    }
}

package io.newsalerts.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.cli.FilterPattern;
import io.newsalerts.cli.LocalPipeline;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local pipeline hands each function its stream as template.yaml's event-source mappings would: same batch size,
 * as many batches at once (ParallelizationFactor), same retries, same filters. Without this a change to the template's
 * mappings would leave the local runs, the tests and the benchmark measuring something that is not deployed.
 */
class StreamMappingsMatchTemplateTest {

    /** The functions a stream feeds. */
    private static final List<String> FUNCTIONS = List.of("CountFunction", "DetectFunction", "NotifyFunction");

    @Test
    void everyStreamMappingIsTheOneTheLocalPipelineRuns() {
        Template template = Template.read(Template.findRoot());
        assertThat(LocalPipeline.PARALLELIZATION.keySet()).containsExactlyInAnyOrderElementsOf(
                FUNCTIONS.stream().map(StreamMappingsMatchTemplateTest::local).toList());
        FUNCTIONS.forEach(logicalId -> {
            JsonNode mapping = streamMapping(template, logicalId);
            assertThat(mapping.path("BatchSize").asInt()).as("%s BatchSize", logicalId).isEqualTo(LocalPipeline.BATCH_SIZE);
            assertThat(mapping.path("ParallelizationFactor").asInt(1)).as("%s ParallelizationFactor", logicalId)
                    .isEqualTo(LocalPipeline.PARALLELIZATION.get(local(logicalId)));
            assertThat(mapping.path("MaximumRetryAttempts").asInt() + 1).as("%s attempts", logicalId)
                    .isEqualTo(LocalPipeline.MAX_ATTEMPTS);
            List<JsonNode> patterns = new ArrayList<>();
            mapping.path("FilterCriteria").path("Filters").forEach(f -> patterns.add(json(f.path("Pattern").asText())));
            assertThat(patterns).as("%s FilterCriteria", logicalId).containsExactlyInAnyOrderElementsOf(
                    LocalPipeline.FILTERS.get(local(logicalId)).stream().map(StreamMappingsMatchTemplateTest::json).toList());
        });
    }

    /** CountFunction -> count, LocalPipeline's name for it. */
    private static String local(String logicalId) {
        return logicalId.replaceFirst("Function$", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** A filter pattern as JSON, read as the local pipeline reads it. */
    private static JsonNode json(String pattern) {
        return FilterPattern.parse(pattern).pattern();
    }

    /** The Properties of the function's one DynamoDB event. */
    private static JsonNode streamMapping(Template template, String logicalId) {
        JsonNode found = null;
        for (JsonNode event : template.resourceProperties(logicalId).path("Events")) {
            if ("DynamoDB".equals(event.path("Type").asText())) {
                assertThat(found).as("%s has one DynamoDB event", logicalId).isNull();
                found = event.path("Properties");
            }
        }
        assertThat(found).as("%s's DynamoDB event in template.yaml", logicalId).isNotNull();
        return found;
    }
}

package io.newsalerts.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables local runs and tests create (Tables.definitions) are the tables template.yaml deploys: same keys, key
 * types, index and stream view. Without this a change on one side passes every local test and breaks in AWS.
 */
class TablesMatchTemplateTest {

    private static Template template;
    private static Map<String, CreateTableRequest> local;

    @BeforeAll
    static void read() {
        template = Template.read(Template.findRoot());
        List<CreateTableRequest> defs = Tables.withPrefix("t").definitions();
        local = new LinkedHashMap<>();
        for (CreateTableRequest d : defs) {
            local.put(d.tableName(), d);
        }
    }

    @Test
    void everyTableOfTheTemplateIsCreatedLocallyAndNoOther() {
        List<String> declared = new ArrayList<>();
        for (String id : List.of("ArticlesTable", "CountersTable", "AlertsTable", "SilencesTable")) {
            assertThat(template.resourceProperties(id).isMissingNode()).as("%s in template.yaml", id).isFalse();
            declared.add(localName(id));
        }
        assertThat(local.keySet()).containsExactlyElementsOf(declared);
    }

    @Test
    void keysIndexesAndStreamsAgree() {
        for (String id : List.of("ArticlesTable", "CountersTable", "AlertsTable", "SilencesTable")) {
            JsonNode t = template.resourceProperties(id);
            CreateTableRequest d = local.get(localName(id));

            assertThat(d.billingModeAsString()).as("%s billing mode", id).isEqualTo(t.path("BillingMode").asText());
            assertThat(attributes(d)).as("%s attribute definitions", id).isEqualTo(templateAttributes(t.path("AttributeDefinitions")));
            assertThat(keys(d.keySchema())).as("%s key schema", id).isEqualTo(templateKeys(t.path("KeySchema")));

            Map<String, String> localIndexes = new TreeMap<>();
            d.globalSecondaryIndexes().forEach(g -> localIndexes.put(g.indexName(), keys(g.keySchema()) + " " + g.projection().projectionTypeAsString()));
            Map<String, String> templateIndexes = new TreeMap<>();
            t.path("GlobalSecondaryIndexes").forEach(g -> templateIndexes.put(g.path("IndexName").asText(),
                    templateKeys(g.path("KeySchema")) + " " + g.path("Projection").path("ProjectionType").asText()));
            assertThat(localIndexes).as("%s global secondary indexes", id).isEqualTo(templateIndexes);

            String localStream = d.streamSpecification() == null ? "" : d.streamSpecification().streamViewTypeAsString();
            assertThat(localStream).as("%s stream view type", id).isEqualTo(t.path("StreamSpecification").path("StreamViewType").asText(""));
        }
    }

    /** ArticlesTable -> t-articles. */
    private static String localName(String logicalId) {
        return "t-" + logicalId.replaceFirst("Table$", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> attributes(CreateTableRequest d) {
        Map<String, String> m = new TreeMap<>();
        d.attributeDefinitions().forEach(a -> m.put(a.attributeName(), a.attributeTypeAsString()));
        return m;
    }

    private static Map<String, String> templateAttributes(JsonNode defs) {
        Map<String, String> m = new TreeMap<>();
        defs.forEach(a -> m.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        return m;
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
    }

    private static List<String> templateKeys(JsonNode schema) {
        List<String> l = new ArrayList<>();
        schema.forEach(k -> l.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
        return l;
    }
}

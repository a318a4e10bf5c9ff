package io.newsalerts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.AwsCallException;
import io.newsalerts.aws.BulkDrops;
import io.newsalerts.aws.ParameterSetting;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import io.newsalerts.pipeline.Ingestion;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.TestParameter;
import io.newsalerts.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deployer's gazetteer additions in an SSM parameter (written with the real SDK client), used by ingest. */
@ExtendWith(LocalAws.class)
class GazetteerSourceIT {
    private static final String EXTRA = """
            {"actors": [{"name": "Example Front", "type": "armed", "aliases": ["Example Front", "EF fighters"]}],
             "places": {"Zorbastan Ridge": "IQ"}}""";
    private static final String SENTENCE = "EF fighters carried out 14 raids near Zorbastan Ridge in 2023.";

    private TestParameter parameter;
    private ParameterStore parameters;
    private String name;
    private final ManualClock clock = new ManualClock(Instant.parse("2024-07-17T09:00:00Z"));

    @BeforeEach
    void setUp(LocalAws.Endpoint aws) {
        parameter = TestParameter.named(aws, "gazetteer");
        parameters = parameter.store();
        name = parameter.name();
    }

    private static List<Fact> facts(io.newsalerts.extract.Extractor extractor) {
        return extractor.extract(Article.of(null, "t", LocalDate.of(2024, 7, 17), SENTENCE));
    }

    @Test
    void theParameterAddsActorsAndPlaces() {
        parameter.put(EXTRA);

        List<Fact> facts = facts(GazetteerSource.load(name, parameters, clock).get());

        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.actor()).isEqualTo("Example Front");
            assertThat(f.regions()).containsExactly("IQ");
            assertThat(f.count()).isEqualTo(14);
        });
    }

    @Test
    void bundledMeansNoAdditions() {
        parameter.put("bundled");

        assertThat(facts(GazetteerSource.load(name, parameters, clock).get()))
                .allSatisfy(f -> assertThat(f.actor()).isNull());
    }

    @Test
    void anInvalidFileOrAMissingParameterFailsInitNamingIt() {
        assertThatThrownBy(() -> GazetteerSource.load(name, parameters, clock))
                .isInstanceOf(AwsCallException.NotFound.class).hasMessageContaining("SSM parameter " + name);

        parameter.put("{\"actors\": [");
        assertThatThrownBy(() -> GazetteerSource.load(name, parameters, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SSM parameter " + name + ": extra gazetteer is not valid JSON");
    }

    /** A running function takes the deployer's new file within ParameterSetting.MAX_AGE: no redeploy, no rebuild. */
    @Test
    void aRunningFunctionPicksUpANewFile(LocalAws.Endpoint aws) {
        parameter.put("bundled");
        DynamoDbClient ddb = aws.clients().dynamoDb();
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("gazetteer"));
        tables.create(ddb);
        IngestHandler handler = new IngestHandler(new Ingestion(GazetteerSource.load(name, parameters, clock),
                new ArticleRepository(ddb, tables.articles()), clock), new BulkDrops(aws.clients()));

        parameter.put(EXTRA);
        clock.advance(ParameterSetting.MAX_AGE.plusSeconds(1));
        JsonNode response = Lambda.invoke(handler, Events.post("ingest-post.json", "text/plain",
                ("date 2024-07-17 Example Front raids\n\n" + SENTENCE).getBytes(StandardCharsets.UTF_8), false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        var item = ddb.getItem(b -> b.tableName(tables.articles())
                .key(Map.of("id", AttributeValue.fromS(Lambda.body(response).path("id").asText())))).item();
        assertThat(ArticleRepository.fromItem(item).facts()).singleElement()
                .satisfies(f -> assertThat(f.actor()).isEqualTo("Example Front"));
    }
}

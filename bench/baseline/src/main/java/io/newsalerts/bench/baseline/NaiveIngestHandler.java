package io.newsalerts.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.extract.Extractor;
import io.newsalerts.pipeline.Ingestion;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/** Naive ingest (POST /articles): POJO event, default client built on first use, POJO response through databind. */
public class NaiveIngestHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private Ingestion ingestion;
    private ObjectMapper mapper;

    public record Body(String id, int facts, boolean duplicate) {
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (ingestion == null) {
            ingestion = new Ingestion(Extractor.defaults(),
                    new ArticleRepository(DynamoDbClient.create(), System.getenv("ARTICLES_TABLE")), Clock.systemUTC());
            mapper = new ObjectMapper();
        }
        try {
            String body = event.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(event.getBody())) : event.getBody();
            String type = event.getHeaders() == null ? null : event.getHeaders().get("content-type");
            if (type != null) {
                type = type.split(";")[0].trim();
            }
            Ingestion.Result r = ingestion.ingest(body, type, null);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(r.stored() ? 201 : 200)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(mapper.writeValueAsString(new Body(r.articleId(), r.facts().size(), !r.stored()))).build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(400).withBody(String.valueOf(e.getMessage())).build();
        }
    }
}

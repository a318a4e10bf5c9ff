package io.newsalerts.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsalerts.aws.SubscriptionGateway;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.Map;

/** Naive subscribe (POST /subscriptions): POJO event, default SNS client built on first use. Benchmark fixture. */
public class NaiveSubscribeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private SubscriptionGateway gateway;
    private SubscriptionValidator validator;
    private ObjectMapper mapper;

    public record Body(String id, String protocol, String status) {
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (gateway == null) {
            gateway = new SubscriptionGateway(SnsClient.create(), System.getenv("TOPIC_ARN"));
            validator = SubscriptionValidator.withGazetteerActors(); // bundled only: fewer calls than ours (no SSM read)
            mapper = new ObjectMapper();
        }
        try {
            Subscription s = gateway.subscribe(validator.parse(event.getBody()));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(mapper.writeValueAsString(new Body(s.id(), s.protocol().wire(), s.status().wire()))).build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(400).withBody(String.valueOf(e.getMessage())).build();
        }
    }
}

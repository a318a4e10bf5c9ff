package io.newsalerts.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.pipeline.Detection;
import io.newsalerts.rules.RuleSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;

/** Naive detect: DynamodbEvent POJO, default client built on first use. */
public class NaiveDetectHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private Detection detection;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        if (detection == null) {
            DynamoDbClient ddb = DynamoDbClient.create();
            detection = new Detection(new CounterRepository(ddb, System.getenv("COUNTERS_TABLE")), RuleSet.defaults(),
                    new AlertRepository(ddb, System.getenv("ALERTS_TABLE")),
                    new SilenceRepository(ddb, System.getenv("SILENCES_TABLE")));
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (var r : event.getRecords()) {
            try {
                var key = r.getDynamodb().getKeys().get("series");
                if (key != null && !CounterRepository.isBookkeeping(key.getS())) {
                    detection.detect(SeriesKey.decode(key.getS()));
                }
            } catch (RuntimeException e) {
                failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }
}

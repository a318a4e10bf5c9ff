package io.newsalerts.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.BulkDrops;
import io.newsalerts.aws.Tables;
import io.newsalerts.extract.Extractor;
import io.newsalerts.pipeline.Ingestion;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bulk drop over the 1 MB limit is refused without being read whole, even when its event understates its size. */
@ExtendWith(LocalAws.class)
class IngestS3LimitsIT {

    @Test
    void anObjectOverTheLimitIsRefusedWhateverSizeTheEventClaimsAndNothingIsStored(LocalAws.Endpoint aws) {
        DynamoDbClient ddb = aws.clients().dynamoDb();
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("s3limit"));
        tables.create(ddb);
        S3Client s3 = aws.clients().configure(S3Client.builder()).forcePathStyle(true).build();
        IngestHandler handler = new IngestHandler(new Ingestion(Extractor.defaults(),
                new ArticleRepository(ddb, tables.articles()), Clock.systemUTC()), new BulkDrops(aws.clients()));
        String bucket = LocalAws.Endpoint.uniqueName("drops");
        s3.createBucket(b -> b.bucket(bucket));
        String huge = "date 2024-03-05 Big\n\n" + "Militants launched 7 drone attacks on a base in Iraq on March 4, 2024. ".repeat(20_000);
        s3.putObject(b -> b.bucket(bucket).key("huge.txt").contentType("text/plain"), RequestBody.fromString(huge));
        ObjectNode event = Events.json("ingest-s3.json");
        ObjectNode s3Part = (ObjectNode) event.path("Records").get(0).path("s3");
        ((ObjectNode) s3Part.path("bucket")).put("name", bucket);
        ((ObjectNode) s3Part.path("object")).put("key", "huge.txt").put("size", 120); // the event understates it

        assertThatThrownBy(() -> Lambda.invoke(handler, event))
                .hasMessageContaining("huge.txt").hasMessageContaining("over the limit of 1000000 bytes");
        assertThat(huge.length()).isGreaterThan(IngestHandler.MAX_ARTICLE_BYTES);
        assertThat(ddb.scan(b -> b.tableName(tables.articles())).count()).isZero();
    }
}

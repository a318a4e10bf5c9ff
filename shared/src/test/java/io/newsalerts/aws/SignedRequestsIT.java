package io.newsalerts.aws;

import io.newsalerts.testing.FaultyProxy;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BulkDrops} and {@link ParameterStore} against the emulator over HTTP: objects and parameters written with the
 * real S3 and SSM clients are read back; failures name what was asked for; throttling and 5xx answers are retried as
 * the SDK retries them (the proxy in front of the emulator answers for it), other errors are not.
 */
@ExtendWith(LocalAws.class)
class SignedRequestsIT {
    /** As many attempts as the SDK clients make by default (AWS_RETRY_MODE, else legacy: 4). */
    private static final int ATTEMPTS = AwsRetryStrategy.defaultRetryStrategy().maxAttempts();
    private static final FaultyProxy.Fault S3_SLOW_DOWN = new FaultyProxy.Fault(503, "application/xml",
            "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
    private static final FaultyProxy.Fault SSM_THROTTLE = new FaultyProxy.Fault(400, "application/x-amz-json-1.1",
            "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    private static final FaultyProxy.Fault S3_INTERNAL_ERROR = new FaultyProxy.Fault(500, "application/xml",
            "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>");
    private static final FaultyProxy.Fault S3_ACCESS_DENIED = new FaultyProxy.Fault(403, "application/xml",
            "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");

    private static String bucketWith(LocalAws.Endpoint aws, String key, String text) {
        String bucket = LocalAws.Endpoint.uniqueName("drops");
        try (S3Client s3 = aws.clients().configure(S3Client.builder()).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/html"), RequestBody.fromString(text));
        }
        return bucket;
    }

    @Test
    void anObjectWhoseKeyNeedsEncodingIsReadWithItsContentType(LocalAws.Endpoint aws) {
        String key = "2024/07/17 IS attacks+Iraq ünïcødé (1).txt";
        String bucket = bucketWith(aws, key, "<p>Militants – 153 attacks</p>");

        BulkDrops.Drop drop = new BulkDrops(aws.clients()).read(bucket, key, 1_000_000);

        assertThat(drop.utf8()).isEqualTo("<p>Militants – 153 attacks</p>");
        assertThat(drop.contentType()).isEqualTo("text/html");
    }

    @Test
    void onlyOneByteOverTheLimitIsRead(LocalAws.Endpoint aws) {
        String bucket = bucketWith(aws, "big.txt", "x".repeat(5_000));

        assertThat(new BulkDrops(aws.clients()).read(bucket, "big.txt", 1_000).bytes()).hasSize(1_001);
    }

    @Test
    void aMissingObjectOrBucketIsNotFoundNamingIt(LocalAws.Endpoint aws) {
        String bucket = bucketWith(aws, "here.txt", "x");
        BulkDrops drops = new BulkDrops(aws.clients());

        assertThatThrownBy(() -> drops.read(bucket, "gone away.txt", 100))
                .isInstanceOf(AwsCallException.NotFound.class)
                .hasMessageContaining("s3://" + bucket + "/gone away.txt").hasMessageContaining("NoSuchKey");
        assertThatThrownBy(() -> drops.read(bucket + "-none", "k", 100))
                .isInstanceOf(AwsCallException.NotFound.class).hasMessageContaining("NoSuchBucket");
    }

    @Test
    void aParameterIsReadAndAMissingOneIsNotFoundNamingIt(LocalAws.Endpoint aws) {
        String name = "/" + LocalAws.Endpoint.uniqueName("newsalerts") + "/rules ünï";
        try (SsmClient ssm = aws.clients().configure(SsmClient.builder()).build()) {
            ssm.putParameter(b -> b.name(name).type("String").value("{\"rules\": []}"));
        }
        ParameterStore parameters = new ParameterStore(aws.clients());

        assertThat(parameters.value(name)).isEqualTo("{\"rules\": []}");
        assertThatThrownBy(() -> parameters.value(name + "-none"))
                .isInstanceOf(AwsCallException.NotFound.class)
                .hasMessageContaining("SSM parameter " + name + "-none").hasMessageContaining("ParameterNotFound");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAsTheSdkRetriesThem(LocalAws.Endpoint aws) {
        String bucket = bucketWith(aws, "a.txt", "article");
        String name = "/" + LocalAws.Endpoint.uniqueName("newsalerts") + "/rules";
        try (SsmClient ssm = aws.clients().configure(SsmClient.builder()).build()) {
            ssm.putParameter(b -> b.name(name).type("String").value("bundled"));
        }
        try (FaultyProxy proxy = FaultyProxy.in(aws.uri())) {
            Clients viaProxy = Clients.forEndpoint(proxy.uri(), "us-east-1");

            proxy.failNext(2, S3_SLOW_DOWN);
            assertThat(new BulkDrops(viaProxy).read(bucket, "a.txt", 100).utf8()).isEqualTo("article");
            assertThat(proxy.faultsServed()).isEqualTo(2);

            proxy.failNext(1, SSM_THROTTLE); // one: a throttle waits longer before the retry
            assertThat(new ParameterStore(viaProxy).value(name)).isEqualTo("bundled");
            assertThat(proxy.faultsServed()).isEqualTo(3);

            // The default strategy's attempts (4 in legacy mode), then the failure names the object and what S3 said.
            proxy.failNext(ATTEMPTS + 2, S3_INTERNAL_ERROR);
            int before = proxy.requests();
            assertThatThrownBy(() -> new BulkDrops(viaProxy).read(bucket, "a.txt", 100))
                    .isInstanceOf(AwsCallException.class)
                    .hasMessageContaining("s3://" + bucket + "/a.txt").hasMessageContaining("InternalError (HTTP 500)");
            assertThat(proxy.requests() - before).isEqualTo(ATTEMPTS);
        }
    }

    @Test
    void otherErrorsAreNotRetried(LocalAws.Endpoint aws) {
        try (FaultyProxy proxy = FaultyProxy.in(aws.uri())) {
            proxy.failNext(1, S3_ACCESS_DENIED);

            assertThatThrownBy(() -> new BulkDrops(Clients.forEndpoint(proxy.uri(), "us-east-1")).read("drops", "a.txt", 100))
                    .isInstanceOf(AwsCallException.class).isNotInstanceOf(AwsCallException.NotFound.class)
                    .hasMessageContaining("s3://drops/a.txt: AccessDenied (HTTP 403): Access Denied")
                    .satisfies(e -> assertThat(((AwsCallException) e).status()).isEqualTo(403));
            assertThat(proxy.requests()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionDroppedWithoutAnswerIsRetried() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet(); // hang up without answering
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            URI endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());

            assertThatThrownBy(() -> new ParameterStore(Clients.forEndpoint(endpoint, "us-east-1")).value("/rules"))
                    .isInstanceOf(AwsCallException.class).hasMessageContaining("SSM parameter /rules");
            assertThat(connections.get()).isEqualTo(ATTEMPTS);
        }
    }
}

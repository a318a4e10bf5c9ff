package io.newsalerts.aws;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that {@link BulkDrops} and {@link ParameterStore} sign as the real {@code S3Client} and {@code SsmClient}
 * do (the emulators never check signatures): the same call made both ways, at the same fixed instant with the same
 * session credentials, is captured at the HTTP client; URL, signed headers and {@code Authorization} must be equal.
 *
 * <p>The real client's signer is the SDK's own SigV4 signer with the properties the client chose (signing name,
 * region, encoding rules, payload signing), wrapped only to fix the clock and to leave out two headers the SDK adds to
 * every call for its own bookkeeping and signs (amz-sdk-invocation-id is random per call; amz-sdk-request counts
 * attempts); our calls do not send them.
 */
class SignedRequestsTest {
    private static final Clock AT = Clock.fixed(Instant.parse("2026-11-29T09:30:00Z"), ZoneOffset.UTC);
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token/+="));

    @BeforeEach
    void ignoreTheEnvironmentsEndpoint() {
        // bin/test sets AWS_ENDPOINT_URL to the emulator; the AWS cases must not see it (the others set a property).
        System.setProperty("aws.ignoreConfiguredEndpointUrls", "true");
    }

    @AfterEach
    void clearEndpointSettings() {
        System.clearProperty("aws.ignoreConfiguredEndpointUrls");
        System.clearProperty("aws.endpointUrl");
        System.clearProperty("aws.endpointUrlS3");
        System.clearProperty("aws.endpointUrlSsm");
    }

    static Stream<Arguments> objects() {
        String awkwardKey = "2024/07/17 IS attacks+Iraq (Syria) ünïcødé ~*'!.txt";
        return Stream.of(
                // AWS itself: virtual-hosted for a DNS-label bucket, path-style for a dotted one over HTTPS.
                Arguments.of("eu-west-1", null, null, "news-drops", awkwardKey),
                Arguments.of("us-east-1", null, null, "news-drops", "plain.txt"),
                Arguments.of("eu-west-1", null, null, "news.drops.example", awkwardKey),
                Arguments.of("cn-north-1", null, null, "news-drops", "a+b c.txt"),
                // AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL (as system properties): a named host, an IP, a base path.
                Arguments.of("eu-west-1", "aws.endpointUrlS3", "http://s3.emulator.test:4566", "news-drops", awkwardKey),
                Arguments.of("eu-west-1", "aws.endpointUrlS3", "http://s3.emulator.test:4566", "news.drops", "k"),
                Arguments.of("us-east-1", "aws.endpointUrl", "http://127.0.0.1:5000", "news-drops", awkwardKey),
                Arguments.of("us-east-1", "aws.endpointUrl", "http://127.0.0.1:5000", "news.drops.example", "k"),
                Arguments.of("us-east-1", "aws.endpointUrl", "https://gateway.example.test/s3-proxy", "news-drops", "x y"),
                // An emulator given to Clients.forEndpoint: path-style, as its callers forced on S3Client.
                Arguments.of("us-east-1", "explicit", "http://localhost:4566", "news-drops", awkwardKey));
    }

    @ParameterizedTest(name = "{0} {1}={2} s3://{3}/{4}")
    @MethodSource("objects")
    void aBulkDropIsReadWithTheRequestS3ClientSigns(String region, String setting, String endpoint, String bucket, String key) {
        URI explicit = configure(setting, endpoint);
        Wire real = Wire.answering(206, "text/plain", "hello");
        var builder = S3Client.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .httpClient(real).putAuthScheme(new FixedClockSigV4())
                // Checksums only where S3 requires them (not on GetObject): BulkDrops neither sends nor checks any.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (explicit != null) {
            builder.endpointOverride(explicit).forcePathStyle(true);
        }
        try (S3Client s3 = builder.build()) {
            s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=0-1000000"));
        }
        Wire ours = Wire.answering(206, "text/plain", "hello");

        BulkDrops.Drop drop = new BulkDrops(Clients.of(Region.of(region), CREDENTIALS, explicit, ours), AT)
                .read(bucket, key, 1_000_000);

        assertSameSignedRequest(ours.only(), real.only());
        assertThat(drop.utf8()).isEqualTo("hello");
        assertThat(drop.contentType()).isEqualTo("text/plain");
    }

    static Stream<Arguments> parameters() {
        return Stream.of(
                Arguments.of("eu-west-1", null, null, "/newsalerts-prod/rules"),
                Arguments.of("us-gov-west-1", null, null, "/newsalerts/rules"),
                Arguments.of("us-east-1", null, null, "/news alerts/ünï+rules \"quoted\""),
                Arguments.of("eu-west-1", "aws.endpointUrlSsm", "http://ssm.emulator.test:4566", "/newsalerts/rules"),
                Arguments.of("us-east-1", "aws.endpointUrl", "http://127.0.0.1:5000", "rules"),
                Arguments.of("us-east-1", "explicit", "http://localhost:4566", "/newsalerts/rules"));
    }

    @ParameterizedTest(name = "{0} {1}={2} {3}")
    @MethodSource("parameters")
    void aParameterIsReadWithTheRequestSsmClientSigns(String region, String setting, String endpoint, String name) {
        URI explicit = configure(setting, endpoint);
        String answer = "{\"Parameter\":{\"Name\":\"x\",\"Type\":\"String\",\"Value\":\"bundled\",\"Version\":1}}";
        Wire real = Wire.answering(200, "application/x-amz-json-1.1", answer);
        var builder = SsmClient.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .httpClient(real).putAuthScheme(new FixedClockSigV4());
        if (explicit != null) {
            builder.endpointOverride(explicit);
        }
        try (SsmClient ssm = builder.build()) {
            ssm.getParameter(b -> b.name(name));
        }
        Wire ours = Wire.answering(200, "application/x-amz-json-1.1", answer);

        String value = new ParameterStore(Clients.of(Region.of(region), CREDENTIALS, explicit, ours), AT).value(name);

        assertSameSignedRequest(ours.only(), real.only());
        assertThat(ours.bodies.getFirst()).isEqualTo(real.bodies.getFirst());
        assertThat(value).isEqualTo("bundled");
    }

    /** null: AWS; "explicit": returned, for Clients.forEndpoint; else the named endpoint setting is set. */
    private static URI configure(String setting, String endpoint) {
        if (setting == null) {
            return null;
        }
        if (setting.equals("explicit")) {
            return URI.create(endpoint);
        }
        System.clearProperty("aws.ignoreConfiguredEndpointUrls");
        System.setProperty(setting, endpoint);
        return null;
    }

    private static void assertSameSignedRequest(SdkHttpRequest ours, SdkHttpRequest real) {
        String described = "ours:\n" + describe(ours) + "\nS3Client/SsmClient:\n" + describe(real);
        assertThat(ours.method()).as(described).isEqualTo(real.method());
        assertThat(ours.getUri()).as(described).isEqualTo(real.getUri());
        String authorization = real.firstMatchingHeader("Authorization").orElseThrow();
        assertThat(ours.firstMatchingHeader("Authorization")).as(described).contains(authorization);
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
        for (String header : signedHeaders.split(";")) {
            assertThat(ours.matchingHeaders(header)).as(header + "\n" + described).isEqualTo(real.matchingHeaders(header));
        }
    }

    private static String describe(SdkHttpRequest r) {
        StringBuilder s = new StringBuilder(r.method() + " " + r.getUri() + "\n");
        r.forEachHeader((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
        return s.toString();
    }

    /** The SDK's SigV4 scheme, its signer at a fixed instant and without the SDK's per-call bookkeeping headers. */
    private static final class FixedClockSigV4 implements AuthScheme<AwsCredentialsIdentity> {
        private final AwsV4AuthScheme sdk = AwsV4AuthScheme.create();

        @Override
        public String schemeId() {
            return AwsV4AuthScheme.SCHEME_ID;
        }

        @Override
        public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
            return sdk.identityProvider(providers);
        }

        @Override
        public HttpSigner<AwsCredentialsIdentity> signer() {
            return new HttpSigner<>() {
                @Override
                public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
                    SdkHttpRequest withoutBookkeeping = request.request().toBuilder()
                            .removeHeader("amz-sdk-invocation-id").removeHeader("amz-sdk-request").build();
                    SignRequest.Builder<AwsCredentialsIdentity> fixed = SignRequest.builder((AwsCredentialsIdentity) request.identity())
                            .request(withoutBookkeeping).payload(request.payload().orElse(null));
                    copyProperties(request, fixed);
                    fixed.putProperty(HttpSigner.SIGNING_CLOCK, AT);
                    return sdk.signer().sign(fixed.build());
                }

                @Override
                public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
                    throw new UnsupportedOperationException("sync clients only");
                }
            };
        }

        /** Every property the client set for its signer (reflection-free: the SDK's public property constants). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void copyProperties(SignRequest<?> from, SignRequest.Builder<AwsCredentialsIdentity> to) {
            for (var holder : List.of(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.class,
                    software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.class, HttpSigner.class)) {
                for (var field : holder.getFields()) {
                    if (field.getType() == software.amazon.awssdk.http.auth.spi.signer.SignerProperty.class) {
                        try {
                            var property = (software.amazon.awssdk.http.auth.spi.signer.SignerProperty) field.get(null);
                            if (from.hasProperty(property)) {
                                to.putProperty(property, from.property(property));
                            }
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
    }

    /** The HTTP client on both sides: records what would go on the wire and gives a canned answer. */
    private static final class Wire implements SdkHttpClient {
        final List<SdkHttpRequest> requests = new ArrayList<>();
        final List<byte[]> bodies = new ArrayList<>();
        private final int status;
        private final String contentType;
        private final byte[] answer;

        private Wire(int status, String contentType, String answer) {
            this.status = status;
            this.contentType = contentType;
            this.answer = answer.getBytes(StandardCharsets.UTF_8);
        }

        static Wire answering(int status, String contentType, String answer) {
            return new Wire(status, contentType, answer);
        }

        SdkHttpRequest only() {
            assertThat(requests).hasSize(1);
            return requests.getFirst();
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    requests.add(request.httpRequest());
                    bodies.add(request.contentStreamProvider().map(p -> {
                        try {
                            return p.newStream().readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).orElse(new byte[0]));
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", contentType)
                                    .putHeader("Content-Length", Integer.toString(answer.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return Arrays.toString(requests.toArray());
        }
    }
}

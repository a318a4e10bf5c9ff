package io.newsalerts.aws;

import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One SigV4-signed call to an AWS service without that service's SDK module (issue 8: the S3 and SSM modules alone
 * pushed ingest and detect over the 12 MB jar limit, each for a single operation). Everything but building the
 * request is the SDK's own, as in the generated clients: the endpoint from the standard settings
 * ({@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, their system properties and profile keys), region,
 * credentials and HTTP client from {@link Clients}, the signature from {@link AwsV4HttpSigner}, and retries from the
 * strategy the clients get by default ({@link AwsRetryStrategy#defaultRetryStrategy()}: legacy mode unless
 * {@code AWS_RETRY_MODE} says otherwise, 4 attempts with backoff; throttling, 5xx and I/O errors retried, as the SDK
 * classifies them). The signing is proven equal to the real clients' in {@code SignedRequestsTest}.
 */
final class SignedRequests {
    /** What came back: a 2xx answer (failures are thrown). */
    record Response(SdkHttpResponse http, byte[] body) {
        Optional<String> header(String name) {
            return http.firstMatchingHeader(name);
        }
    }

    /** How a non-2xx answer reads: the service's error code and message, parsed per protocol by the caller. */
    interface ErrorReader {
        AwsErrorDetails read(SdkHttpResponse response, byte[] body);
    }

    private final String signingName;
    private final boolean s3;
    private final Clients clients;
    private final Clock clock; // null: the signer's own (system UTC)
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    // The clients' own default: the retry mode from AWS_RETRY_MODE / aws.retryMode / the profile, else legacy.
    private final RetryStrategy retries = AwsRetryStrategy.defaultRetryStrategy();

    /**
     * @param signingName the service's SigV4 name ("s3", "ssm")
     * @param s3          S3's signing rules (as S3's auth scheme sets them); other services use the signer's defaults
     */
    SignedRequests(String signingName, boolean s3, Clients clients, Clock clock) {
        this.signingName = signingName;
        this.s3 = s3;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * The service's base endpoint as its SDK client resolves it before the endpoint rules add a bucket: the one
     * {@link Clients} was given (emulators), else the standard endpoint settings (e.g. {@code AWS_ENDPOINT_URL_S3} or
     * {@code aws.endpointUrlS3}, then {@code AWS_ENDPOINT_URL}, then the profile's), else the SDK's default for the
     * region (its service metadata: {@code https://ssm.<region>.<dnsSuffix>}, S3's legacy global host in us-east-1).
     * FIPS and dual-stack endpoints are not supported (nothing here sets them).
     */
    static URI endpoint(Clients clients, String environmentVariable, String systemProperty, String profileKey,
                        String endpointPrefix) {
        if (clients.endpoint() != null) {
            return clients.endpoint();
        }
        return AwsClientEndpointProvider.builder()
                .serviceEndpointOverrideEnvironmentVariable(environmentVariable)
                .serviceEndpointOverrideSystemProperty(systemProperty)
                .serviceProfileProperty(profileKey)
                .serviceEndpointPrefix(endpointPrefix)
                .defaultProtocol("https")
                .region(clients.region())
                .build()
                .clientEndpoint();
    }

    /**
     * Signs and sends {@code request}, retrying as the SDK would; returns the 2xx answer with at most
     * {@code maxBodyBytes} of its body, or throws {@link AwsCallException} (naming {@code what}) for any other.
     */
    Response send(SdkHttpFullRequest request, byte[] payload, int maxBodyBytes, String what, ErrorReader errors) {
        RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create(signingName)).token();
        while (true) {
            RuntimeException failure;
            try {
                HttpExecuteResponse answer = clients.httpClient().prepareRequest(signed(request, payload)).call();
                SdkHttpResponse http = answer.httpResponse();
                byte[] body = read(answer.responseBody(), http.isSuccessful() ? maxBodyBytes : 64 * 1024);
                if (http.isSuccessful()) {
                    retries.recordSuccess(RecordSuccessRequest.create(token));
                    return new Response(http, body);
                }
                AwsErrorDetails details = errors.read(http, body);
                // Classified by the SDK's own retry conditions (throttling codes, 429, 5xx, clock skew).
                failure = AwsServiceException.builder().statusCode(http.statusCode()).awsErrorDetails(details)
                        .message(details.errorMessage()).build();
            } catch (IOException | UncheckedIOException e) {
                failure = SdkClientException.create(what + ": " + e.getMessage(), e);
            }
            try {
                var next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
                token = next.token();
                pause(next.delay());
            } catch (TokenAcquisitionFailedException exhaustedOrNotRetryable) {
                throw AwsCallException.of(what, failure);
            }
        }
    }

    private HttpExecuteRequest signed(SdkHttpFullRequest request, byte[] payload) {
        AwsCredentialsIdentity identity = clients.credentials().resolveCredentials();
        ContentStreamProvider body = payload == null ? null : ContentStreamProvider.fromByteArrayUnsafe(payload);
        SignRequest.Builder<AwsCredentialsIdentity> sign = SignRequest.builder(identity)
                .request(request)
                .payload(body)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, clients.region().id());
        if (s3) {
            // As S3's auth scheme: the path signed as sent, and no payload hash (x-amz-content-sha256: UNSIGNED-PAYLOAD).
            sign.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false).putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false);
        }
        if (clock != null) {
            sign.putProperty(HttpSigner.SIGNING_CLOCK, clock);
        }
        SignedRequest signed = signer.sign(sign.build());
        SdkHttpRequest http = signed.request();
        return HttpExecuteRequest.builder().request(http).contentStreamProvider(signed.payload().orElse(null)).build();
    }

    private static byte[] read(Optional<AbortableInputStream> body, int max) throws IOException {
        if (body.isEmpty()) {
            return new byte[0];
        }
        AbortableInputStream in = body.get();
        try (in) {
            byte[] read = in.readNBytes(max);
            if (read.length == max) {
                in.abort(); // the rest is not wanted: drop the connection rather than drain it
            }
            return read;
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}

package io.newsalerts.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Articles dropped in S3 for bulk ingestion, read with one signed, ranged {@code GetObject} (see {@link SignedRequests}
 * for why not {@code S3Client}). Addressing is the S3 client's for that endpoint: virtual-hosted ({@code bucket.host})
 * or path-style ({@code host/bucket}) by its endpoint rules (see {@code virtualHosted}); always path-style for an
 * emulator endpoint given to {@link Clients#forEndpoint}, as its callers forced path-style on their S3 clients.
 */
public final class BulkDrops {
    /** An object's bytes (at most the limit asked for, plus one) and its Content-Type. */
    public record Drop(byte[] bytes, String contentType) {
        public String utf8() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern DNS_LABEL_BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern DOTTED_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_HOST = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[.*]");
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final SignedRequests s3;
    private final URI endpoint;
    private final boolean forcePathStyle;

    public BulkDrops(Clients clients) {
        this(clients, null);
    }

    /** With a fixed signing clock: for the signature test. */
    BulkDrops(Clients clients, Clock clock) {
        this.s3 = new SignedRequests("s3", true, clients, clock);
        this.endpoint = SignedRequests.endpoint(clients, "AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3", "s3", "s3");
        this.forcePathStyle = clients.endpoint() != null;
    }

    /**
     * At most the first {@code maxBytes + 1} bytes of {@code s3://bucket/key}, whatever size the object has (one more
     * than the limit, so that the caller can tell an object over it from one exactly at it). A missing object or bucket throws {@link AwsCallException.NotFound}; any
     * other failure {@link AwsCallException}; both name the object.
     */
    public Drop read(String bucket, String key, int maxBytes) {
        SdkHttpFullRequest request = objectRequest(bucket, key)
                .method(SdkHttpMethod.GET)
                .putHeader("Range", "bytes=0-" + maxBytes)
                .build();
        SignedRequests.Response r = s3.send(request, null, maxBytes + 1, "s3://" + bucket + "/" + key, BulkDrops::error);
        return new Drop(r.body(), r.header("Content-Type").orElse(null));
    }

    /**
     * Where the S3 client sends a request for an object: keys encoded segment by segment (space %20, '+' %2B, UTF-8).
     * Host and path are set apart, as a bucket on an IP host ({@code my.bucket.127.0.0.1}) is no valid {@link URI}.
     */
    private SdkHttpFullRequest.Builder objectRequest(String bucket, String key) {
        String base = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        base = base.endsWith("/") ? base : base + "/";
        String encodedKey = SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        boolean virtual = virtualHosted(bucket);
        return SdkHttpFullRequest.builder()
                .protocol(endpoint.getScheme())
                .host(virtual ? bucket + "." + endpoint.getHost() : endpoint.getHost())
                .port(endpoint.getPort() == -1 ? null : endpoint.getPort())
                .encodedPath(virtual ? base + encodedKey : base + SdkHttpUtils.urlEncode(bucket) + "/" + encodedKey);
    }

    /**
     * S3's endpoint rules: a bucket name that is one host label goes in the host unless the host is an IP address; a
     * dotted one only over plain HTTP (where no certificate has to match), even on an IP; any other name in the path.
     */
    private boolean virtualHosted(String bucket) {
        if (forcePathStyle) {
            return false;
        }
        if (DNS_LABEL_BUCKET.matcher(bucket).matches()) {
            return !IP_HOST.matcher(endpoint.getHost()).matches();
        }
        return "http".equals(endpoint.getScheme()) && DOTTED_BUCKET.matcher(bucket).matches() && !bucket.contains("..")
                && !IP_HOST.matcher(bucket).matches();
    }

    /** S3's REST-XML error body: {@code <Error><Code>NoSuchKey</Code><Message>...</Message>...}. */
    private static AwsErrorDetails error(SdkHttpResponse response, byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        Matcher code = CODE.matcher(xml);
        Matcher message = MESSAGE.matcher(xml);
        return AwsErrorDetails.builder().serviceName("S3").sdkHttpResponse(response)
                .errorCode(code.find() ? code.group(1) : response.statusCode() == 404 ? "NoSuchKey" : null)
                .errorMessage(message.find() ? message.group(1) : null)
                .build();
    }
}

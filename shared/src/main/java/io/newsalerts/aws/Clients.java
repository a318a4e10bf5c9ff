package io.newsalerts.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.URI;
import java.time.Duration;

/**
 * The one place that knows regions, credentials, endpoints and HTTP clients.
 *
 * <p>In Lambda: region and credentials come straight from the environment Lambda sets (no provider-chain probing
 * at cold start), and the endpoint is the SDK's own resolution, which honours {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ENDPOINT_URL_<SERVICE>} — so the same jar runs against AWS, LocalStack and moto. The URL-connection
 * HTTP client is the lightest to load.
 */
public final class Clients {
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint; // null: let the SDK resolve it (AWS, or AWS_ENDPOINT_URL*)
    private final SdkHttpClient http;

    private Clients(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this(region, credentials, endpoint, UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build());
    }

    private Clients(Region region, AwsCredentialsProvider credentials, URI endpoint, SdkHttpClient http) {
        this.region = region;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.http = http;
    }

    /** For a Lambda function or any process configured by the standard AWS environment variables. */
    public static Clients fromEnvironment() {
        String r = System.getenv("AWS_REGION");
        if (r == null || r.isBlank()) {
            r = System.getenv("AWS_DEFAULT_REGION");
        }
        Region region = Region.of(r == null || r.isBlank() ? "us-east-1" : r);
        // Lambda always sets the key variables; elsewhere fall back to the full chain (profiles, SSO, ...).
        AwsCredentialsProvider creds = System.getenv("AWS_ACCESS_KEY_ID") != null
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
        return new Clients(region, creds, null);
    }

    /** For a local emulator (moto, LocalStack) at a known endpoint, with throwaway credentials. */
    public static Clients forEndpoint(URI endpoint, String region) {
        return new Clients(Region.of(region),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), endpoint);
    }

    /** Any region, credentials, endpoint (null: resolved as in Lambda) and HTTP client; for tests of the signed calls. */
    static Clients of(Region region, AwsCredentialsProvider credentials, URI endpoint, SdkHttpClient http) {
        return new Clients(region, credentials, endpoint, http);
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return configure(DynamoDbStreamsClient.builder()).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    /** Applies region, credentials, HTTP client and (locally) endpoint to any service's builder. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials).httpClient(http);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    public Region region() {
        return region;
    }

    public URI endpoint() {
        return endpoint;
    }

    public SdkHttpClient httpClient() {
        return http;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }
}

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
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;
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
    private final URI dynamoDbEndpoint; // DynamoDB and its Streams: endpoint, unless an emulator of its own serves them
    private final SdkHttpClient http;

    private Clients(Region region, AwsCredentialsProvider credentials, URI endpoint, URI dynamoDbEndpoint) {
        this(region, credentials, endpoint, dynamoDbEndpoint, UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build());
    }

    private Clients(Region region, AwsCredentialsProvider credentials, URI endpoint, URI dynamoDbEndpoint, SdkHttpClient http) {
        this.region = region;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
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
        return new Clients(region, creds, null, null);
    }

    /** For a local emulator (moto, LocalStack) at a known endpoint, with throwaway credentials. */
    public static Clients forEndpoint(URI endpoint, String region) {
        return forEndpoints(endpoint, endpoint, region);
    }

    /**
     * For local emulators at known endpoints, with throwaway credentials: DynamoDB and DynamoDB Streams at
     * {@code dynamoDbEndpoint} (dynoxide, say), every other service at {@code endpoint} (moto).
     */
    public static Clients forEndpoints(URI endpoint, URI dynamoDbEndpoint, String region) {
        return new Clients(Region.of(region),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), endpoint, dynamoDbEndpoint);
    }

    /** Any region, credentials, endpoint (null: resolved as in Lambda) and HTTP client; for tests of the signed calls. */
    static Clients of(Region region, AwsCredentialsProvider credentials, URI endpoint, SdkHttpClient http) {
        return new Clients(region, credentials, endpoint, endpoint, http);
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
        URI e = endpoint;
        if (dynamoDbEndpoint != endpoint // only locally: in Lambda both are null and no builder type is looked at
                && (builder instanceof DynamoDbClientBuilder || builder instanceof DynamoDbStreamsClientBuilder)) {
            e = dynamoDbEndpoint;
        }
        if (e != null) {
            builder.endpointOverride(e);
        }
        return builder;
    }

    public Region region() {
        return region;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Where DynamoDB and DynamoDB Streams are served: {@link #endpoint()} unless given apart. */
    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public SdkHttpClient httpClient() {
        return http;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }
}

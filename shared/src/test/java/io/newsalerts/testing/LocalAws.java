package io.newsalerts.testing;

import io.newsalerts.aws.Clients;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.UUID;

/**
 * JUnit 5 extension that hands tests a {@link LocalAws.Endpoint}: the emulator every integration test talks to over
 * HTTP with the real SDK clients.
 *
 * <p>Where from, in order: {@code AWS_ENDPOINT_URL} (or the system property {@code aws.endpointUrl}) — bin/test sets
 * it to the moto server it starts, and {@code AWS_ENDPOINT_URL_DYNAMODB} (or {@code aws.endpointUrlDynamoDb}) to the
 * DynamoDB emulator it starts beside it; else LocalStack through Testcontainers when a Docker engine answers (image
 * from {@code LOCALSTACK_IMAGE} or the {@code localstack.image} property); else the test fails, saying how to get one.
 * Never skipped: a missing emulator is a broken setup, not a pass.
 */
public final class LocalAws implements ParameterResolver {

    private static final String REGION = "us-east-1";
    private static volatile Endpoint shared;

    /**
     * Clients for the emulators: DynamoDB (with Streams) at {@code dynamoDbUri}, the rest at {@code uri} (the same
     * when one emulator serves all); names made unique per test so tests never depend on each other.
     */
    public record Endpoint(URI uri, URI dynamoDbUri, Clients clients) {
        public SqsClient sqs() {
            return clients.configure(SqsClient.builder()).build();
        }

        public static String uniqueName(String prefix) {
            return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Endpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return endpoint();
    }

    public static Endpoint endpoint() {
        Endpoint e = shared;
        if (e == null) {
            synchronized (LocalAws.class) {
                if (shared == null) {
                    URI uri = locate();
                    String d = System.getProperty("aws.endpointUrlDynamoDb", System.getenv("AWS_ENDPOINT_URL_DYNAMODB"));
                    URI dynamoDb = d == null || d.isBlank() ? uri : URI.create(d);
                    shared = new Endpoint(uri, dynamoDb, Clients.forEndpoints(uri, dynamoDb, REGION));
                }
                e = shared;
            }
        }
        return e;
    }

    private static URI locate() {
        String configured = System.getProperty("aws.endpointUrl", System.getenv("AWS_ENDPOINT_URL"));
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        if (dockerAvailable()) {
            String image = System.getenv().getOrDefault("LOCALSTACK_IMAGE",
                    System.getProperty("localstack.image", "localstack/localstack:4.9.2"));
            LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse(image));
            localstack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(localstack::stop));
            return localstack.getEndpoint();
        }
        throw new IllegalStateException("No AWS emulator for the integration tests: run them with bin/test (it starts "
                + "moto server), or set AWS_ENDPOINT_URL to a running LocalStack or moto, or start a Docker engine.");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}

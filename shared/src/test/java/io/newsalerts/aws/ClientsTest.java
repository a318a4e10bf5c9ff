package io.newsalerts.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which endpoint each client is given: the local emulators may serve DynamoDB apart from the rest. */
class ClientsTest {
    private static final URI MOTO = URI.create("http://127.0.0.1:5000");
    private static final URI DYNAMODB = URI.create("http://127.0.0.1:8000");

    private static Optional<URI> endpointOf(SdkClient client) {
        try (client) {
            return client.serviceClientConfiguration().endpointOverride();
        }
    }

    @Test
    void dynamoDbAndItsStreamsGoToTheirOwnEmulatorAndEveryOtherServiceToTheOther() {
        Clients clients = Clients.forEndpoints(MOTO, DYNAMODB, "us-east-1");

        assertThat(endpointOf(clients.dynamoDb())).contains(DYNAMODB);
        assertThat(endpointOf(clients.dynamoDbStreams())).contains(DYNAMODB);
        assertThat(endpointOf(clients.sns())).contains(MOTO);
        assertThat(endpointOf(clients.configure(SqsClient.builder()).build())).contains(MOTO);
        assertThat(clients.endpoint()).isEqualTo(MOTO);
        assertThat(clients.dynamoDbEndpoint()).isEqualTo(DYNAMODB);
    }

    @Test
    void oneEmulatorServesEverything() {
        Clients clients = Clients.forEndpoint(MOTO, "us-east-1");

        assertThat(endpointOf(clients.dynamoDb())).contains(MOTO);
        assertThat(endpointOf(clients.dynamoDbStreams())).contains(MOTO);
        assertThat(endpointOf(clients.sns())).contains(MOTO);
    }

    @Test
    void inLambdaTheEndpointIsTheSdksOwnResolutionOfTheStandardSettings() {
        // The system-property forms of AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_DYNAMODB (which take precedence over the
        // variables bin/test sets).
        System.setProperty("aws.endpointUrl", MOTO.toString());
        System.setProperty("aws.endpointUrlDynamoDb", DYNAMODB.toString());
        try {
            Clients clients = Clients.fromEnvironment();

            assertThat(clients.endpoint()).isNull();
            assertThat(clients.dynamoDbEndpoint()).isNull();
            assertThat(endpointOf(clients.dynamoDb())).contains(DYNAMODB);
            assertThat(endpointOf(clients.sns())).contains(MOTO);
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.endpointUrlDynamoDb");
        }
    }
}

package io.newsalerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;

/**
 * SSM Parameter Store, for detect's rules override: one signed {@code GetParameter} (AWS JSON 1.1 protocol; see
 * {@link SignedRequests} for why not {@code SsmClient}).
 */
public final class ParameterStore {
    /** SSM answers at most 4 KB (standard) or 8 KB (advanced) values; room for the JSON around one. */
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final SignedRequests ssm;
    private final URI endpoint;

    public ParameterStore(Clients clients) {
        this(clients, null);
    }

    /** With a fixed signing clock: for the signature test. */
    ParameterStore(Clients clients, Clock clock) {
        this.ssm = new SignedRequests("ssm", false, clients, clock);
        this.endpoint = SignedRequests.endpoint(clients, "AWS_ENDPOINT_URL_SSM", "aws.endpointUrlSsm", "ssm", "ssm");
    }

    /**
     * The parameter's value as stored (not decrypted: the rules are a plain String parameter). A missing parameter
     * throws {@link AwsCallException.NotFound}; any other failure {@link AwsCallException}; both name the parameter.
     */
    public String value(String name) {
        byte[] body = request(name);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? endpoint.resolve("/") : endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequests.Response r = ssm.send(request, body, MAX_ANSWER_BYTES, "SSM parameter " + name, ParameterStore::error);
        JsonNode value = json(r.body()).path("Parameter").path("Value");
        if (!value.isTextual()) {
            throw new AwsCallException("SSM parameter " + name + ": the answer holds no Parameter.Value", r.http().statusCode(), null, null);
        }
        return value.asText();
    }

    /** The body the SDK's JSON marshaller writes for a GetParameter with only a name. */
    static byte[] request(String name) {
        try {
            return Json.MAPPER.writeValueAsBytes(Json.object().put("Name", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AWS JSON error body: {@code {"__type":"ParameterNotFound","message":"..."}} (the type may carry a namespace#). */
    private static AwsErrorDetails error(SdkHttpResponse response, byte[] body) {
        JsonNode json = json(body);
        String type = json.path("__type").asText(response.firstMatchingHeader("x-amzn-ErrorType").orElse(""));
        type = type.substring(type.indexOf('#') + 1);
        type = type.contains(":") ? type.substring(0, type.indexOf(':')) : type;
        String message = json.has("message") ? json.path("message").asText() : json.path("Message").asText(null);
        return AwsErrorDetails.builder().serviceName("SSM").sdkHttpResponse(response)
                .errorCode(type.isEmpty() ? null : type).errorMessage(message).build();
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.object(); // not JSON (a proxy's error page): the status code says enough
        }
    }
}

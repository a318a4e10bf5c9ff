package io.newsalerts.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) request that handlers use, read from the raw event
 * JSON without a binding framework (cheaper at cold start).
 */
public record HttpRequest(
        String method,
        String path,
        String routeKey,
        Map<String, String> headers,
        Map<String, String> query,
        Map<String, String> pathParameters,
        byte[] body) {

    /** True when the event looks like an HTTP API v2 request. */
    public static boolean isHttpApiEvent(JsonNode event) {
        return event.has("requestContext") && event.path("requestContext").has("http");
    }

    public static HttpRequest fromEvent(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        byte[] body;
        if (event.hasNonNull("body")) {
            String raw = event.get("body").asText();
            body = event.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(raw)
                    : raw.getBytes(StandardCharsets.UTF_8);
        } else {
            body = new byte[0];
        }
        return new HttpRequest(
                http.path("method").asText("").toUpperCase(Locale.ROOT),
                http.path("path").asText(event.path("rawPath").asText("")),
                event.path("routeKey").asText(""),
                Map.copyOf(headers),
                toMap(event.path("queryStringParameters")),
                toMap(event.path("pathParameters")),
                body);
    }

    private static Map<String, String> toMap(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(m);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Media type without parameters, lower case; null when absent. */
    public String contentType() {
        String ct = header("content-type");
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi >= 0 ? ct.substring(0, semi) : ct).strip().toLowerCase(Locale.ROOT);
    }

    /** The body as strict UTF-8; malformed bytes are the caller's error, not something to guess at. */
    public String bodyUtf8() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the request body is not valid UTF-8", e);
        }
    }
}

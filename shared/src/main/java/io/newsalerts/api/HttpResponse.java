package io.newsalerts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

/** An HTTP API (payload format 2.0) response; errors are RFC 9457 problem documents naming what is wrong. */
public record HttpResponse(int status, String contentType, String body) {

    public static HttpResponse json(int status, JsonNode body) {
        return new HttpResponse(status, "application/json", body.toString());
    }

    public static HttpResponse problem(int status, String title, String detail) {
        ObjectNode p = Json.object();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        return new HttpResponse(status, "application/problem+json", p.toString());
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, null, "");
    }

    /** The event shape Lambda returns to API Gateway. */
    public ObjectNode toEvent() {
        ObjectNode out = Json.object();
        out.put("statusCode", status);
        ObjectNode headers = out.putObject("headers");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        out.put("body", body);
        out.put("isBase64Encoded", false);
        return out;
    }
}

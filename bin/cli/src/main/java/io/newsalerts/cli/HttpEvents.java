package io.newsalerts.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

import java.time.Instant;
import java.util.UUID;

/** API Gateway HTTP API (payload 2.0) request events, shaped as Lambda receives them behind an IAM-authorized route. */
final class HttpEvents {
    private HttpEvents() {
    }

    static ObjectNode post(String path, String body, String contentType) {
        ObjectNode e = Json.object();
        e.put("version", "2.0");
        e.put("routeKey", "POST " + path);
        e.put("rawPath", path);
        e.put("rawQueryString", "");
        ObjectNode headers = e.putObject("headers");
        headers.put("content-type", contentType);
        headers.put("host", "local");
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "local");
        ctx.put("domainName", "local");
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", "POST " + path);
        ctx.put("stage", "$default");
        ctx.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = ctx.putObject("http");
        http.put("method", "POST");
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "bin/alerts");
        e.put("body", body);
        e.put("isBase64Encoded", false);
        return e;
    }

    /** Media type for a file by its extension: .json, .html/.htm, anything else plain text. */
    static String contentTypeFor(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".json")) {
            return "application/json";
        }
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return "text/html";
        }
        return "text/plain";
    }
}

package io.newsalerts.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files in the top-level events/ folder: the same fixtures `sam local invoke -e` uses. */
public final class Events {
    private Events() {
    }

    /** events/ found by walking up from the working directory (a module folder when Maven runs the tests). */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("events");
            if (Files.isDirectory(candidate) && Files.exists(p.resolve("template.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no events/ folder next to template.yaml above " + Path.of("").toAbsolutePath());
    }

    /** A fresh, mutable copy of events/{name}. */
    public static ObjectNode json(String name) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(dir().resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The API Gateway POST sample events/{sample} with another body, as API Gateway delivers it: the content type
     * (none when null) and length headers set, bytes that are not UTF-8 base64-encoded when {@code base64}.
     */
    public static ObjectNode post(String sample, String contentType, byte[] body, boolean base64) {
        ObjectNode event = json(sample);
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (contentType == null) {
            headers.remove("content-type");
        } else {
            headers.put("content-type", contentType);
        }
        headers.put("content-length", Integer.toString(body.length));
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", base64);
        return event;
    }

    public static String text(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

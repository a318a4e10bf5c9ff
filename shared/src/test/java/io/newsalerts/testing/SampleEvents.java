package io.newsalerts.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample Lambda events in the repository's top-level events/ folder, found from any module's directory. */
public final class SampleEvents {
    private SampleEvents() {
    }

    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("events");
            if (Files.isDirectory(events)) {
                return events;
            }
        }
        throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
    }

    /** A fresh, mutable copy of events/{name}. */
    public static ObjectNode load(String name) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(Files.readString(folder().resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

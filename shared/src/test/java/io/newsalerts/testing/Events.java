package io.newsalerts.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

import java.io.IOException;
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

    public static String text(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

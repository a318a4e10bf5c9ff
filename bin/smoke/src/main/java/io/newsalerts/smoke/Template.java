package io.newsalerts.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The functions template.yaml declares, read from the file itself: what Lambda would be told (handler, code,
 * environment), so a renamed class or a moved jar fails here before it fails in AWS.
 *
 * <p>Intrinsic functions are YAML tags ({@code !Ref ArticlesTable}); the YAML parser drops the tag and keeps its
 * argument, so an environment value reads as the logical id (or parameter name) it refers to.
 */
public final class Template {

    /** One AWS::Serverless::Function: its logical id, Handler, CodeUri (resolved against the repository) and env. */
    public record Function(String logicalId, String handler, Path code, Map<String, String> environment) {
        /** "ingest" for IngestFunction: the prefix of its sample events under events/. */
        public String shortName() {
            return logicalId.replaceFirst("Function$", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Path root;
    private final JsonNode doc;

    private Template(Path root, JsonNode doc) {
        this.root = root;
        this.doc = doc;
    }

    public static Template read(Path root) {
        try {
            return new Template(root, new ObjectMapper(new YAMLFactory()).readTree(Files.readString(root.resolve("template.yaml"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the first folder above the working directory holding template.yaml. */
    public static Path findRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("events"))) {
                return p;
            }
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }

    public Path root() {
        return root;
    }

    public List<Function> functions() {
        JsonNode globals = doc.path("Globals").path("Function");
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) () -> doc.path("Resources").fields()).spliterator(), false)
                .filter(e -> "AWS::Serverless::Function".equals(e.getValue().path("Type").asText()))
                .map(e -> {
                    JsonNode props = e.getValue().path("Properties");
                    Map<String, String> env = new LinkedHashMap<>();
                    globals.path("Environment").path("Variables").properties().forEach(v -> put(env, v));
                    props.path("Environment").path("Variables").properties().forEach(v -> put(env, v));
                    String handler = text(props, globals, "Handler");
                    String codeUri = text(props, globals, "CodeUri");
                    return new Function(e.getKey(), handler, root.resolve(codeUri), env);
                })
                .toList();
    }

    public Function function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in template.yaml"));
    }

    /** A parameter's Default, e.g. MinBaseline. */
    public String parameterDefault(String name) {
        JsonNode p = doc.path("Parameters").path(name);
        return p.has("Default") ? p.path("Default").asText() : null;
    }

    /** A resource's Properties as the YAML reads them (intrinsic tags dropped); a missing node when absent. */
    public JsonNode resourceProperties(String logicalId) {
        return doc.path("Resources").path(logicalId).path("Properties");
    }

    /** A resource's property as text, e.g. the Value of the rules parameter; null when absent. */
    public String resourceProperty(String logicalId, String property) {
        JsonNode v = doc.path("Resources").path(logicalId).path("Properties").path(property);
        return v.isValueNode() ? v.asText() : null;
    }

    /** Globals.Function.Environment JAVA_TOOL_OPTIONS (the JVM flags every function starts with). */
    public String javaToolOptions() {
        return doc.path("Globals").path("Function").path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText("");
    }

    /**
     * A scalar value (a name, or the logical id a !Ref names) is set; a conditional one ({@code !If [Cond, !Ref X,
     * !Ref 'AWS::NoValue']}, a list once the tag is dropped) is left unset, as with the parameters' defaults, which
     * leave every such condition false.
     */
    private static void put(Map<String, String> env, Map.Entry<String, JsonNode> v) {
        if (v.getValue().isValueNode()) {
            env.put(v.getKey(), v.getValue().asText());
        }
    }

    private static String text(JsonNode props, JsonNode globals, String name) {
        String v = props.path(name).asText(globals.path(name).asText(""));
        if (v.isEmpty()) {
            throw new IllegalStateException("function without " + name + " in template.yaml");
        }
        return v;
    }
}

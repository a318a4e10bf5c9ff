package io.newsalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names the extractor knows, for other parts of the product (the subscription API validates filters against
 * them): actors with their aliases and acronyms, and countries with their names and aliases. Read from the same
 * bundled {@code gazetteer.json} and {@code countries.tsv} that {@link Extractor} loads, so a subscription can only
 * name an actor an alert can carry. A small public accessor, kept apart from the extractor's internals.
 */
public final class GazetteerNames {

    private static final String BASE = "/io/newsalerts/extract/";

    private GazetteerNames() {
    }

    /** Every actor name, alias and acronym, lower case, to the canonical actor name alerts carry. */
    public static Map<String, String> actors() {
        return actors(null);
    }

    /**
     * The same, with the actors of a deployer's gazetteer extension (the format {@link Extractor#withExtraGazetteer}
     * takes) added; {@code null} for none.
     *
     * @throws IllegalArgumentException when the extension is not valid JSON
     */
    public static Map<String, String> actors(String extraJson) {
        Map<String, String> out = new LinkedHashMap<>();
        addActors(gazetteer(), out);
        if (extraJson != null) {
            try {
                addActors(Json.MAPPER.readTree(extraJson), out);
            } catch (IOException e) {
                throw new IllegalArgumentException("extra gazetteer is not valid JSON: " + e.getMessage(), e);
            }
        }
        return Map.copyOf(out);
    }

    private static void addActors(JsonNode gazetteer, Map<String, String> out) {
        for (JsonNode a : gazetteer.path("actors")) {
            String name = a.path("name").asText();
            if (name.isBlank()) {
                continue;
            }
            out.put(lower(name), name);
            a.path("aliases").forEach(x -> out.putIfAbsent(lower(x.asText()), name));
            a.path("acronyms").forEach(x -> out.putIfAbsent(lower(x.asText()), name));
        }
    }

    /** Every country name and alias, lower case, to its ISO 3166-1 alpha-2 code ("iraq" -> "IQ", "uk" -> "GB"). */
    public static Map<String, String> countries() {
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open("countries.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    out.putIfAbsent(lower(line.substring(tab + 1).strip()), line.substring(0, tab).strip().toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read countries.tsv", e);
        }
        for (JsonNode c : gazetteer().path("countries")) {
            String code = c.path("code").asText().toUpperCase(Locale.ROOT);
            c.path("aliases").forEach(x -> out.putIfAbsent(lower(x.asText()), code));
        }
        return Map.copyOf(out);
    }

    private static JsonNode gazetteer() {
        try (InputStream in = open("gazetteer.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer.json", e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = GazetteerNames.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + BASE + name);
        }
        return in;
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}

package io.newsalerts.subscribe;

import io.newsalerts.extract.GazetteerNames;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The actor names subscriptions may filter on: {@code KNOWN_ACTORS} (comma-separated canonical names) when set, else
 * the extraction gazetteer's actors with their aliases and acronyms ("ISIS" and "Daesh" are "Islamic State"), the
 * names alerts carry.
 */
final class KnownActors {

    private KnownActors() {
    }

    /** Accepted names, lower case, to the canonical actor name. */
    static Map<String, String> fromEnvironment() {
        String configured = System.getenv("KNOWN_ACTORS");
        if (configured == null || configured.isBlank()) {
            return GazetteerNames.actors();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> out.put(s.toLowerCase(Locale.ROOT), s));
        return Map.copyOf(out);
    }
}

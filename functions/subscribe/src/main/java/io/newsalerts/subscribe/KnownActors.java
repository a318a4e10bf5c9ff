package io.newsalerts.subscribe;

import io.newsalerts.aws.ParameterSetting;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.extract.GazetteerNames;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The actor names subscriptions may filter on: {@code KNOWN_ACTORS} (comma-separated canonical names) when set, else
 * the extraction gazetteer's actors with their aliases and acronyms ("ISIS" and "Daesh" are "Islamic State"), the
 * names alerts carry, including those the deployer added in the gazetteer parameter ({@code GAZETTEER_SSM_PARAMETER},
 * the one ingest extracts with, read again every few minutes as ingest does).
 */
final class KnownActors {
    static final String GAZETTEER_PARAMETER_ENV = "GAZETTEER_SSM_PARAMETER";

    private KnownActors() {
    }

    /** The validator that accepts these names (lower case, to the canonical actor name) and any event type. */
    static Supplier<SubscriptionValidator> validator(ParameterStore parameters, Clock clock) {
        String configured = System.getenv("KNOWN_ACTORS");
        if (configured != null && !configured.isBlank()) {
            Map<String, String> out = new LinkedHashMap<>();
            Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(s -> out.put(s.toLowerCase(Locale.ROOT), s));
            SubscriptionValidator fixed = new SubscriptionValidator(out, null);
            return () -> fixed;
        }
        return ParameterSetting.orBundled(System.getenv(GAZETTEER_PARAMETER_ENV), parameters,
                (value, origin) -> new SubscriptionValidator(fromValue(value, origin), null), clock);
    }

    /** The names a gazetteer parameter value stands for. */
    static Map<String, String> fromValue(String value, String origin) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(origin + ": empty (write a gazetteer file, or 'bundled' for the built-in one)");
        }
        try {
            return GazetteerNames.actors(ParameterSetting.BUNDLED.equals(value.strip()) ? null : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }
}

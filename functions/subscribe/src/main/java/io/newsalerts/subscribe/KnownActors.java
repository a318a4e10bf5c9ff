package io.newsalerts.subscribe;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The actor names subscriptions may filter on: {@code KNOWN_ACTORS} (comma-separated) when set, else a starter list.
 * A stand-in until the extraction gazetteer can be asked; the names must be spelled exactly as alerts carry them.
 */
final class KnownActors {

    static final Set<String> STARTER = Set.of(
            "Islamic State", "Islamic Resistance in Iraq", "Hezbollah", "Hamas", "Houthis", "al-Shabaab",
            "Boko Haram", "Taliban", "Tehrik-i-Taliban Pakistan", "Kurdistan Workers' Party", "Hayat Tahrir al-Sham",
            "Islamic State Khorasan Province", "Islamic State West Africa Province", "Al-Qaeda in the Arabian Peninsula",
            "Jama'at Nusrat al-Islam wal-Muslimin", "Rapid Support Forces", "Allied Democratic Forces", "Wagner Group");

    private KnownActors() {
    }

    static Set<String> fromEnvironment() {
        String configured = System.getenv("KNOWN_ACTORS");
        if (configured == null || configured.isBlank()) {
            return STARTER;
        }
        return Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}

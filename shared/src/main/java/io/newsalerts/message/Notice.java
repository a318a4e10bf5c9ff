package io.newsalerts.message;

import io.newsalerts.domain.Alert;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An alert on its way to subscribers, with where it stands in its lifecycle: {@code firing} (new), {@code escalated}
 * (materially worse than when last sent), {@code resolved} (newer figures dropped it below its threshold) or
 * {@code silenced} (recorded under a silence, never published). The lifecycle travels as the {@code lifecycle}
 * message attribute, so a subscriber's filter policy may select on it.
 */
public record Notice(Alert alert, String lifecycle) {

    public static final String FIRING = "firing";
    public static final String ESCALATED = "escalated";
    public static final String RESOLVED = "resolved";
    public static final String SILENCED = "silenced";
    public static final Set<String> LIFECYCLE = Set.of(FIRING, ESCALATED, RESOLVED, SILENCED);

    public Notice {
        Objects.requireNonNull(alert, "alert");
        lifecycle = lifecycle == null || lifecycle.isBlank() ? FIRING : lifecycle.strip().toLowerCase(Locale.ROOT);
        if (!LIFECYCLE.contains(lifecycle)) {
            throw new IllegalArgumentException("unknown lifecycle state '" + lifecycle + "' (expected one of " + LIFECYCLE + ")");
        }
    }

    /**
     * The notice for an alert as the alerts table holds it. Alerts carry no lifecycle state yet, so every alert is
     * {@code firing}; this is the one place to read the alert's own state once it has one.
     */
    public static Notice of(Alert alert) {
        return new Notice(alert, FIRING);
    }

    public boolean isSilenced() {
        return SILENCED.equals(lifecycle);
    }
}

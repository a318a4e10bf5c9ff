package io.newsalerts.lifecycle;

import io.newsalerts.domain.Alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Mutes alerts in a scope until a time: those of an actor, a region (ISO code or area name), a rule, or any
 * combination (all given must match). Muted alerts are recorded, with state silenced, and sent to nobody.
 */
public record Silence(String id, String actor, String region, String rule, Instant until, String reason, Instant createdAt) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(until, "until");
        actor = blankToNull(actor);
        region = blankToNull(region);
        rule = blankToNull(rule);
        if (actor == null && region == null && rule == null) {
            throw new IllegalArgumentException("a silence needs at least one of actor, region or rule (muting everything "
                    + "is what unsubscribing is for)");
        }
    }

    /**
     * The end of a silence as the API and the CLI take it: an ISO-8601 instant ({@code 2026-12-31T00:00:00Z}) or a
     * duration from {@code now} ({@code P30D}, {@code PT12H}), which never goes stale in a saved request or a sample.
     *
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static Instant until(String text, Instant now) {
        try {
            return text.startsWith("P") || text.startsWith("p") ? now.plus(java.time.Duration.parse(text)) : Instant.parse(text);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("until is neither an ISO-8601 instant (e.g. 2026-12-31T00:00:00Z) nor a "
                    + "duration from now (e.g. P30D, PT12H): " + text);
        }
    }

    public boolean isActive(Instant now) {
        return now.isBefore(until);
    }

    public boolean covers(Alert alert, Instant now) {
        if (!isActive(now)) {
            return false;
        }
        var s = alert.series();
        if (actor != null && (s.actor() == null || !actor.equalsIgnoreCase(s.actor()))) {
            return false;
        }
        if (region != null && s.regions().stream().noneMatch(region::equalsIgnoreCase)
                && (s.area() == null || !region.equalsIgnoreCase(s.area()))) {
            return false;
        }
        return rule == null || rule.equals(alert.rule());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

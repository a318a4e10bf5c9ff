package io.newsalerts.rules;

import io.newsalerts.domain.Alert;

/**
 * A rule's judgement of one key (rule, series, target period): the alert it would raise, whether the threshold is
 * met now, and whether this judgement may open an alert that does not exist yet.
 *
 * @param alert   the figures as they stand, in the shape of an alert (firing state)
 * @param fires   the threshold is met; false means the key is below it (and an active alert on it resolves)
 * @param mayOpen false for a judgement that can only carry on or close an existing alert: a full-year figure judged
 *                by the projection rule confirms or refutes a projection, it is not a projection itself
 */
public record Finding(Alert alert, boolean fires, boolean mayOpen) {

    static Finding of(Alert alert, boolean fires) {
        return new Finding(alert, fires, true);
    }
}

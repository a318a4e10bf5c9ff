package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.SeriesKey;

import java.util.List;

/** A detection rule: given everything known about one series, the alerts it raises (usually none). */
public interface Rule {
    String id();

    List<Alert> evaluate(SeriesKey series, List<Observation> observations);
}

package io.newsalerts.rules;

/**
 * Parameters shared by the year-over-year rules.
 *
 * @param factor         ratio that fires (2.0 = doubling), inclusive
 * @param minBaseline    the earlier figure must be at least this, so 1 -> 2 is not news
 * @param minDaysCovered a year-to-date figure must cover at least this many days before it is projected
 * @param recencyDays    a statistic whose period ended more than this many days before it was published is history
 */
public record RuleSettings(double factor, long minBaseline, int minDaysCovered, int recencyDays) {

    public static final RuleSettings DEFAULTS = new RuleSettings(2.0, 10, 90, 400);

    public RuleSettings {
        if (factor <= 1.0) {
            throw new IllegalArgumentException("factor must be above 1, got " + factor);
        }
        if (minBaseline < 1) {
            throw new IllegalArgumentException("minBaseline must be at least 1, got " + minBaseline);
        }
    }
}

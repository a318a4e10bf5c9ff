package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code spike}: the latest month's incident count is far above the series' trailing average — improbable under a
 * Poisson distribution whose mean is the average of the previous {@code months} months: P(X >= count) <= pValue.
 *
 * <p>Why Poisson and not mean + k x standard deviation: these are counts of discrete events, and a series has only a
 * handful of earlier months. A sample standard deviation from six points is unstable — a flat history (3, 3, 3) has
 * a deviation of 0 and makes 4 a spike, one earlier burst inflates it and hides the next. The Poisson tail needs only
 * the mean, and its variance grows with the mean, so 3 after an average of 1 is not a spike while 40 after an average
 * of 8 is. News counts are over-dispersed (bursty), which makes Poisson lenient; a strict pValue and minCount offset it.
 *
 * <p>Months of the trailing window without a counter count as 0 incidents, but only from the series' first month on:
 * months before anything was counted are unknown, and at least {@code minHistory} known months are required.
 * Incident tallies only: a reported statistic is not a monthly series.
 */
public record Spike(RuleBasics basics, int months, double pValue, long minCount, int minHistory) implements Rule {
    public static final String KIND = "spike";

    public Spike {
        if (months < 1 || minHistory < 1 || minHistory > months) {
            throw new IllegalArgumentException("spike needs 1 <= minHistory <= months, got minHistory " + minHistory
                    + " and months " + months);
        }
        if (!(pValue > 0 && pValue < 1)) {
            throw new IllegalArgumentException("pValue must be between 0 and 1, got " + pValue);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A smaller p-value is a stronger claim. */
    @Override
    public double strength() {
        return -Math.log10(pValue);
    }

    @Override
    public List<Finding> judge(SeriesKey series, History history) {
        if (series.source() != SeriesKey.Source.INCIDENTS) {
            return List.of();
        }
        Map<YearMonth, Observation> monthly = history.periods().stream()
                .filter(o -> "month".equals(YearOverYear.granularity(o.period())))
                .collect(Collectors.toMap(o -> YearMonth.from(o.period().start()), o -> o, (a, b) -> a));
        if (monthly.isEmpty()) {
            return List.of();
        }
        YearMonth latest = monthly.keySet().stream().max(YearMonth::compareTo).orElseThrow();
        YearMonth first = monthly.keySet().stream().min(YearMonth::compareTo).orElseThrow();
        long known = 0;
        long sum = 0;
        for (int i = 1; i <= months; i++) {
            YearMonth m = latest.minusMonths(i);
            if (m.isBefore(first)) {
                break;
            }
            known++;
            Observation o = monthly.get(m);
            sum += o == null ? 0 : o.count();
        }
        Observation current = monthly.get(latest);
        if (known < minHistory || !basics.corroborated(current)) {
            return List.of();
        }
        double mean = (double) sum / known;
        YearMonth from = latest.minusMonths(known);
        Period trailing = new Period(from.atDay(1), latest.minusMonths(1).atEndOfMonth());
        // Against a mean of 0 there is no ratio; the count itself stands in (as against a mean of 1).
        double ratio = YearOverYear.ratio(current.count(), Math.max(1, Math.round(mean)));
        boolean fires = current.count() >= minCount && poissonTail(current.count(), mean) <= pValue;
        Alert alert = new Alert(basics.id(), series, current, new Observation(trailing, Math.round(mean)), null,
                ratio, basics.severity(), current.period());
        return List.of(Finding.of(alert, fires));
    }

    /** P(X >= k) for X ~ Poisson(mean), summed in log space so that large means do not underflow. */
    static double poissonTail(long k, double mean) {
        if (k <= 0) {
            return 1.0;
        }
        if (mean <= 0) {
            return 0.0;
        }
        // P(X <= k-1) = sum_{i<k} exp(-mean + i ln mean - ln i!)
        double logTerm = -mean;
        double maxLog = logTerm;
        double[] logs = new double[(int) Math.min(k, Integer.MAX_VALUE - 8)];
        logs[0] = logTerm;
        for (int i = 1; i < logs.length; i++) {
            logTerm += Math.log(mean) - Math.log(i);
            logs[i] = logTerm;
            maxLog = Math.max(maxLog, logTerm);
        }
        double s = 0;
        for (double l : logs) {
            s += Math.exp(l - maxLog);
        }
        double cdf = Math.exp(maxLog + Math.log(s));
        return Math.max(0.0, 1.0 - Math.min(1.0, cdf));
    }

}

package io.newsalerts.extract;

import io.newsalerts.domain.Period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a sentence and resolves them against the publication date to inclusive periods.
 * All patterns are compiled once; none nests quantifiers, so matching is linear in the sentence length.
 *
 * <p>Decisions: a month or year without a year resolves to the latest one not after publication; a period that
 * runs past the publication date is cut at it ("in 2024" in an article of 2024-07-17 is 2024-01-01..2024-07-17);
 * "early/mid/late January" is the whole month; a weekday is the latest such day on or before publication.
 */
final class PeriodParser {

    /** A time expression at [start, end) of the sentence. {@code day}: it names one day. */
    record Span(int start, int end, Period period, boolean day) {
    }

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final String YEAR_REF = "(?:" + YEAR + "|(this year|last year|the previous year|the year))";
    private static final String NUM = "(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|twenty|thirty|sixty|ninety)";

    private static final int CI = Pattern.CASE_INSENSITIVE;

    private static final Pattern FIRST_MONTHS = Pattern.compile(
            "\\b(?:the )?(first|last) " + NUM + " months(?: of " + YEAR_REF + ")?", CI);
    private static final Pattern HALF_QUARTER = Pattern.compile(
            "\\b(?:the )?(first|second|third|fourth|final|1st|2nd|3rd|4th) (half|quarter)(?: of " + YEAR_REF + ")?", CI);
    private static final Pattern HQ = Pattern.compile("\\b([HQ])([1-4]) " + YEAR + "\\b");
    private static final Pattern FROM_TO = Pattern.compile(
            "\\b(?:[Ff]rom|[Bb]etween) (?:early |mid-|late )?" + MONTH + "(?:,? " + YEAR + ")? (?:to|through|until|till|and) "
                    + "(?:early |mid-|late )?" + MONTH + "(?:,? " + YEAR + ")?");
    private static final Pattern SINCE_START = Pattern.compile(
            "\\bsince the (?:start|beginning) of (?:the year|this year|" + YEAR + ")", CI);
    private static final Pattern SINCE_MONTH = Pattern.compile(
            "\\b[Ss]ince (?:early |mid-|late )?" + MONTH + "(?: (\\d{1,2})(?:st|nd|rd|th)?)?(?:,? " + YEAR + ")?");
    private static final Pattern SINCE_YEAR = Pattern.compile("\\b[Ss]ince " + YEAR + "\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(so far this year|so far in " + YEAR + "|this year|last year|the previous year|year to date|"
                    + "last week|last month|this month|this week|previous week|previous month)\\b", CI);
    private static final Pattern PAST = Pattern.compile(
            "\\b(?:in|over|during|for|within) the (?:past|last|previous) (?:" + NUM + " )?"
                    + "(days?|weeks?|months?|years?|24 hours|48 hours|hours)\\b", CI);
    private static final Pattern DATE = Pattern.compile(
            "\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?(?:, " + YEAR + ")?\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "\\b(?:(?:in|during|of|for|throughout|since) )?(?:early |mid-|late |the end of |the beginning of )?"
                    + MONTH + "(?:,? " + YEAR + ")?\\b");
    private static final Pattern YEAR_ONLY = Pattern.compile(
            "\\b(?:(?:in|during|of|for|throughout) )?" + YEAR + "\\b(?![-\\d])");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|Yesterday|Today)\\b");

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("sixty", 60), Map.entry("ninety", 90));

    private PeriodParser() {
    }

    static List<Span> find(String s, LocalDate published) {
        List<Span> all = new ArrayList<>();
        Matcher m;
        for (m = FIRST_MONTHS.matcher(s); m.find(); ) {
            int n = number(m.group(2));
            int year = yearRef(m.group(3), m.group(4), published);
            if (n >= 1 && n <= 12) {
                LocalDate a = m.group(1).equalsIgnoreCase("first")
                        ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31).minusMonths(n).plusDays(1);
                LocalDate b = m.group(1).equalsIgnoreCase("first")
                        ? LocalDate.of(year, n, 1).plusMonths(1).minusDays(1) : LocalDate.of(year, 12, 31);
                if (m.group(3) == null && m.group(4) == null && m.group(1).equalsIgnoreCase("last")) {
                    a = published.minusMonths(n).plusDays(1); // "the last six months": up to publication
                    b = published;
                }
                add(all, m, a, b, published, false);
            }
        }
        for (m = HALF_QUARTER.matcher(s); m.find(); ) {
            int year = yearRef(m.group(3), m.group(4), published);
            int ord = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                default -> 4;
            };
            boolean half = m.group(2).equalsIgnoreCase("half");
            if (half) {
                int h = m.group(1).equalsIgnoreCase("final") ? 2 : Math.min(ord, 2);
                LocalDate a = LocalDate.of(year, h == 1 ? 1 : 7, 1);
                add(all, m, a, a.plusMonths(6).minusDays(1), published, false);
            } else {
                Period q = Period.quarter(year, ord);
                add(all, m, q.start(), q.end(), published, false);
            }
        }
        for (m = HQ.matcher(s); m.find(); ) {
            int year = Integer.parseInt(m.group(3));
            int k = Integer.parseInt(m.group(2));
            if (m.group(1).equals("H") && k <= 2) {
                LocalDate a = LocalDate.of(year, k == 1 ? 1 : 7, 1);
                add(all, m, a, a.plusMonths(6).minusDays(1), published, false);
            } else if (m.group(1).equals("Q")) {
                Period q = Period.quarter(year, k);
                add(all, m, q.start(), q.end(), published, false);
            }
        }
        for (m = FROM_TO.matcher(s); m.find(); ) {
            int m1 = month(m.group(1));
            int m2 = month(m.group(3));
            int y2 = m.group(4) != null ? Integer.parseInt(m.group(4))
                    : m.group(2) != null && m1 <= m2 ? Integer.parseInt(m.group(2)) : latestYear(m2, published);
            int y1 = m.group(2) != null ? Integer.parseInt(m.group(2)) : m1 <= m2 ? y2 : y2 - 1;
            LocalDate a = LocalDate.of(y1, m1, 1);
            LocalDate b = LocalDate.of(y2, m2, 1).plusMonths(1).minusDays(1);
            if (!b.isBefore(a)) {
                add(all, m, a, b, published, false);
            }
        }
        for (m = SINCE_START.matcher(s); m.find(); ) {
            int year = m.group(1) != null ? Integer.parseInt(m.group(1)) : published.getYear();
            add(all, m, LocalDate.of(year, 1, 1), published, published, false);
        }
        for (m = SINCE_MONTH.matcher(s); m.find(); ) {
            int mo = month(m.group(1));
            int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : latestYear(mo, published);
            int day = m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
            LocalDate a = safeDate(year, mo, day);
            if (a != null) {
                add(all, m, a, published, published, false);
            }
        }
        for (m = SINCE_YEAR.matcher(s); m.find(); ) {
            add(all, m, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), published, published, false);
        }
        for (m = RELATIVE.matcher(s); m.find(); ) {
            String r = m.group(1).toLowerCase(Locale.ROOT);
            LocalDate p = published;
            switch (r) {
                case "so far this year", "this year", "year to date" -> add(all, m, p.withDayOfYear(1), p, p, false);
                case "last year", "the previous year" -> {
                    Period y = Period.year(p.getYear() - 1);
                    add(all, m, y.start(), y.end(), p, false);
                }
                case "last week", "previous week" -> {
                    LocalDate mon = p.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                    add(all, m, mon, mon.plusDays(6), p, false);
                }
                case "last month", "previous month" -> {
                    LocalDate first = p.withDayOfMonth(1).minusMonths(1);
                    add(all, m, first, first.plusMonths(1).minusDays(1), p, false);
                }
                case "this month" -> add(all, m, p.withDayOfMonth(1), p, p, false);
                case "this week" -> add(all, m, p.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), p, p, false);
                default -> {
                    if (r.startsWith("so far in ")) {
                        add(all, m, LocalDate.of(Integer.parseInt(m.group(2)), 1, 1), p, p, false);
                    }
                }
            }
        }
        for (m = PAST.matcher(s); m.find(); ) {
            int n = m.group(1) == null ? 1 : number(m.group(1));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            LocalDate p = published;
            LocalDate a;
            if (unit.startsWith("day")) {
                a = p.minusDays(n - 1L);
            } else if (unit.startsWith("week")) {
                a = p.minusWeeks(n).plusDays(1);
            } else if (unit.startsWith("month")) {
                a = p.minusMonths(n).plusDays(1);
            } else if (unit.startsWith("year")) {
                a = p.minusYears(n).plusDays(1);
            } else {
                a = p.minusDays(1);
            }
            if (n >= 1) {
                add(all, m, a, p, p, false);
            }
        }
        for (m = DATE.matcher(s); m.find(); ) {
            int mo = month(m.group(1));
            int day = Integer.parseInt(m.group(2));
            int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : latestYear(mo, published);
            LocalDate d = safeDate(year, mo, day);
            if (d != null) {
                add(all, m, d, d, published, true);
            }
        }
        for (m = MONTH_YEAR.matcher(s); m.find(); ) {
            int mo = month(m.group(1));
            int year = m.group(2) != null ? Integer.parseInt(m.group(2)) : latestYear(mo, published);
            Period p = Period.month(year, mo);
            add(all, m, p.start(), p.end(), published, false);
        }
        for (m = YEAR_ONLY.matcher(s); m.find(); ) {
            Period y = Period.year(Integer.parseInt(m.group(1)));
            add(all, m, y.start(), y.end(), published, false);
        }
        for (m = WEEKDAY.matcher(s); m.find(); ) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            LocalDate d = switch (w) {
                case "today" -> published;
                case "yesterday" -> published.minusDays(1);
                default -> published.with(TemporalAdjusters.previousOrSame(
                        DayOfWeek.valueOf(w.toUpperCase(Locale.ROOT))));
            };
            add(all, m, d, d, published, true);
        }
        return nonOverlapping(all);
    }

    private static void add(List<Span> out, Matcher m, LocalDate a, LocalDate b, LocalDate published, boolean day) {
        if (a.isAfter(published)) {
            return; // the future is a projection, not a count
        }
        LocalDate end = b.isAfter(published) ? published : b;
        out.add(new Span(m.start(), m.end(), new Period(a, end), day));
    }

    /** Longest expression wins where two overlap ("the first six months of 2024" over "2024"). */
    private static List<Span> nonOverlapping(List<Span> all) {
        all.sort(Comparator.comparingInt((Span x) -> x.end() - x.start()).reversed()
                .thenComparingInt(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span sp : all) {
            boolean free = true;
            for (Span o : out) {
                if (sp.start() < o.end() && o.start() < sp.end()) {
                    free = false;
                    break;
                }
            }
            if (free) {
                out.add(sp);
            }
        }
        out.sort(Comparator.comparingInt(Span::start));
        return out;
    }

    private static int yearRef(String year, String relative, LocalDate published) {
        if (year != null) {
            return Integer.parseInt(year);
        }
        if (relative != null) {
            String r = relative.toLowerCase(Locale.ROOT);
            return r.equals("last year") || r.equals("the previous year") ? published.getYear() - 1 : published.getYear();
        }
        return published.getYear();
    }

    private static int latestYear(int month, LocalDate published) {
        return month <= published.getMonthValue() ? published.getYear() : published.getYear() - 1;
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int number(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s);
        }
        return NUMBERS.getOrDefault(s.toLowerCase(Locale.ROOT), -1);
    }

    static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}

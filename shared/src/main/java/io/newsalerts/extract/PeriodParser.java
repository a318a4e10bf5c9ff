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
import java.util.Set;
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
    record Span(int start, int end, Period period, boolean day, boolean anaphoric) {
        Span(int start, int end, Period period, boolean day) {
            this(start, end, period, day, false);
        }
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
    private static final MatchStarts FIRST_MONTHS_STARTS = MatchStarts.eitherCase("the ", "first ", "last ");
    private static final Pattern HALF_QUARTER = Pattern.compile(
            "\\b(?:the )?(first|second|third|fourth|final|1st|2nd|3rd|4th) (?:(half) of " + YEAR_REF
                    + "|(quarter)(?: of " + YEAR_REF + ")?)", CI);
    private static final MatchStarts HALF_QUARTER_STARTS = MatchStarts.eitherCase("the ", "first ", "second ", "third ", "fourth ",
            "final ", "1st ", "2nd ", "3rd ", "4th ");
    private static final Pattern HQ = Pattern.compile("\\b([HQ])([1-4]) " + YEAR + "\\b");
    private static final Pattern FROM_TO = Pattern.compile(
            "\\b(?:[Ff]rom|[Bb]etween) (?:early |mid-|late )?" + MONTH + "(?:,? " + YEAR + ")? (?:to|through|until|till|and) "
                    + "(?:early |mid-|late )?" + MONTH + "(?:,? " + YEAR + ")?");
    private static final Pattern BETWEEN_DATES = Pattern.compile(
            "\\b(?:[Ff]rom|[Bb]etween) " + MONTH + " (\\d{1,2})(?!\\d)(?:,? " + YEAR + ")? (?:to|through|until|till|and) "
                    + MONTH + " (\\d{1,2})(?!\\d)(?:,? " + YEAR + ")?");
    /** FROM_TO and BETWEEN_DATES. */
    private static final MatchStarts RANGE_STARTS = MatchStarts.of("From ", "from ", "Between ", "between ");
    private static final Pattern SINCE_START = Pattern.compile(
            "\\bsince the (?:start|beginning) of (?:the year|this year|" + YEAR + ")", CI);
    private static final Pattern SINCE_MONTH = Pattern.compile(
            "\\b[Ss]ince (?:early |mid-|late )?" + MONTH + "(?: (\\d{1,2})(?!\\d)(?:st|nd|rd|th)?)?(?:,? " + YEAR + ")?");
    private static final Pattern SINCE_EVENT = Pattern.compile(
            "\\b[Ss]ince (?:the|a|an|his|her|their) [^,;.]{0,80}?\\b(?:in|on) " + MONTH + "(?:,? " + YEAR + ")?");
    private static final Pattern SINCE_WEEKDAY = Pattern.compile(
            "\\b[Ss]ince (?:last )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    private static final Pattern SINCE_YEAR = Pattern.compile("\\b[Ss]ince " + YEAR + "\\b");
    /** Every SINCE_ pattern (SINCE_START ignores case, the others are [Ss]ince). */
    private static final MatchStarts SINCE_STARTS = MatchStarts.eitherCase("since ");
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(so far this year|so far in " + YEAR + "|this year|last year|the previous year|year to date|"
                    + "last week|last month|this month|this week|previous week|previous month)\\b", CI);
    private static final MatchStarts RELATIVE_STARTS = MatchStarts.eitherCase("so far ", "this ", "last ", "the previous ",
            "year to date", "previous ");
    private static final Pattern PAST = Pattern.compile(
            "\\b(?:in|over|during|for|within) the (?:past|last|previous) (?:" + NUM + " )?"
                    + "(days?|weeks?|months?|years?|24 hours|48 hours|hours)\\b", CI);
    private static final MatchStarts PAST_STARTS = MatchStarts.eitherCase("in the ", "over the ", "during the ", "for the ",
            "within the ");
    private static final Pattern DATE = Pattern.compile(
            "\\b" + MONTH + " (\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:, " + YEAR + ")?\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "\\b(?:(?:in|during|of|for|throughout) )?(?:early |mid-|late |the end of |the beginning of )?"
                    + MONTH + "(?:,? " + YEAR + ")?\\b");
    private static final Pattern YEAR_ONLY = Pattern.compile(
            "\\b(?:(?:in|during|of|for|throughout) )?" + YEAR + "\\b(?![-\\d])");
    private static final Pattern SAME = Pattern.compile(
            "\\b(?:in|during|over|for|within|across|from|of) (?:the|that|this) (?:same (?:\\w+ )?"
                    + "(?:period|months?|quarter|half|year|weeks?|time|span|timeframe|stretch|days)|period|quarter|half-year|"
                    + "six months|three months|week|month)\\b", CI);
    private static final MatchStarts SAME_STARTS = MatchStarts.eitherCase("in ", "during ", "over ", "for ", "within ", "across ",
            "from ", "of ");
    private static final Pattern PRIOR = Pattern.compile(
            "\\b(?:the year before|a year earlier|a year before|a year ago|the prior year|the previous year|"
                    + "the same (?:period|quarter|months?|time|stretch) (?:last year|a year earlier|a year ago|the year before|"
                    + "(?:of|in) (?:the previous year|last year|the prior year)))\\b", CI);
    private static final MatchStarts PRIOR_STARTS = MatchStarts.eitherCase("the ", "a year ");
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

    /**
     * Each pattern searched from its {@link MatchStarts}: the starts must list the words every match begins with,
     * so they change with the pattern; MatchStartsTest checks that the search finds what {@code find()} finds.
     */
    static Map<Pattern, MatchStarts> searches() {
        return Map.ofEntries(Map.entry(FIRST_MONTHS, FIRST_MONTHS_STARTS), Map.entry(HALF_QUARTER, HALF_QUARTER_STARTS),
                Map.entry(FROM_TO, RANGE_STARTS), Map.entry(BETWEEN_DATES, RANGE_STARTS),
                Map.entry(SINCE_START, SINCE_STARTS), Map.entry(SINCE_MONTH, SINCE_STARTS),
                Map.entry(SINCE_EVENT, SINCE_STARTS), Map.entry(SINCE_WEEKDAY, SINCE_STARTS),
                Map.entry(SINCE_YEAR, SINCE_STARTS), Map.entry(RELATIVE, RELATIVE_STARTS), Map.entry(PAST, PAST_STARTS),
                Map.entry(SAME, SAME_STARTS), Map.entry(PRIOR, PRIOR_STARTS));
    }

    static List<Span> find(String s, LocalDate published) {
        return find(s, published, null);
    }

    /**
     * @param previous the period the article last gave a figure for: "over the same period", "in the quarter"
     *                 refer back to it (null: such phrases are not periods)
     */
    static List<Span> find(String s, LocalDate published, Period previous) {
        return find(s, s.toLowerCase(Locale.ROOT), published, previous);
    }

    /** @param l {@code s.toLowerCase(Locale.ROOT)}, when the caller has it already */
    static List<Span> find(String s, String l, LocalDate published, Period previous) {
        List<Span> all = new ArrayList<>();
        Matcher m;
        // cheap gates: a pattern runs only when the words it needs are in the sentence (most sentences have few)
        long cues = cues(l);
        int dates = monthsAndYears(s);
        boolean hasMonth = (dates & MONTH_NAME) != 0;
        boolean hasYear = (dates & YEAR_NUMBER) != 0;
        boolean weekday = has(cues, Cue.DAY);
        boolean since = has(cues, Cue.SINCE);
        boolean months = has(cues, Cue.MONTH);
        boolean same = previous != null && (has(cues, Cue.SAME) || has(cues, Cue.PERIOD) || has(cues, Cue.QUARTER)
                || months || has(cues, Cue.WEEK) || has(cues, Cue.HALF_YEAR));
        boolean prior = previous != null && (has(cues, Cue.YEAR_BEFORE) || has(cues, Cue.YEAR_EARLIER)
                || has(cues, Cue.YEAR_AGO) || has(cues, Cue.PRIOR_YEAR) || has(cues, Cue.PREVIOUS_YEAR)
                || has(cues, Cue.SAME_PERIOD));
        if (previous != null) {
            List<int[]> sameWindows = same ? lowerWindows(s, l, SAME_STEMS, 30, 30) : List.of();
            for (m = matcher(SAME, s, sameWindows); windowFind(m, s, sameWindows, SAME_STARTS); ) {
                if (!previous.start().isAfter(published)) {
                    all.add(new Span(m.start(), m.end(), previous, previous.days() == 1, true));
                }
            }
            List<int[]> priorWindows = prior ? lowerWindows(s, l, PRIOR_STEMS, 30, 40) : List.of();
            for (m = matcher(PRIOR, s, priorWindows); windowFind(m, s, priorWindows, PRIOR_STARTS); ) {
                Period p = previous.previousYear();
                add(all, m, p.start(), p.end(), published, p.days() == 1);
            }
        }
        List<int[]> windows = months && (has(cues, Cue.FIRST) || has(cues, Cue.LAST))
                ? lowerWindows(s, l, FIRST_MONTHS_STEMS, 28, 32) : List.of();
        for (m = matcher(FIRST_MONTHS, s, windows); windowFind(m, s, windows, FIRST_MONTHS_STARTS); ) {
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
        windows = has(cues, Cue.HALF) || has(cues, Cue.QUARTER) ? lowerWindows(s, l, HALF_QUARTER_STEMS, 25, 32) : List.of();
        for (m = matcher(HALF_QUARTER, s, windows); windowFind(m, s, windows, HALF_QUARTER_STARTS); ) {
            boolean halfMatch = m.group(2) != null;
            int year = halfMatch ? yearRef(m.group(3), m.group(4), published) : yearRef(m.group(6), m.group(7), published);
            int ord = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                default -> 4;
            };
            boolean half = halfMatch;
            if (half) {
                int h = m.group(1).equalsIgnoreCase("final") ? 2 : Math.min(ord, 2);
                LocalDate a = LocalDate.of(year, h == 1 ? 1 : 7, 1);
                add(all, m, a, a.plusMonths(6).minusDays(1), published, false);
            } else {
                Period q = Period.quarter(year, ord);
                add(all, m, q.start(), q.end(), published, false);
            }
        }
        boolean halfOrQuarterCode = hasYear && (s.indexOf('H') >= 0 || s.indexOf('Q') >= 0);
        for (m = halfOrQuarterCode ? HQ.matcher(s) : null; m != null && m.find(); ) {
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
        List<int[]> rangeWindows = hasMonth && (has(cues, Cue.FROM) || has(cues, Cue.BETWEEN))
                ? lowerWindows(s, l, RANGE_STEMS, 2, 60) : List.of();
        for (m = matcher(FROM_TO, s, rangeWindows); windowFind(m, s, rangeWindows, RANGE_STARTS); ) {
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
        for (m = matcher(BETWEEN_DATES, s, rangeWindows); windowFind(m, s, rangeWindows, RANGE_STARTS); ) {
            int m1 = month(m.group(1));
            int m2 = month(m.group(4));
            int y2 = m.group(6) != null ? Integer.parseInt(m.group(6)) : latestYear(m2, published);
            int y1 = m.group(3) != null ? Integer.parseInt(m.group(3)) : m1 <= m2 ? y2 : y2 - 1;
            LocalDate a = safeDate(y1, m1, Integer.parseInt(m.group(2)));
            LocalDate b = safeDate(y2, m2, Integer.parseInt(m.group(5)));
            if (a != null && b != null && !b.isBefore(a)) {
                add(all, m, a, b, published, false);
            }
        }
        windows = since && has(cues, Cue.SINCE_THE) ? lowerWindows(s, l, SINCE_STEMS, 2, 50) : List.of();
        for (m = matcher(SINCE_START, s, windows); windowFind(m, s, windows, SINCE_STARTS); ) {
            int year = m.group(1) != null ? Integer.parseInt(m.group(1)) : published.getYear();
            add(all, m, LocalDate.of(year, 1, 1), published, published, false);
        }
        windows = since && hasMonth ? lowerWindows(s, l, SINCE_STEMS, 2, 40) : List.of();
        for (m = matcher(SINCE_MONTH, s, windows); windowFind(m, s, windows, SINCE_STARTS); ) {
            int mo = month(m.group(1));
            int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : latestYear(mo, published);
            int day = m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
            LocalDate a = safeDate(year, mo, day);
            if (a != null) {
                add(all, m, a, published, published, false);
            }
        }
        windows = since && weekday ? lowerWindows(s, l, SINCE_STEMS, 2, 20) : List.of();
        for (m = matcher(SINCE_WEEKDAY, s, windows); windowFind(m, s, windows, SINCE_STARTS); ) {
            LocalDate d = published.with(TemporalAdjusters.previousOrSame(
                    DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT))));
            add(all, m, d, published, published, false);
        }
        windows = since && hasMonth ? lowerWindows(s, l, SINCE_STEMS, 2, 110) : List.of();
        for (m = matcher(SINCE_EVENT, s, windows); windowFind(m, s, windows, SINCE_STARTS); ) {
            int mo = month(m.group(1));
            int year = m.group(2) != null ? Integer.parseInt(m.group(2)) : latestYear(mo, published);
            add(all, m, LocalDate.of(year, mo, 1), published, published, false);
        }
        windows = since && hasYear ? lowerWindows(s, l, SINCE_STEMS, 2, 12) : List.of();
        for (m = matcher(SINCE_YEAR, s, windows); windowFind(m, s, windows, SINCE_STARTS); ) {
            add(all, m, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), published, published, false);
        }
        windows = has(cues, Cue.YEAR) || has(cues, Cue.WEEK) || months ? lowerWindows(s, l, RELATIVE_STEMS, 20, 12) : List.of();
        for (m = matcher(RELATIVE, s, windows); windowFind(m, s, windows, RELATIVE_STARTS); ) {
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
        windows = has(cues, Cue.PAST) || has(cues, Cue.LAST) || has(cues, Cue.PREVIOUS)
                ? lowerWindows(s, l, PAST_STEMS, 22, 30) : List.of();
        for (m = matcher(PAST, s, windows); windowFind(m, s, windows, PAST_STARTS); ) {
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
        if (hasMonth) {
            months(s, all, published);
        }
        if (hasYear) {
            years(s, all, published);
        }
        if (weekday) {
            weekdays(s, all, published);
        }
        return nonOverlapping(all);
    }

    private static final String[] MONTH_STEMS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec"};

    private static final String[] SAME_STEMS = {"same", "period", "quarter", "month", "week", "half-year"};
    private static final String[] PRIOR_STEMS = {"year", "period"};
    private static final String[] FIRST_MONTHS_STEMS = {"months"};
    private static final String[] HALF_QUARTER_STEMS = {"half", "quarter"};
    private static final String[] RANGE_STEMS = {"from", "between"};
    private static final String[] SINCE_STEMS = {"since"};
    private static final String[] RELATIVE_STEMS = {"year", "week", "month"};
    private static final String[] PAST_STEMS = {"past", "last", "previous"};

    /** The words the gates of {@link #find} ask about: substrings of the lower-case sentence. */
    private enum Cue {
        DAY("day"), SINCE("since"), SINCE_THE("since the"), MONTH("month"), SAME("same"), SAME_PERIOD("same period"),
        PERIOD("period"), QUARTER("quarter"), WEEK("week"), HALF("half"), HALF_YEAR("half-year"), YEAR("year"),
        YEAR_BEFORE("year before"), YEAR_EARLIER("year earlier"), YEAR_AGO("year ago"), PRIOR_YEAR("prior year"),
        PREVIOUS_YEAR("previous year"), FIRST("first"), LAST("last"), FROM("from"), BETWEEN("between"),
        PAST("past"), PREVIOUS("previous");

        final String text;

        Cue(String text) {
            this.text = text;
        }
    }

    /** The cues by their first two letters ('a'..'z' each), at 26 * first + second; null where none. */
    private static final Cue[][] CUES_BY_PAIR = new Cue[26 * 26][];

    static {
        for (Cue cue : Cue.values()) {
            int pair = 26 * (cue.text.charAt(0) - 'a') + (cue.text.charAt(1) - 'a');
            Cue[] old = CUES_BY_PAIR[pair] == null ? new Cue[0] : CUES_BY_PAIR[pair];
            Cue[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = cue;
            CUES_BY_PAIR[pair] = grown;
        }
    }

    /**
     * Which cues occur in the lower-case sentence, as bits by ordinal: one pass instead of one {@code contains}
     * per gate (each of which scanned the whole sentence). Every cue is at least three characters and starts with
     * two letters a-z, so a position is compared only where its two letters begin some cue.
     */
    private static long cues(String l) {
        long found = 0;
        int n = l.length();
        char c = n > 0 ? l.charAt(0) : ' ';
        for (int i = 0; i + 1 < n; i++) {
            char d = l.charAt(i + 1);
            if (c >= 'a' && c <= 'z' && d >= 'a' && d <= 'z') {
                Cue[] candidates = CUES_BY_PAIR[26 * (c - 'a') + (d - 'a')];
                if (candidates != null) {
                    for (Cue cue : candidates) {
                        if (l.startsWith(cue.text, i)) {
                            found |= 1L << cue.ordinal();
                        }
                    }
                }
            }
            c = d;
        }
        return found;
    }

    private static boolean has(long cues, Cue cue) {
        return (cues & (1L << cue.ordinal())) != 0;
    }


    /**
     * Regions of the sentence around each occurrence of a trigger word, merged: the expensive patterns only run
     * there, so matching costs what the triggers cost rather than a full scan per pattern.
     */
    private static List<int[]> windows(String s, String[] stems, int before, int after) {
        List<int[]> out = new ArrayList<>(4);
        for (String stem : stems) {
            for (int i = s.indexOf(stem); i >= 0; i = s.indexOf(stem, i + stem.length())) {
                out.add(new int[]{Math.max(0, i - before), Math.min(s.length(), i + stem.length() + after)});
            }
        }
        return merge(out);
    }

    /** Windows around lower-case triggers (the whole sentence when lower-casing changed its length). */
    private static List<int[]> lowerWindows(String s, String l, String[] stems, int before, int after) {
        if (l.length() != s.length()) {
            List<int[]> all = new ArrayList<>(1);
            all.add(new int[]{0, s.length()});
            return all;
        }
        return windows(l, stems, before, after);
    }

    private static List<int[]> yearWindows(String s) {
        List<int[]> out = new ArrayList<>(4);
        int run = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (run == 4) {
                    out.add(new int[]{Math.max(0, i - 4 - 16), Math.min(s.length(), i + 2)});
                }
                run = 0;
            }
        }
        return merge(out);
    }

    private static final Comparator<int[]> WINDOW_START = Comparator.comparingInt(w -> w[0]);

    private static List<int[]> merge(List<int[]> ws) {
        if (ws.size() < 2) {
            return ws;
        }
        ws.sort(WINDOW_START);
        List<int[]> out = new ArrayList<>(ws.size());
        int[] cur = ws.getFirst();
        for (int k = 1; k < ws.size(); k++) {
            int[] w = ws.get(k);
            if (w[0] <= cur[1]) {
                cur = new int[]{cur[0], Math.max(cur[1], w[1])};
            } else {
                out.add(cur);
                cur = w;
            }
        }
        out.add(cur);
        return out;
    }

    /**
     * Like {@link Matcher#find()}, but only inside the windows, with transparent bounds so that \\b still sees
     * the neighbours. The search resumes after the previous match.
     */
    private static boolean windowFind(Matcher m, String s, List<int[]> windows, MatchStarts starts) {
        if (m == null || windows.isEmpty()) {
            return false;
        }
        int pos = Math.max(0, lastEnd(m));
        for (int[] w : windows) {
            if (w[1] > pos && starts.find(m, s, Math.max(w[0], pos), w[1])) {
                return true;
            }
        }
        return false;
    }

    /** A matcher only where there is a window to search (most sentences have none for most patterns). */
    private static Matcher matcher(Pattern p, String s, List<int[]> windows) {
        return windows.isEmpty() ? null : p.matcher(s);
    }

    private static int lastEnd(Matcher m) {
        return m.hasMatch() ? m.end() : -1;
    }

    private static final int MONTH_NAME = 1;
    private static final int YEAR_NUMBER = 2;

    /**
     * In one pass (they were a pass each over every sentence): {@code MONTH_NAME} when a capital J, F, M, A, S, O,
     * N or D starts one of the month stems; {@code YEAR_NUMBER} when a run of exactly four digits starts 19 or 20.
     */
    private static int monthsAndYears(String s) {
        int n = s.length();
        int found = 0;
        int run = 0;
        for (int i = 0; i <= n && found != (MONTH_NAME | YEAR_NUMBER); i++) {
            char c = i < n ? s.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                run++;
                continue;
            }
            if (run == 4) {
                char a = s.charAt(i - 4);
                char b = s.charAt(i - 3);
                if ((a == '1' && b == '9') || (a == '2' && b == '0')) {
                    found |= YEAR_NUMBER;
                }
            }
            run = 0;
            if ((found & MONTH_NAME) == 0 && c >= 'A' && c <= 'Z' && i + 2 < n && startsMonthStem(s, i, c)) {
                found |= MONTH_NAME;
            }
        }
        return found;
    }

    private static boolean startsMonthStem(String s, int i, char c) {
        if (c == 'J' || c == 'F' || c == 'M' || c == 'A' || c == 'S' || c == 'O' || c == 'N' || c == 'D') {
            for (String stem : MONTH_STEMS) {
                if (stem.charAt(0) == c && s.charAt(i + 1) == stem.charAt(1) && s.charAt(i + 2) == stem.charAt(2)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> YEAR_PREPOSITIONS = Set.of("in", "during", "of", "for", "throughout");
    private static final Set<String> WEEKDAYS = Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "yesterday", "today", "Yesterday", "Today");

    private static final String[] MONTH_WORDS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
            "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."};
    private static final String[] MONTH_MODIFIERS = {"early ", "mid-", "late ", "the end of ", "the beginning of "};
    private static final String[] MONTH_PREPOSITIONS = {"in ", "during ", "of ", "for ", "throughout "};

    /**
     * Month names without regex: "July 16, 2024" / "on Feb. 3" (a day) and "(in) (late) January (2024)" (a month).
     */
    private static void months(String s, List<Span> out, LocalDate published) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c == 'J' || c == 'F' || c == 'M' || c == 'A' || c == 'S' || c == 'O' || c == 'N' || c == 'D')
                    || (i > 0 && isWordChar(s.charAt(i - 1)))) {
                continue;
            }
            String word = null;
            for (String mw : MONTH_WORDS) {
                int e = i + mw.length();
                if (s.startsWith(mw, i) && (mw.endsWith(".") || e >= n || !isWordChar(s.charAt(e)))) {
                    word = mw;
                    break;
                }
            }
            if (word == null) {
                continue;
            }
            int mo = month(word);
            int e = i + word.length();
            // a day: "July 16", "Feb. 3rd", "July 16, 2024"
            if (e + 1 < n && s.charAt(e) == ' ' && Chars.isDigit(s.charAt(e + 1))) {
                int d1 = e + 1;
                while (d1 < n && Chars.isDigit(s.charAt(d1)) && d1 - e <= 3) {
                    d1++;
                }
                if (d1 - (e + 1) <= 2 && (d1 >= n || !Chars.isDigit(s.charAt(d1)))) {
                    int day = Integer.parseInt(s, e + 1, d1, 10);
                    int end = d1;
                    if (end + 2 <= n && (s.startsWith("st", end) || s.startsWith("nd", end) || s.startsWith("rd", end)
                            || s.startsWith("th", end)) && (end + 2 == n || !isWordChar(s.charAt(end + 2)))) {
                        end += 2;
                    }
                    int year = -1;
                    if (end + 6 <= n && s.charAt(end) == ',' && s.charAt(end + 1) == ' ' && isYearAt(s, end + 2)) {
                        year = Integer.parseInt(s, end + 2, end + 6, 10);
                        end += 6;
                    }
                    if (end >= n || !isWordChar(s.charAt(end))) {
                        LocalDate d = safeDate(year > 0 ? year : latestYear(mo, published), mo, day);
                        if (d != null) {
                            add(out, i, end, d, d, published, true);
                        }
                    }
                }
            }
            // a month: "(in) (late) January (2024)"
            int end = e;
            int year = -1;
            if (end + 5 <= n && s.charAt(end) == ' ' && isYearAt(s, end + 1)) {
                year = Integer.parseInt(s, end + 1, end + 5, 10);
                end += 5;
            } else if (end + 6 <= n && s.charAt(end) == ',' && s.charAt(end + 1) == ' ' && isYearAt(s, end + 2)) {
                year = Integer.parseInt(s, end + 2, end + 6, 10);
                end += 6;
            }
            int start = backOver(s, i, MONTH_MODIFIERS);
            start = backOver(s, start, MONTH_PREPOSITIONS);
            Period p = Period.month(year > 0 ? year : latestYear(mo, published), mo);
            add(out, start, end, p.start(), p.end(), published, false);
            i = e - 1;
        }
    }

    /** Four digits 19xx or 20xx at k, not followed by another word character. */
    private static boolean isYearAt(String s, int k) {
        if (k + 4 > s.length()) {
            return false;
        }
        char a = s.charAt(k);
        char b = s.charAt(k + 1);
        return ((a == '1' && b == '9') || (a == '2' && b == '0')) && Chars.isDigit(s.charAt(k + 2))
                && Chars.isDigit(s.charAt(k + 3)) && (k + 4 == s.length() || !isWordChar(s.charAt(k + 4)));
    }

    /** Extends a span start back over one of the prefixes, when it stands at a word boundary. */
    private static int backOver(String s, int start, String[] prefixes) {
        for (String p : prefixes) {
            int k = start - p.length();
            if (k >= 0 && s.startsWith(p, k) && (k == 0 || !isWordChar(s.charAt(k - 1)))) {
                return k;
            }
        }
        return start;
    }

    /** "(in) 2023" without regex: four digits 19xx/20xx standing alone, not "2023-style" or "20234". */
    private static void years(String s, List<Span> out, LocalDate published) {
        int n = s.length();
        for (int i = 0; i + 4 <= n; i++) {
            char a = s.charAt(i);
            if ((a != '1' && a != '2') || (i > 0 && isWordChar(s.charAt(i - 1)))) {
                continue;
            }
            char b = s.charAt(i + 1);
            if (!((a == '1' && b == '9') || (a == '2' && b == '0')) || !Chars.isDigit(s.charAt(i + 2))
                    || !Chars.isDigit(s.charAt(i + 3))) {
                continue;
            }
            if (i + 4 < n && (isWordChar(s.charAt(i + 4)) || s.charAt(i + 4) == '-')) {
                continue;
            }
            int start = i;
            int w = i - 1;
            if (w > 0 && s.charAt(w) == ' ') {
                int ws = w;
                while (ws > 0 && Chars.isLetter(s.charAt(ws - 1))) {
                    ws--;
                }
                if (ws < w && YEAR_PREPOSITIONS.contains(s.substring(ws, w)) && (ws == 0 || !isWordChar(s.charAt(ws - 1)))) {
                    start = ws;
                }
            }
            Period y = Period.year(Integer.parseInt(s, i, i + 4, 10));
            add(out, start, i + 4, y.start(), y.end(), published, false);
            i += 3;
        }
    }

    /** Weekdays, "yesterday", "today": every word ending in "day" is looked up. */
    private static void weekdays(String s, List<Span> out, LocalDate published) {
        for (int i = s.indexOf("day"); i >= 0; i = s.indexOf("day", i + 3)) {
            int end = i + 3;
            if (end < s.length() && isWordChar(s.charAt(end))) {
                continue;
            }
            int start = i;
            while (start > 0 && Chars.isLetter(s.charAt(start - 1))) {
                start--;
            }
            if (start > 0 && isWordChar(s.charAt(start - 1))) {
                continue;
            }
            String w = s.substring(start, end);
            if (!WEEKDAYS.contains(w)) {
                continue;
            }
            String lw = w.toLowerCase(Locale.ROOT);
            LocalDate d = switch (lw) {
                case "today" -> published;
                case "yesterday" -> published.minusDays(1);
                default -> published.with(TemporalAdjusters.previousOrSame(DayOfWeek.valueOf(lw.toUpperCase(Locale.ROOT))));
            };
            add(out, start, end, d, d, published, true);
        }
    }

    private static boolean isWordChar(char c) {
        return Chars.isLetterOrDigit(c) || c == '_';
    }

    private static void add(List<Span> out, int start, int end, LocalDate a, LocalDate b, LocalDate published,
                            boolean day) {
        if (a.isAfter(published)) {
            return;
        }
        out.add(new Span(start, end, new Period(a, b.isAfter(published) ? published : b), day));
    }

    private static void add(List<Span> out, Matcher m, LocalDate a, LocalDate b, LocalDate published, boolean day) {
        if (a.isAfter(published)) {
            return; // the future is a projection, not a count
        }
        LocalDate end = b.isAfter(published) ? published : b;
        out.add(new Span(m.start(), m.end(), new Period(a, end), day));
    }

    private static final Comparator<Span> LONGEST_FIRST = Comparator.comparingInt((Span x) -> x.end() - x.start())
            .reversed().thenComparingInt(Span::start);
    private static final Comparator<Span> BY_START = Comparator.comparingInt(Span::start);

    /** Longest expression wins where two overlap ("the first six months of 2024" over "2024"). */
    private static List<Span> nonOverlapping(List<Span> all) {
        all.sort(LONGEST_FIRST);
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
        out.sort(BY_START);
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
        if (Chars.isDigit(s.charAt(0))) {
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

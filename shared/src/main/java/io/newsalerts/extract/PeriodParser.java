package io.newsalerts.extract;

import io.newsalerts.domain.Period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a sentence and resolves them against the publication date to inclusive periods.
 * No regular expressions: one pass over the sentence ({@link PeriodPhrases#scan}) finds the few words an expression
 * can begin at, and hand-written recognizers run only there, so a sentence without such words costs that pass.
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

    private PeriodParser() {
    }

    static List<Span> find(String s, LocalDate published) {
        return find(s, published, null);
    }

    private static final String[] PRIOR_PREPOSITIONS = {"in ", "during ", "over ", "for "};
    private static final String[] PRIOR_MONTH = {"the month before", "a month earlier", "a month before",
            "the previous month", "the prior month", "the preceding month"};
    private static final String[] PRIOR_QUARTER = {"the quarter before", "a quarter earlier", "the previous quarter",
            "the prior quarter", "the preceding quarter"};
    private static final String[] PRIOR_MONTHS = {"the previous ", "the prior ", "the preceding "};
    /** Counts of months, weeks or days written out: word k is k + 1. */
    private static final String[] COUNT_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve"};

    /**
     * The period of an elliptic comparison that counts back from the figure compared with, not from publication:
     * "up from 305 in the previous three months" after a third-quarter figure is the second quarter, "up from 38
     * the month before" after August is July. The phrase opens {@code text} at {@code from} (after spaces). Null
     * when none does, or {@code reference} does not start on the first of a month.
     */
    static Period monthsBefore(String text, int from, Period reference) {
        if (reference.start().getDayOfMonth() != 1) {
            return null;
        }
        int p = from;
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        for (String preposition : PRIOR_PREPOSITIONS) {
            if (text.regionMatches(true, p, preposition, 0, preposition.length())) {
                p += preposition.length();
                break;
            }
        }
        int months = phraseAt(text, p, PRIOR_MONTH) >= 0 ? 1 : phraseAt(text, p, PRIOR_QUARTER) >= 0 ? 3 : 0;
        int q = phraseAt(text, p, PRIOR_MONTHS);
        for (int n = 1; n < COUNT_WORDS.length && months == 0 && q >= 0; n++) { // from "two": "one months" is none
            int e = phraseAt(text, q, COUNT_WORDS[n]);
            if (e >= 0 && phraseAt(text, e, " months") >= 0) {
                months = n + 1;
            }
        }
        if (months == 0) {
            return null;
        }
        LocalDate start = reference.start();
        return new Period(start.minusMonths(months), start.minusDays(1));
    }

    /** "the three months to June", "the week to Sunday": a length, then "to" right before the month or day named. */
    private static final Pattern UP_TO = Pattern.compile(
            "(?:^|\\s)(?:the|a)\\s+(?:(\\d{1,2}|" + String.join("|", COUNT_WORDS) + ")\\s+)?"
                    + "(months?|weeks?|days|year|quarter)\\s+(?:to|ending|ended)\\s+$", Pattern.CASE_INSENSITIVE);

    /**
     * "in the three months to June", "in the week to Sunday", "the week ending Sunday": a period that ends with the
     * month or day {@code span} names and runs back the length said before it, over the whole phrase; {@code span}
     * itself when no such phrase ends at it. Periods run to the end of that month or day (cut at publication as the month or day was).
     */
    static Span upTo(String s, Span span) {
        int p = span.start();
        if (!(p >= 4 && s.regionMatches(true, p - 4, " to ", 0, 4) || p >= 7 && s.regionMatches(true, p - 7, " ended ", 0, 7)
                || p >= 8 && s.regionMatches(true, p - 8, " ending ", 0, 8))) {
            return span; // most time expressions follow no "to" ("the week ending Sunday", "the year ended June")
        }
        int from = Math.max(0, p - 40);
        Matcher m = UP_TO.matcher(s.substring(from, p));
        if (!m.find()) {
            return span;
        }
        String count = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
        int n = count == null ? 1 : Character.isDigit(count.charAt(0)) ? Integer.parseInt(count)
                : List.of(COUNT_WORDS).indexOf(count) + 1;
        if (n < 1) {
            return span;
        }
        LocalDate end = span.period().end();
        LocalDate start = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "month", "months" -> end.withDayOfMonth(1).minusMonths(n - 1);
            case "quarter" -> end.withDayOfMonth(1).minusMonths(3L * n - 1);
            case "year" -> end.withDayOfMonth(1).minusMonths(12L * n - 1);
            case "week", "weeks" -> end.minusDays(7L * n - 1);
            default -> end.minusDays(n - 1); // days
        };
        int phraseStart = from + m.start() + (Character.isWhitespace(s.charAt(from + m.start())) ? 1 : 0);
        return new Span(phraseStart, span.end(), new Period(start, end), false);
    }

    /**
     * The end of the first of {@code phrases} at {@code p} in any ASCII case, ending a word unless it ends with a
     * space; -1 if none.
     */
    private static int phraseAt(String s, int p, String... phrases) {
        for (String phrase : phrases) {
            int e = p + phrase.length();
            if (s.regionMatches(true, p, phrase, 0, phrase.length()) && (phrase.endsWith(" ") || e == s.length()
                    || !Character.isLetterOrDigit(s.charAt(e)))) {
                return e;
            }
        }
        return -1;
    }

    /**
     * @param previous the period the article last gave a figure for: "over the same period", "in the quarter"
     *                 refer back to it (null: such phrases are not periods)
     */
    static List<Span> find(String s, LocalDate published, Period previous) {
        return find(s, null, () -> s.toLowerCase(Locale.ROOT), published, previous);
    }

    /**
     * @param tokens the sentence's tokens, when the caller has them (null: none), which spare reading most of its
     *               words again
     * @param lower  gives {@code s.toLowerCase(Locale.ROOT)}, asked only when a phrase's gate needs it (most
     *               sentences open no phrase): the caller's, when the caller keeps the sentence's lower case anyway
     */
    static List<Span> find(String s, Tokens tokens, Supplier<String> lower, LocalDate published, Period previous) {
        // one pass finds the words an expression can begin with; most sentences have few, many none
        PeriodPhrases words = tokens != null ? PeriodPhrases.scan(s, tokens, previous != null)
                : PeriodPhrases.scan(s, previous != null);
        if (words.openers() == 0) {
            return List.of();
        }
        List<Span> all = new ArrayList<>();
        Gates gates = new Gates(s, lower, previous);
        for (Phrase phrase : PHRASES) {
            if (phrase == Phrase.FROM_TO && words.any(PeriodPhrases.HALF_OR_QUARTER_CODE)) {
                halfOrQuarterCodes(words, all, published); // their spans are listed here: ties go to the first
            }
            if (words.any(phrase.openers)) {
                phrases(phrase, words, gates, all, published, previous);
            }
        }
        for (int k = 0; words.any(PeriodPhrases.MONTH_NAME) && k < words.openers(); k++) {
            if (words.opens(k, PeriodPhrases.MONTH_NAME)) {
                monthAt(s, words.openerAt(k), all, published);
            }
        }
        for (int k = 0; words.any(PeriodPhrases.YEAR_NUMBER) && k < words.openers(); k++) {
            if (words.opens(k, PeriodPhrases.YEAR_NUMBER)) {
                yearAt(s, words.openerAt(k), all, published, gates);
            }
        }
        for (int k = 0; words.any(PeriodPhrases.WEEKDAY) && k < words.openers(); k++) {
            if (words.opens(k, PeriodPhrases.WEEKDAY)) {
                weekdayAt(s, words.openerAt(k), all, published);
            }
        }
        return nonOverlapping(all);
    }

    /**
     * The phrase recognizers, in the order their spans are listed (on a tie in length and start the first listed
     * wins), with where each may match: inside windows of {@code before}/{@code after} characters around its stems
     * in the lower-case sentence, when {@link Gates#open} says so. Those limits were the regex version's way to be
     * cheap; they stay because they decide some results ("the same quarter of the previous year" starts too far
     * before "year"), but are worked out only once a phrase has matched.
     */
    private enum Phrase {
        SAME(PeriodPhrases.SAME, 30, 30, "same", "period", "quarter", "month", "week", "half-year"),
        PRIOR(PeriodPhrases.PRIOR, 30, 40, "year", "period"),
        FIRST_MONTHS(PeriodPhrases.FIRST_MONTHS, 28, 32, "months"),
        HALF_QUARTER(PeriodPhrases.HALF_QUARTER, 25, 32, "half", "quarter"),
        FROM_TO(PeriodPhrases.RANGE, 2, 60, "from", "between"),
        BETWEEN_DATES(PeriodPhrases.RANGE, 2, 60, "from", "between"),
        SINCE_START(PeriodPhrases.SINCE, 2, 50, "since"),
        SINCE_MONTH(PeriodPhrases.SINCE, 2, 40, "since"),
        SINCE_WEEKDAY(PeriodPhrases.SINCE, 2, 20, "since"),
        SINCE_EVENT(PeriodPhrases.SINCE, 2, 110, "since"),
        SINCE_YEAR(PeriodPhrases.SINCE, 2, 12, "since"),
        RELATIVE(PeriodPhrases.RELATIVE, 20, 12, "year", "week", "month"),
        PAST(PeriodPhrases.PAST, 22, 30, "past", "last", "previous");

        /** The opening words ({@link PeriodPhrases} bits) a match begins with. */
        final int openers;
        final int before;
        final int after;
        final String[] stems;

        Phrase(int openers, int before, int after, String... stems) {
            this.openers = openers;
            this.before = before;
            this.after = after;
            this.stems = stems;
        }

        /** The end of the match at p that fits in [p, to), or -1. */
        int matchAt(PeriodPhrases m, int p, int to) {
            return switch (this) {
                case SAME -> m.sameAt(p, to);
                case PRIOR -> m.priorAt(p, to);
                case FIRST_MONTHS -> m.firstMonthsAt(p, to);
                case HALF_QUARTER -> m.halfQuarterAt(p, to);
                case FROM_TO -> m.fromToAt(p, to);
                case BETWEEN_DATES -> m.betweenDatesAt(p, to);
                case SINCE_START -> m.sinceStartAt(p, to);
                case SINCE_MONTH -> m.sinceMonthAt(p, to);
                case SINCE_WEEKDAY -> m.sinceWeekdayAt(p, to);
                case SINCE_EVENT -> m.sinceEventAt(p, to);
                case SINCE_YEAR -> m.sinceYearAt(p, to);
                case RELATIVE -> m.relativeAt(p, to);
                case PAST -> m.pastAt(p, to);
            };
        }

        /**
         * Whether the match at [start, end) is inside a window and its gate open, as follows from the match alone:
         * it holds its gate's cue words and a stem close enough to both ends (the windows are wide enough for the
         * longest match of most phrases). Where not, {@link Gates} works it out.
         */
        boolean evidentlyInWindow(PeriodPhrases m, int start, int end) {
            return switch (this) {
                case SAME -> end - start <= 34; // a stem starts 7-16 in: "same", "period"... ("in the same time")
                case PRIOR -> !m.sameAsPrior; // "the same quarter last year" may have no cue, or no stem near
                case RELATIVE -> m.relative != PeriodPhrases.SO_FAR_IN; // "so far in 2024" has no stem
                case SINCE_EVENT -> end - start <= 5 + 110; // 80 code points can be 160 chars
                default -> true;
            };
        }
    }

    private static final Phrase[] PHRASES = Phrase.values();

    /**
     * The matches of one phrase, left to right, each search resuming after the previous match: at the first opening
     * word that is inside one of the phrase's windows and where the phrase matches within that window.
     */
    private static void phrases(Phrase phrase, PeriodPhrases m, Gates gates, List<Span> all, LocalDate published,
                                Period previous) {
        int n = gates.s.length();
        int resume = 0;
        for (int k = 0; k < m.openers(); k++) {
            int p = m.openerAt(k);
            if (p < resume || !m.opens(k, phrase.openers)) {
                continue;
            }
            int end = phrase.matchAt(m, p, n);
            if (end < 0) {
                continue;
            }
            if (!phrase.evidentlyInWindow(m, p, end)) {
                int windowEnd = gates.windowEnd(phrase, p);
                if (windowEnd < 0 || (end > windowEnd && (end = phrase.matchAt(m, p, windowEnd)) < 0)) {
                    continue;
                }
            }
            resolve(phrase, m, p, end, all, published, previous);
            resume = end;
        }
    }

    /** The period a phrase names, from the parts its match left in {@code m}. */
    private static void resolve(Phrase phrase, PeriodPhrases m, int start, int end, List<Span> all, LocalDate published,
                                Period previous) {
        LocalDate p = published;
        switch (phrase) {
            case SAME -> {
                Period same = previous;
                if (m.sameYear != PeriodPhrases.ABSENT) {
                    for (int y = previous.start().getYear(); y > m.sameYear && y > 1900; y--) {
                        same = same.previousYear(); // "the same period of 2024" after Q1 2025
                    }
                }
                if (!same.start().isAfter(published)) {
                    all.add(new Span(start, end, same, same.days() == 1, true));
                }
            }
            case PRIOR -> {
                Period y = previous.previousYear();
                add(all, start, end, y.start(), y.end(), published, y.days() == 1);
            }
            case FIRST_MONTHS -> {
                int n = m.count;
                int year = yearRef(m.yearRef, published);
                if (n >= 1 && n <= 12) {
                    LocalDate a = m.first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31).minusMonths(n).plusDays(1);
                    LocalDate b = m.first ? LocalDate.of(year, n, 1).plusMonths(1).minusDays(1) : LocalDate.of(year, 12, 31);
                    if (m.yearRef == PeriodPhrases.ABSENT && !m.first) {
                        a = published.minusMonths(n).plusDays(1); // "the last six months": up to publication
                        b = published;
                    }
                    add(all, start, end, a, b, published, false);
                }
            }
            case HALF_QUARTER -> {
                int year = yearRef(m.yearRef, published);
                if (m.half) {
                    int h = m.finalOrdinal ? 2 : Math.min(m.ordinal, 2);
                    LocalDate a = LocalDate.of(year, h == 1 ? 1 : 7, 1);
                    add(all, start, end, a, a.plusMonths(6).minusDays(1), published, false);
                } else {
                    Period q = Period.quarter(year, m.ordinal);
                    add(all, start, end, q.start(), q.end(), published, false);
                }
            }
            case FROM_TO -> {
                int m1 = m.month1;
                int m2 = m.month2;
                int y2 = m.year2 != PeriodPhrases.ABSENT ? m.year2
                        : m.year1 != PeriodPhrases.ABSENT && m1 <= m2 ? m.year1 : latestYear(m2, published);
                int y1 = m.year1 != PeriodPhrases.ABSENT ? m.year1 : m1 <= m2 ? y2 : y2 - 1;
                LocalDate a = LocalDate.of(y1, m1, 1);
                LocalDate b = LocalDate.of(y2, m2, 1).plusMonths(1).minusDays(1);
                if (!b.isBefore(a)) {
                    add(all, start, end, a, b, published, false);
                }
            }
            case BETWEEN_DATES -> {
                int y2 = m.year2 != PeriodPhrases.ABSENT ? m.year2 : latestYear(m.month2, published);
                int y1 = m.year1 != PeriodPhrases.ABSENT ? m.year1 : m.month1 <= m.month2 ? y2 : y2 - 1;
                LocalDate a = safeDate(y1, m.month1, m.day1);
                LocalDate b = safeDate(y2, m.month2, m.day2);
                if (a != null && b != null && !b.isBefore(a)) {
                    add(all, start, end, a, b, published, false);
                }
            }
            case SINCE_START -> {
                int year = m.year1 != PeriodPhrases.ABSENT ? m.year1 : published.getYear();
                add(all, start, end, LocalDate.of(year, 1, 1), published, published, false);
            }
            case SINCE_WEEKDAY -> {
                LocalDate d = latest(m.weekday, published);
                add(all, start, end, d, published, published, false);
            }
            case SINCE_MONTH, SINCE_EVENT -> {
                int year = m.year1 != PeriodPhrases.ABSENT ? m.year1 : latestYear(m.month1, published);
                LocalDate a = safeDate(year, m.month1, m.day1 != PeriodPhrases.ABSENT ? m.day1 : 1);
                if (a != null) {
                    add(all, start, end, a, published, published, false);
                }
            }
            case SINCE_YEAR -> add(all, start, end, LocalDate.of(m.year1, 1, 1), published, published, false);
            case RELATIVE -> {
                String r = PeriodPhrases.RELATIVE_PHRASES[m.relative];
                switch (r == null ? "so far in" : r) {
                    case "so far this year", "this year", "year to date" ->
                            add(all, start, end, p.withDayOfYear(1), p, p, false);
                    case "last year", "the previous year" -> {
                        Period y = Period.year(p.getYear() - 1);
                        add(all, start, end, y.start(), y.end(), p, false);
                    }
                    case "last week", "previous week" -> {
                        LocalDate mon = p.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                        add(all, start, end, mon, mon.plusDays(6), p, false);
                    }
                    case "last month", "previous month" -> {
                        LocalDate first = p.withDayOfMonth(1).minusMonths(1);
                        add(all, start, end, first, first.plusMonths(1).minusDays(1), p, false);
                    }
                    case "this month" -> add(all, start, end, p.withDayOfMonth(1), p, p, false);
                    case "this week" ->
                            add(all, start, end, p.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), p, p, false);
                    default -> add(all, start, end, LocalDate.of(m.year1, 1, 1), p, p, false); // so far in 2024
                }
            }
            case PAST -> {
                int n = m.count == PeriodPhrases.ABSENT ? 1 : m.count;
                String unit = m.unit;
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
                    add(all, start, end, a, p, p, false);
                }
            }
        }
    }

    /** "H1 2024", "Q3 2023": not limited to windows, and no two can overlap. */
    private static void halfOrQuarterCodes(PeriodPhrases m, List<Span> all, LocalDate published) {
        for (int k = 0; k < m.openers(); k++) {
            int p = m.openerAt(k);
            int end = m.opens(k, PeriodPhrases.HALF_OR_QUARTER_CODE) ? m.halfOrQuarterCodeAt(p) : -1;
            if (end < 0) {
                continue;
            }
            int year = m.year1;
            if (m.code == 'H' && m.ordinal <= 2) {
                LocalDate a = LocalDate.of(year, m.ordinal == 1 ? 1 : 7, 1);
                add(all, p, end, a, a.plusMonths(6).minusDays(1), published, false);
            } else if (m.code == 'Q') {
                Period q = Period.quarter(year, m.ordinal);
                add(all, p, end, q.start(), q.end(), published, false);
            }
        }
    }

    /**
     * Whether a phrase may match where it did: the cue words it needs occur in the sentence, and it starts and ends
     * inside one of its windows. Worked out on the first match that asks, which most sentences never make.
     */
    private static final class Gates {
        final String s;
        private final Supplier<String> lower;
        /** {@code s} lower-cased, on first need. */
        private String l;
        final Period previous;
        private long cues = -1;
        private int dates = -1;
        private List<int[]>[] windows;

        Gates(String s, Supplier<String> lower, Period previous) {
            this.s = s;
            this.lower = lower;
            this.previous = previous;
        }

        /** The end of the phrase's window holding p, or -1 when none does. */
        @SuppressWarnings("unchecked")
        int windowEnd(Phrase phrase, int p) {
            if (windows == null) {
                windows = new List[PHRASES.length];
            }
            List<int[]> ws = windows[phrase.ordinal()];
            if (ws == null) {
                ws = open(phrase) ? lowerWindows(s, lower(), phrase.stems, phrase.before, phrase.after) : List.of();
                windows[phrase.ordinal()] = ws;
            }
            for (int[] w : ws) {
                if (w[0] <= p && p < w[1]) {
                    return w[1];
                }
            }
            return -1;
        }

        /** The old gates: whether the phrase is looked for at all. */
        private boolean open(Phrase phrase) {
            return switch (phrase) {
                case SAME -> previous != null && (has(Cue.SAME) || has(Cue.PERIOD) || has(Cue.QUARTER)
                        || has(Cue.MONTH) || has(Cue.WEEK) || has(Cue.HALF_YEAR));
                case PRIOR -> previous != null && (has(Cue.YEAR_BEFORE) || has(Cue.YEAR_EARLIER)
                        || has(Cue.YEAR_AGO) || has(Cue.PRIOR_YEAR) || has(Cue.PREVIOUS_YEAR) || has(Cue.SAME_PERIOD));
                case FIRST_MONTHS -> has(Cue.MONTH) && (has(Cue.FIRST) || has(Cue.LAST));
                case HALF_QUARTER -> has(Cue.HALF) || has(Cue.QUARTER);
                case FROM_TO, BETWEEN_DATES -> hasMonth() && (has(Cue.FROM) || has(Cue.BETWEEN));
                case SINCE_START -> has(Cue.SINCE) && has(Cue.SINCE_THE);
                case SINCE_MONTH, SINCE_EVENT -> has(Cue.SINCE) && hasMonth();
                case SINCE_WEEKDAY -> has(Cue.SINCE) && has(Cue.DAY);
                case SINCE_YEAR -> has(Cue.SINCE) && hasYear();
                case RELATIVE -> has(Cue.YEAR) || has(Cue.WEEK) || has(Cue.MONTH);
                case PAST -> has(Cue.PAST) || has(Cue.LAST) || has(Cue.PREVIOUS);
            };
        }

        private boolean has(Cue cue) {
            if (cues < 0) {
                cues = cues(lower()); // fewer cues than 63: never negative
            }
            return (cues & (1L << cue.ordinal())) != 0;
        }

        private String lower() {
            if (l == null) {
                l = lower.get();
            }
            return l;
        }

        boolean hasMonth() {
            return (dates() & MONTH_NAME) != 0;
        }

        boolean hasYear() {
            return (dates() & YEAR_NUMBER) != 0;
        }

        private int dates() {
            if (dates < 0) {
                dates = monthsAndYears(s);
            }
            return dates;
        }
    }

    private static final String[] MONTH_STEMS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec"};

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

    private static final String[] YEAR_PREPOSITIONS = {"in", "during", "of", "for", "throughout"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "yesterday", "today", "Yesterday", "Today"};

    private static final String[] MONTH_MODIFIERS = {"early ", "mid-", "late ", "the end of ", "the beginning of "};
    private static final String[] MONTH_PREPOSITIONS = {"in ", "during ", "of ", "for ", "throughout "};

    /**
     * A month name at i: "July 16, 2024" / "on Feb. 3" (a day) and "(in) (late) January (2024)" (a month).
     */
    private static void monthAt(String s, int i, List<Span> out, LocalDate published) {
        int n = s.length();
        char c = s.charAt(i);
        if (!(c == 'J' || c == 'F' || c == 'M' || c == 'A' || c == 'S' || c == 'O' || c == 'N' || c == 'D')
                || (i > 0 && isWordChar(s.charAt(i - 1)))) {
            return;
        }
        String word = null;
        int mo = 0;
        for (int k = 0; k < PeriodPhrases.MONTHS.length && word == null; k++) {
            String mw = PeriodPhrases.MONTHS[k];
            int e = i + mw.length();
            if (mw.charAt(0) == c && s.startsWith(mw, i) && (mw.endsWith(".") || e >= n || !isWordChar(s.charAt(e)))) {
                word = mw;
                mo = PeriodPhrases.MONTH_NUMBERS[k];
            }
        }
        if (word == null) {
            return;
        }
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

    /**
     * "(in) 2023" at i: four digits 19xx/20xx standing alone, not "2023-style" or "20234". Years written with
     * other digits than ASCII ("20٢٤") count only when the sentence also has an ASCII one, as before.
     */
    private static void yearAt(String s, int i, List<Span> out, LocalDate published, Gates gates) {
        int n = s.length();
        if (i + 4 > n) {
            return;
        }
        char a = s.charAt(i);
        if ((a != '1' && a != '2') || (i > 0 && isWordChar(s.charAt(i - 1)))) {
            return;
        }
        char b = s.charAt(i + 1);
        char c = s.charAt(i + 2);
        char d = s.charAt(i + 3);
        if (!((a == '1' && b == '9') || (a == '2' && b == '0')) || !Chars.isDigit(c) || !Chars.isDigit(d)) {
            return;
        }
        if (i + 4 < n && (isWordChar(s.charAt(i + 4)) || s.charAt(i + 4) == '-')) {
            return;
        }
        if ((c >= 0x80 || d >= 0x80) && !gates.hasYear()) {
            return;
        }
        int start = i;
        int w = i - 1;
        if (w > 0 && s.charAt(w) == ' ') {
            int ws = w;
            while (ws > 0 && Chars.isLetter(s.charAt(ws - 1))) {
                ws--;
            }
            if (ws < w && isYearPreposition(s, ws, w) && (ws == 0 || !isWordChar(s.charAt(ws - 1)))) {
                start = ws;
            }
        }
        Period y = Period.year(Integer.parseInt(s, i, i + 4, 10));
        add(out, start, i + 4, y.start(), y.end(), published, false);
    }

    private static boolean isYearPreposition(String s, int from, int to) {
        for (String p : YEAR_PREPOSITIONS) {
            if (p.length() == to - from && s.startsWith(p, from)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A weekday, "yesterday" or "today" at i: the whole word (letters of any script count, so "éMonday" is not one).
     */
    private static void weekdayAt(String s, int i, List<Span> out, LocalDate published) {
        if (i > 0 && isWordChar(s.charAt(i - 1))) {
            return;
        }
        char c = s.charAt(i);
        for (int k = 0; k < WEEKDAYS.length; k++) {
            String w = WEEKDAYS[k];
            int end = i + w.length();
            if (w.charAt(0) == c && s.startsWith(w, i) && (end == s.length() || !isWordChar(s.charAt(end)))) {
                LocalDate d = switch (w) {
                    case "today", "Today" -> published;
                    case "yesterday", "Yesterday" -> published.minusDays(1);
                    default -> latest(DayOfWeek.of(k + 1), published);
                };
                add(out, i, end, d, d, published, true);
                return;
            }
        }
    }

    /** The latest such day on or before publication: {@code previousOrSame}, without its adjuster lambda. */
    private static LocalDate latest(DayOfWeek day, LocalDate published) {
        return published.minusDays((published.getDayOfWeek().getValue() - day.getValue() + 7) % 7);
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

    /** Longest expression wins where two overlap ("the first six months of 2024" over "2024"). */
    private static List<Span> nonOverlapping(List<Span> all) {
        if (all.size() < 2) {
            return all;
        }
        sortStably(all, true);
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
        sortStably(out, false);
        return out;
    }

    /**
     * Longest first, then by start ({@code longestFirst}), or by start; equal ones keep their order (the first
     * found wins a tie). An insertion sort: the lists are a few spans, and comparator chains cost calls under C1.
     */
    private static void sortStably(List<Span> spans, boolean longestFirst) {
        for (int k = 1; k < spans.size(); k++) {
            Span x = spans.get(k);
            int j = k - 1;
            while (j >= 0 && before(x, spans.get(j), longestFirst)) {
                spans.set(j + 1, spans.get(j));
                j--;
            }
            spans.set(j + 1, x);
        }
    }

    private static boolean before(Span a, Span b, boolean longestFirst) {
        if (longestFirst) {
            int la = a.end() - a.start();
            int lb = b.end() - b.start();
            if (la != lb) {
                return la > lb;
            }
        }
        return a.start() < b.start();
    }

    /** YEAR_REF as {@link PeriodPhrases} leaves it: a year, "this year"/"the year", "last year"/"the previous year", or none. */
    private static int yearRef(int ref, LocalDate published) {
        return switch (ref) {
            case PeriodPhrases.ABSENT, PeriodPhrases.THIS_YEAR -> published.getYear();
            case PeriodPhrases.LAST_YEAR -> published.getYear() - 1;
            default -> ref;
        };
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
}

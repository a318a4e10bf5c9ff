package io.newsalerts.extract;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The phrase-shaped time expressions of {@link PeriodParser} ("the first six months of 2024", "since October",
 * "over the same period"), recognized by hand instead of by regular expressions.
 *
 * <p>Each {@code xxxAt(p, to)} answers exactly what the regular expression it replaced answered for
 * {@code matcher.region(p, to).lookingAt()} with transparent bounds (the grammar is quoted above each method): the
 * end of the match, or -1, with the parts the period is computed from left in the fields below. So nothing is
 * consumed at or past {@code to}, while {@code \b} and {@code (?!\d)} look at the whole sentence. The expressions
 * compare ASCII letters only (CASE_INSENSITIVE without UNICODE_CASE, {@code \d}, {@code \w}).
 *
 * <p>{@link #scan} finds, in one pass over the sentence, the word starts each recognizer can begin at, so that a
 * sentence without such words costs one pass.
 */
final class PeriodPhrases {

    // what a time expression can begin with, as bits (see scan)
    static final int SAME = 1;
    static final int PRIOR = 1 << 1;
    static final int FIRST_MONTHS = 1 << 2;
    static final int HALF_QUARTER = 1 << 3;
    static final int HALF_OR_QUARTER_CODE = 1 << 4;
    static final int RANGE = 1 << 5;
    static final int SINCE = 1 << 6;
    static final int RELATIVE = 1 << 7;
    static final int PAST = 1 << 8;
    static final int MONTH_NAME = 1 << 9;
    static final int YEAR_NUMBER = 1 << 10;
    static final int WEEKDAY = 1 << 11;

    private static final String[] ORDINALS = {"first ", "second ", "third ", "fourth ", "final ", "1st ", "2nd ",
            "3rd ", "4th "};
    private static final int[] ORDINAL_VALUES = {1, 2, 3, 4, 4, 1, 2, 3, 4};
    private static final int FINAL = 4;
    private static final String[] NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "twenty", "thirty", "sixty", "ninety"};
    private static final int[] NUMBER_VALUES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 30, 60, 90};
    /** The month alternatives of the old MONTH group, in its order (the first that matches is taken). */
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
            "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."};
    static final int[] MONTH_NUMBERS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"};
    private static final String[] PAST_UNITS = {"days", "day", "weeks", "week", "months", "month", "years", "year",
            "24 hours", "48 hours", "hours"};
    private static final String[] SAME_UNITS = {"period", "months", "month", "quarter", "half", "year", "weeks",
            "week", "time", "span", "timeframe", "stretch", "days"};
    /** The counts of months a reference back may name: "over the same six months", "over the nine months". */
    private static final List<String> SAME_MONTH_COUNTS = List.of("two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven");
    private static final String[] SAME_PERIODS = Stream.of(Stream.of("period", "quarter", "half-year"),
            SAME_MONTH_COUNTS.stream().map(w -> w + " months"), Stream.of("week", "month")).flatMap(x -> x)
            .toArray(String[]::new);
    private static final String[] PRIOR_PHRASES = {"the year before", "a year earlier", "a year before", "a year ago",
            "the prior year", "the previous year"};
    private static final String[] PRIOR_SAME_UNITS = {"period ", "quarter ", "months ", "month ", "time ",
            "stretch "};
    private static final String[] PRIOR_SAME_TAILS = {"last year", "a year earlier", "a year ago", "the year before",
            "of the previous year", "of last year", "of the prior year", "in the previous year", "in last year",
            "in the prior year"};
    /** The old RELATIVE alternatives without "so far in YEAR" (second in its order), as {@link #relative} numbers. */
    static final String[] RELATIVE_PHRASES = {"so far this year", null, "this year", "last year", "the previous year",
            "year to date", "last week", "last month", "this month", "this week", "previous week", "previous month"};
    static final int SO_FAR_IN = 1;

    /** YEAR_REF's "this year" / "the year" and "last year" / "the previous year" in {@link #yearRef}. */
    static final int THIS_YEAR = -2;
    static final int LAST_YEAR = -3;
    static final int ABSENT = -1;

    // alternatives, in the order of the old patterns
    private static final String[] SAME_PREPOSITIONS = {"in ", "during ", "over ", "for ", "within ", "across ",
            "from ", "of "};
    private static final String[] SAME_DETERMINERS = {"the ", "that ", "this "};
    private static final String[] SINCE_STARTS = {"start ", "beginning "};
    private static final String[] START_YEARS = {"the year", "this year"};
    private static final String[] DAY_SUFFIXES = {"st", "nd", "rd", "th"};
    private static final String[] EVENT_DETERMINERS = {"the ", "a ", "an ", "his ", "her ", "their ", "its ", "it ",
            "they "};
    private static final String[] IN_OR_ON = {"in ", "on "};
    private static final String[] PAST_PREPOSITIONS = {"in ", "over ", "during ", "for ", "within "};
    private static final String[] PAST_WORDS = {"past ", "last ", "previous "};
    private static final String[] MODIFIERS = {"early ", "mid-", "late "};
    private static final String[] CONNECTORS = {"to", "through", "until", "till", "and"};
    private static final String[] THIS_YEAR_REFS = {"this year", "the year"};
    private static final String[] LAST_YEAR_REFS = {"last year", "the previous year"};

    private final String s;
    private final int n;
    /** Whether SAME and PRIOR, which refer back to a period, are looked for. */
    private final boolean anaphora;
    // the last two words of the table read (start, end, classes), waiting for the words after them to know what
    // they open; start -1: none
    private int at0 = -1;
    private int end0 = -1;
    private int classes0;
    private int at1 = -1;
    private int end1 = -1;
    private int classes1;
    /** The end of the region the current match must fit in. */
    private int to;

    // word starts that can open an expression, ascending, and what each can open
    private int[] openerAt;
    private int[] opens;
    private int openerCount;
    private int allOpens;

    // the parts of the last match (the groups of the old expression); ABSENT where the match has none
    int month1;
    int day1;
    int year1;
    int month2;
    int day2;
    int year2;
    /** NUM: "six", "24". */
    int count;
    /** A year number, THIS_YEAR or LAST_YEAR (YEAR_REF). */
    int yearRef;
    /** "first" rather than "last" (FIRST_MONTHS); "final" (HALF_QUARTER). */
    boolean first;
    boolean finalOrdinal;
    /** 1..4 ("first", "2nd", "fourth"...). */
    int ordinal;
    /** "half" rather than "quarter". */
    boolean half;
    /** 'H' or 'Q'. */
    char code;
    DayOfWeek weekday;
    /** Index into {@link #RELATIVE_PHRASES}. */
    int relative;
    /** A PAST_UNITS entry. */
    String unit;
    /** PRIOR's "the same quarter last year" rather than "a year earlier". */
    boolean sameAsPrior;
    /** SAME's year, in "the same period of 2024" (else {@link #ABSENT}). */
    int sameYear;

    // what a word can be in a time expression, as bits (a word can be several things)
    private static final int W_THE = 1;
    private static final int W_A = 1 << 1;
    /** in, over, during, for, within (PAST). */
    private static final int W_PAST_PREPOSITION = 1 << 2;
    /** in, during, over, for, within, across, from, of (SAME). */
    private static final int W_SAME_PREPOSITION = 1 << 3;
    /** the, that, this. */
    private static final int W_DETERMINER = 1 << 4;
    private static final int W_FIRST_OR_LAST = 1 << 5;
    /** first, second, third, fourth, final, 1st..4th. */
    private static final int W_ORDINAL = 1 << 6;
    /** half, quarter, and words starting "quarter" (HALF_QUARTER has no \b after it). */
    private static final int W_HALF_OR_QUARTER = 1 << 7;
    private static final int W_PREVIOUS = 1 << 8;
    private static final int W_YEAR = 1 << 9;
    private static final int W_WEEK_OR_MONTH = 1 << 10;
    private static final int W_PRIOR_OR_SAME = 1 << 11;
    private static final int W_SO = 1 << 12;
    private static final int W_FAR = 1 << 13;
    private static final int W_TO = 1 << 14;
    private static final int W_THIS = 1 << 15;
    private static final int W_LAST = 1 << 16;
    private static final int W_SINCE = 1 << 17;
    private static final int W_FROM_OR_BETWEEN = 1 << 18;
    /** A capitalized month name or abbreviation ("Sept" of "Sept."). */
    private static final int W_MONTH = 1 << 19;
    /** early, mid (of "mid-"), late. */
    private static final int W_MODIFIER = 1 << 20;
    /** A weekday, yesterday, today, in any case. */
    private static final int W_WEEKDAY = 1 << 21;
    /** NUM: a number word, or one to three digits. */
    private static final int W_NUMBER = 1 << 22;
    private static final int W_PAST = 1 << 23;
    private static final int W_MONTHS = 1 << 24;
    /** What SAME has after its determiner: same, period, quarter, half(-year), six or three (months), week, month. */
    private static final int W_SAME_UNIT = 1 << 25;
    /**
     * Digits starting with 1 or 2, which may begin a year: "2024", "20٢٤" (PeriodParser's years() reads any digits).
     */
    private static final int W_YEAR_DIGITS = 1 << 26;
    /** "H1", "Q3" and the like. */
    private static final int W_HALF_OR_QUARTER_CODE = 1 << 27;

    /**
     * The classes that open a phrase by themselves ({@link #ownOpens}) and that no phrase reads after another word
     * (in {@link #opens}): a word of these only is no neighbour of the words around it.
     */
    private static final int LONE = W_YEAR_DIGITS | W_HALF_OR_QUARTER_CODE | W_SINCE | W_WEEKDAY;

    /** The next words the rules of {@link #opens} read when they read no third word ("so far", "from May"). */
    private static final int SECOND_OF_TWO = W_HALF_OR_QUARTER | W_FAR | W_YEAR | W_WEEK_OR_MONTH | W_TO | W_MONTH
            | W_MODIFIER | W_PREVIOUS | W_PRIOR_OR_SAME;

    private static final int PAST_AND_SAME = W_PAST_PREPOSITION | W_SAME_PREPOSITION;
    /** The words that matter where a phrase can begin, with what each is. */
    private static final String[] PHRASE_WORDS = {"the", "a", "in", "over", "during",
            "for", "within", "across", "of", "from", "between", "that", "this", "first", "last", "second", "third",
            "fourth", "final", "half", "quarter", "previous", "year", "week", "month", "months", "prior", "same",
            "period", "past", "so", "far", "to", "since", "early", "mid", "late"};
    private static final int[] PHRASE_WORD_CLASSES = {W_THE | W_DETERMINER, W_A, PAST_AND_SAME, PAST_AND_SAME, PAST_AND_SAME, PAST_AND_SAME, PAST_AND_SAME, W_SAME_PREPOSITION,
            W_SAME_PREPOSITION, W_SAME_PREPOSITION | W_FROM_OR_BETWEEN, W_FROM_OR_BETWEEN, W_DETERMINER,
            W_DETERMINER | W_THIS, W_FIRST_OR_LAST | W_ORDINAL, W_FIRST_OR_LAST | W_LAST, W_ORDINAL, W_ORDINAL,
            W_ORDINAL, W_ORDINAL, W_HALF_OR_QUARTER | W_SAME_UNIT, W_HALF_OR_QUARTER | W_SAME_UNIT, W_PREVIOUS,
            W_YEAR, W_WEEK_OR_MONTH | W_SAME_UNIT, W_WEEK_OR_MONTH | W_SAME_UNIT, W_MONTHS, W_PRIOR_OR_SAME,
            W_PRIOR_OR_SAME | W_SAME_UNIT, W_SAME_UNIT, W_PAST, W_SO, W_FAR, W_TO, W_SINCE, W_MODIFIER, W_MODIFIER,
            W_MODIFIER};
    private static final String[] MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sept", "sep", "oct", "nov", "dec"};
    /** "H1", "Q3" (in either case here: {@link #halfOrQuarterCodeAt} asks for the capital). */
    private static final String[] HALF_OR_QUARTER_CODES = {"h1", "h2", "h3", "h4", "q1", "q2", "q3", "q4"};
    private static final String[] WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "yesterday", "today"};

    /**
     * The words above by the hash of their letters ({@link #hash}), open addressing: hash, length and classes (0:
     * empty). Words of equal hash and length share their classes, so a look-up never misses a word; it may take
     * another word for one, which only makes a recognizer look (and reject).
     */
    private static final int[] TABLE_HASHES = new int[512];
    private static final byte[] TABLE_LENGTHS = new byte[512];
    private static final int[] TABLE_CLASSES = new int[512];

    static {
        for (int k = 0; k < PHRASE_WORDS.length; k++) {
            addWord(PHRASE_WORDS[k], PHRASE_WORD_CLASSES[k]);
        }
        for (String w : MONTH_WORDS) {
            addWord(w, W_MONTH);
        }
        for (String w : WEEKDAY_WORDS) {
            addWord(w, W_WEEKDAY);
        }
        for (String w : HALF_OR_QUARTER_CODES) {
            addWord(w, W_HALF_OR_QUARTER_CODE);
        }
        for (String w : NUMBER_WORDS) {
            // "over the same six months", "over the nine months": a count of months can follow a determiner
            addWord(w, SAME_MONTH_COUNTS.contains(w) ? W_NUMBER | W_SAME_UNIT : W_NUMBER);
        }
    }

    private static void addWord(String w, int classes) {
        int h = 0;
        for (int j = 0; j < w.length(); j++) {
            h = hash(h, w.charAt(j));
        }
        int slot = h & 511;
        while (TABLE_CLASSES[slot] != 0 && !(TABLE_HASHES[slot] == h && TABLE_LENGTHS[slot] == w.length())) {
            slot = (slot + 1) & 511;
        }
        TABLE_HASHES[slot] = h;
        TABLE_LENGTHS[slot] = (byte) w.length();
        TABLE_CLASSES[slot] |= classes;
    }

    private static int hash(int h, char c) {
        return 31 * h + (c | 0x20); // folds ASCII case
    }

    private PeriodPhrases(String s, boolean anaphora) {
        this.s = s;
        this.n = s.length();
        this.anaphora = anaphora;
    }

    /**
     * One pass over the sentence, a word (run of ASCII word characters) at a time: each is looked up by a hash of
     * its letters, and a word opens a phrase only when the next two words (after single spaces) can follow it
     * there ("in" opens PAST only before "the past", "the last" or "the previous"), so that recognizers run at
     * very few places.
     */
    static PeriodPhrases scan(String s, boolean anaphora) {
        PeriodPhrases p = new PeriodPhrases(s, anaphora);
        p.words(0, s.length());
        p.settle();
        return p;
    }

    /**
     * As {@link #scan(String, boolean)}, with the words read off the sentence's tokens where they are the same: a
     * plain token (ASCII letters and digits) is one word, hashed already, and only the others' characters are
     * read. The pass over every character was a tenth of the extractor's time. Words run across tokens only
     * where two tokens touch with word characters ("foo_bar"); then the characters decide.
     */
    static PeriodPhrases scan(String s, Tokens tokens, boolean anaphora) {
        PeriodPhrases p = new PeriodPhrases(s, anaphora);
        int previousEnd = -1;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            int start = t.start();
            if (start == previousEnd && Chars.isRegexWord(s.charAt(start - 1))
                    && Chars.isRegexWord(s.charAt(start))) {
                return scan(s, anaphora);
            }
            if (t.plain()) {
                p.word(start, t.end(), t.plainHash(), t.type() != Token.Type.WORD); // a plain word starts with a letter
            } else {
                p.words(start, t.end());
            }
            previousEnd = t.end();
        }
        p.settle();
        return p;
    }

    /** Every word of s[from, to), where neither the character before nor the one at {@code to} is a word's. */
    private void words(int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (!Chars.isRegexWord(c)) {
                i++;
                continue;
            }
            int h = c | 0x20; // hash(0, c), written out like the rest of this loop: C1 inlines little
            int j = i + 1;
            char d;
            while (j < to && Chars.isRegexWord(d = s.charAt(j))) {
                h = 31 * h + (d | 0x20);
                j++;
            }
            word(i, j, h, c <= '9'); // a word starts with a digit, a letter or '_'; only digits are below 'A'
            i = j;
        }
    }

    /**
     * The word s[i, j), {@code h} the hash of its letters. Most words are no word of a time expression, and some
     * open one by themselves and are read after no other word ({@link #LONE}): either only settles what the words
     * waiting open. Kept small, so that the JIT inlines it into the pass.
     */
    private void word(int i, int j, int h, boolean number) {
        int classes = classes(s, i, j, h, number);
        if ((classes & ~LONE) != 0) {
            await(i, j, classes);
            return;
        }
        if (at1 >= 0) {
            settle();
        }
        if (classes != 0) {
            addOpener(i, ownOpens(classes));
        }
    }

    /**
     * What the word s[i, j) can be in a time expression, as W_ bits: {@code h} the hash of its letters,
     * {@code number} whether it starts with a digit. A word of letters is read by its hash alone unless it is long
     * or a month name, so that most words cost no read of their characters.
     */
    private static int classes(String s, int i, int j, int h, boolean number) {
        if (number) {
            // "2024" (or "20٢٤"), "3rd", "24"
            char c = s.charAt(i);
            int classes = c == '1' || c == '2' ? W_YEAR_DIGITS : 0;
            return classes | (j - i <= 3 && allDigits(s, i, j) ? W_NUMBER : isOrdinal(s, i, j) ? W_ORDINAL : 0);
        }
        int classes = 0;
        if (j - i <= 9) { // longer than "wednesday", "september": not a word of the table
            for (int slot = h & 511; TABLE_CLASSES[slot] != 0; slot = (slot + 1) & 511) {
                if (TABLE_HASHES[slot] == h && TABLE_LENGTHS[slot] == j - i) {
                    classes = TABLE_CLASSES[slot];
                    break;
                }
            }
            if (classes == W_MONTH && s.charAt(i) > 'Z') {
                classes = 0; // "may", "march": month names are capitalized
            }
        }
        if (classes == 0 && j - i > 6) {
            // no \b after "quarter" (HALF_QUARTER) nor "months" (FIRST_MONTHS): "the first quarterly"
            char first = (char) (s.charAt(i) | 0x20);
            classes = first == 'm' && sameIgnoringCase(s, i, "months") ? W_MONTHS
                    : first == 'q' && j - i > 7 && sameIgnoringCase(s, i, "quarter") ? W_HALF_OR_QUARTER : 0;
        }
        return classes;
    }

    /** A word of a time expression at [i, j): what the word two before it opens, now that the two after it are read. */
    private void await(int i, int j, int classes) {
        if (at0 >= 0) {
            boolean adjacent = follows(s, end0, at1);
            addOpener(at0, opens(classes0, adjacent ? classes1 : 0, adjacent && follows(s, end1, i) ? classes : 0,
                    anaphora));
        }
        at0 = at1;
        end0 = end1;
        classes0 = classes1;
        at1 = i;
        end1 = j;
        classes1 = classes;
    }

    /**
     * What the words waiting open, when no word of a time expression follows them (a word of none, or the end of
     * the sentence): none waits after.
     */
    private void settle() {
        if (at0 >= 0) {
            addOpener(at0, opens(classes0, follows(s, end0, at1) ? classes1 : 0, 0, anaphora));
        }
        if (at1 >= 0) {
            addOpener(at1, opens(classes1, 0, 0, anaphora));
        }
        at0 = -1;
        at1 = -1;
    }

    /** Whether the word at {@code next} comes right after a single space at {@code end}. */
    private static boolean follows(String s, int end, int next) {
        return next == end + 1 && s.charAt(end) == ' ';
    }

    /**
     * What a word of these classes opens, given the classes of the next two words (0: none, or not after a single
     * space).
     */
    private static int opens(int word, int next, int after, boolean anaphora) {
        int opens = ownOpens(word);
        if (next == 0 || after == 0 && !has(next, SECOND_OF_TWO)) {
            return opens; // the rest need a word of the table next (most words have none), and most a third
        }
        if (has(word, W_PAST_PREPOSITION) && has(next, W_THE) && has(after, W_PAST | W_LAST | W_PREVIOUS)) {
            opens |= PAST;
        }
        if (has(word, W_THE) && has(next, W_FIRST_OR_LAST) && has(after, W_NUMBER)
                || has(word, W_FIRST_OR_LAST) && has(next, W_NUMBER) && has(after, W_MONTHS)) {
            opens |= FIRST_MONTHS;
        }
        if (has(word, W_THE) && has(next, W_ORDINAL) && has(after, W_HALF_OR_QUARTER)
                || has(word, W_ORDINAL) && has(next, W_HALF_OR_QUARTER)) {
            opens |= HALF_QUARTER;
        }
        if (has(word, W_SO) && has(next, W_FAR) || has(word, W_THE) && has(next, W_PREVIOUS) && has(after, W_YEAR)
                || has(word, W_THIS | W_LAST) && has(next, W_YEAR | W_WEEK_OR_MONTH)
                || has(word, W_PREVIOUS) && has(next, W_WEEK_OR_MONTH) || has(word, W_YEAR) && has(next, W_TO)) {
            opens |= RELATIVE;
        }
        if (has(word, W_FROM_OR_BETWEEN) && has(next, W_MONTH | W_MODIFIER)) {
            opens |= RANGE;
        }
        if (anaphora && has(word, W_SAME_PREPOSITION) && has(next, W_DETERMINER) && has(after, W_SAME_UNIT)) {
            opens |= SAME;
        }
        if (anaphora && (has(word, W_THE) && has(next, W_YEAR | W_PREVIOUS | W_PRIOR_OR_SAME)
                || has(word, W_A) && has(next, W_YEAR))) {
            opens |= PRIOR;
        }
        return opens;
    }

    /** What a word of these classes opens whatever follows it. */
    private static int ownOpens(int word) {
        int opens = 0;
        if (has(word, W_YEAR_DIGITS)) {
            opens |= YEAR_NUMBER;
        }
        if (has(word, W_HALF_OR_QUARTER_CODE)) {
            opens |= HALF_OR_QUARTER_CODE;
        }
        if (has(word, W_SINCE)) {
            opens |= SINCE; // a rare word; and "since Mayor" is "since May"
        }
        if (has(word, W_MONTH)) {
            opens |= MONTH_NAME;
        }
        if (has(word, W_WEEKDAY)) {
            opens |= WEEKDAY;
        }
        return opens;
    }

    private static boolean has(int classes, int any) {
        return (classes & any) != 0;
    }

    private static boolean sameIgnoringCase(String s, int i, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((s.charAt(i + k) | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s, int i, int j) {
        for (int k = i; k < j; k++) {
            if (!digit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** "1st", "2nd", "3rd", "4th" in any case. */
    private static boolean isOrdinal(String s, int i, int j) {
        if (j - i != 3) {
            return false;
        }
        String suffix = switch (s.charAt(i)) {
            case '1' -> "st";
            case '2' -> "nd";
            case '3' -> "rd";
            case '4' -> "th";
            default -> null;
        };
        return suffix != null && sameIgnoringCase(s, i + 1, suffix);
    }

    private void addOpener(int at, int bits) {
        if (bits == 0) {
            return;
        }
        if (openerAt == null) {
            openerAt = new int[8];
            opens = new int[8];
        } else if (openerCount == openerAt.length) {
            openerAt = java.util.Arrays.copyOf(openerAt, 2 * openerCount);
            opens = java.util.Arrays.copyOf(opens, 2 * openerCount);
        }
        openerAt[openerCount] = at;
        opens[openerCount++] = bits;
        allOpens |= bits;
    }

    /** Whether any word of the sentence opens one of these. */
    boolean any(int kinds) {
        return (allOpens & kinds) != 0;
    }

    int openers() {
        return openerCount;
    }

    int openerAt(int k) {
        return openerAt[k];
    }

    boolean opens(int k, int kinds) {
        return (opens[k] & kinds) != 0;
    }

    /**
     * The months a reference back names ("over the same six months" = 6, "over the nine months" = 9), or 0; for
     * finding the latest figure of that length.
     */
    static int monthsNamed(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT);
        for (int k = 0; k < SAME_MONTH_COUNTS.size(); k++) {
            if (lower.contains(SAME_MONTH_COUNTS.get(k) + " months")) {
                return k + 2;
            }
        }
        return 0;
    }

    // ---- the recognizers ----

    /**
     * {@code \b(?:in|during|over|for|within|across|from|of) (?:the|that|this) (?:same (?:\w+ )?(?:period|months?|
     * quarter|half|year|weeks?|time|span|timeframe|stretch|days)(?: (?:of|in) YEAR\b)?|period|quarter|half-year|six
     * months|three months|week|month)\b}, ignoring case; the YEAR ("the same period of 2024") sets {@link #sameYear}.
     */
    int sameAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = oneOfIgnoringCase(p, SAME_PREPOSITIONS);
        q = oneOfIgnoringCase(q, SAME_DETERMINERS);
        if (q < 0) {
            return -1;
        }
        sameYear = ABSENT;
        int r = ignoringCase(q, "same ");
        if (r >= 0) {
            // (?:\w+ )? is greedy: only the whole run of word characters can be followed by the space
            int w = r;
            while (w < to && Chars.isRegexWord(s.charAt(w))) {
                w++;
            }
            int e = -1;
            if (w > r && w < to && s.charAt(w) == ' ') {
                e = wordAt(w + 1, SAME_UNITS);
            }
            if (e < 0) {
                e = wordAt(r, SAME_UNITS);
            }
            if (e >= 0) {
                // "the same period of 2024", "the same stretch in 2023": that year's
                int y = year(Math.max(ignoringCase(e, " of "), ignoringCase(e, " in ")));
                if (y >= 0 && (y == to || !Chars.isRegexWord(s.charAt(y)))) {
                    sameYear = Integer.parseInt(s, y - 4, y, 10);
                    return y;
                }
                return e;
            }
        }
        return wordAt(q, SAME_PERIODS);
    }

    /**
     * {@code \b(?:the year before|a year earlier|a year before|a year ago|the prior year|the previous year|the same
     * (?:period|quarter|months?|time|stretch) (?:last year|a year earlier|a year ago|the year before|(?:of|in)
     * (?:the previous year|last year|the prior year)))\b}, ignoring case.
     */
    int priorAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int e = wordAt(p, PRIOR_PHRASES);
        sameAsPrior = e < 0;
        if (e >= 0) {
            return e;
        }
        int q = ignoringCase(p, "the same ");
        if (q < 0) {
            return -1;
        }
        for (String unit : PRIOR_SAME_UNITS) {
            int r = ignoringCase(q, unit);
            if (r >= 0) {
                return wordAt(r, PRIOR_SAME_TAILS);
            }
        }
        return -1;
    }

    /** {@code \b(?:the )?(first|last) NUM months(?: of YEAR_REF)?}, ignoring case. */
    int firstMonthsAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = optional(p, ignoringCase(p, "the "));
        int r = ignoringCase(q, "first ");
        first = r >= 0;
        if (r < 0) {
            r = ignoringCase(q, "last ");
        }
        r = ignoringCase(numberAndSpace(r), "months");
        if (r < 0) {
            return -1;
        }
        return ofYearRef(r);
    }

    /**
     * {@code \b(?:the )?(first|second|third|fourth|final|1st|2nd|3rd|4th) (?:(half) of YEAR_REF|(quarter)(?: of
     * YEAR_REF)?)}, ignoring case.
     */
    int halfQuarterAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = optional(p, ignoringCase(p, "the "));
        int r = -1;
        for (int k = 0; k < ORDINALS.length && r < 0; k++) {
            r = ignoringCase(q, ORDINALS[k]);
            ordinal = ORDINAL_VALUES[k];
            finalOrdinal = k == FINAL;
        }
        if (r < 0) {
            return -1;
        }
        int e = ignoringCase(r, "half of ");
        if (e >= 0) {
            e = yearRef(e);
            if (e >= 0) {
                half = true;
                return e;
            }
        }
        e = ignoringCase(r, "quarter");
        if (e < 0) {
            return -1;
        }
        half = false;
        return ofYearRef(e);
    }

    /** {@code \b([HQ])([1-4]) YEAR\b} (the whole sentence). */
    int halfOrQuarterCodeAt(int p) {
        this.to = n;
        if (p + 7 > n || !boundary(p)) {
            return -1;
        }
        code = s.charAt(p);
        char k = s.charAt(p + 1);
        if ((code != 'H' && code != 'Q') || k < '1' || k > '4' || s.charAt(p + 2) != ' ') {
            return -1;
        }
        ordinal = k - '0';
        int e = year(p + 3);
        if (e < 0 || !boundary(e)) {
            return -1;
        }
        year1 = Integer.parseInt(s, p + 3, e, 10);
        return e;
    }

    /**
     * {@code \b(?:[Ff]rom|[Bb]etween) (?:early |mid-|late )?MONTH(?:,? YEAR)? (?:to|through|until|till|and)
     * (?:early |mid-|late )?MONTH(?:,? YEAR)?}.
     */
    int fromToAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = monthName(modifier(rangeOpener(p)));
        month1 = month;
        q = optionalYear(q);
        year1 = yearFound;
        q = monthName(modifier(connector(q)));
        month2 = month;
        if (q < 0) {
            return -1;
        }
        q = optionalYear(q);
        year2 = yearFound;
        return q;
    }

    /**
     * {@code \b(?:[Ff]rom|[Bb]etween) MONTH (\d{1,2})(?!\d)(?:,? YEAR)? (?:to|through|until|till|and) MONTH
     * (\d{1,2})(?!\d)(?:,? YEAR)?}.
     */
    int betweenDatesAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = monthName(rangeOpener(p));
        month1 = month;
        q = dayOfMonth(exactly(q, " "));
        day1 = dayFound;
        q = optionalYear(q);
        year1 = yearFound;
        q = monthName(connector(q));
        month2 = month;
        q = dayOfMonth(exactly(q, " "));
        day2 = dayFound;
        if (q < 0) {
            return -1;
        }
        q = optionalYear(q);
        year2 = yearFound;
        return q;
    }

    /** {@code \bsince the (?:start|beginning) of (?:the year|this year|YEAR)}, ignoring case. */
    int sinceStartAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = oneOfIgnoringCase(ignoringCase(p, "since the "), SINCE_STARTS);
        q = ignoringCase(q, "of ");
        if (q < 0) {
            return -1;
        }
        year1 = ABSENT;
        int e = oneOfIgnoringCase(q, START_YEARS);
        if (e >= 0) {
            return e;
        }
        e = year(q);
        if (e >= 0) {
            year1 = Integer.parseInt(s, q, e, 10);
        }
        return e;
    }

    /**
     * {@code \b[Ss]ince (?:the (?:start|beginning) of |(?:the )?(?:early |mid-|late )?)MONTH(?: (\d{1,2})(?!\d)(?:st|nd|rd|th)?)?(?:,? YEAR)?}:
     * "since the start of May" is since May; "since the February 2021 coup" since February 2021.
     */
    int sinceMonthAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int since = sinceSpace(p);
        int start = ignoringCase(oneOfIgnoringCase(ignoringCase(since, "the "), SINCE_STARTS), "of ");
        // "since the February 2021 coup", "since the May 9 attack": from that month or day
        int q = monthName(start >= 0 ? start : modifier(optional(since, ignoringCase(since, "the "))));
        month1 = month;
        if (q < 0) {
            return -1;
        }
        day1 = ABSENT;
        int d = dayOfMonth(exactly(q, " "));
        if (d >= 0) {
            day1 = dayFound;
            q = optional(d, oneOf(d, DAY_SUFFIXES));
        }
        q = optionalYear(q);
        year1 = yearFound;
        return q;
    }

    /** {@code \b[Ss]ince (?:last )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b}. */
    int sinceWeekdayAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = sinceSpace(p);
        if (q < 0) {
            return -1;
        }
        q = optional(q, exactly(q, "last "));
        for (int k = 0; k < WEEKDAYS.length; k++) {
            int e = exactly(q, WEEKDAYS[k]);
            if (e >= 0 && boundary(e)) {
                weekday = DayOfWeek.of(k + 1);
                return e;
            }
        }
        return -1;
    }

    /**
     * {@code \b[Ss]ince (?:the|a|an|his|her|their|its|it|they) [^,;.]{0,80}?\b(?:in|on) (?:MONTH(?: (\d{1,2})(?!\d)
     * (?:st|nd|rd|th)?)?|(\d{1,2})(?!\d)(?:st|nd|rd|th)? MONTH)(?:,? YEAR)?}.
     */
    int sinceEventAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = oneOf(sinceSpace(p), EVENT_DETERMINERS);
        if (q < 0) {
            return -1;
        }
        // the lazy [^,;.]{0,80}?: the shortest stretch (in code points) after which the rest matches; "in" or "on"
        // asked first, as it is cheaper than \b
        for (int k = 0; ; k++) {
            char c = q < n ? s.charAt(q) : ' ';
            if ((c == 'i' || c == 'o') && boundary(q)) {
                int at = oneOf(q, IN_OR_ON);
                int e = monthName(at);
                day1 = ABSENT;
                if (e >= 0) {
                    // "since the truce took effect on Nov. 27": from that day
                    int d = dayOfMonth(exactly(e, " "));
                    if (d >= 0) {
                        day1 = dayFound;
                        e = optional(d, oneOf(d, DAY_SUFFIXES));
                    }
                } else {
                    // "since its ceasefire came into force on 27 November": the day first
                    int d = dayOfMonth(at);
                    e = d < 0 ? -1 : monthName(exactly(optional(d, oneOf(d, DAY_SUFFIXES)), " "));
                    if (e >= 0) {
                        day1 = dayFound;
                    }
                }
                if (e >= 0) {
                    month1 = month;
                    e = optionalYear(e);
                    year1 = yearFound;
                    return e;
                }
            }
            if (k == 80 || q >= to) {
                return -1;
            }
            int cp = s.codePointAt(q);
            int next = q + Character.charCount(cp);
            if (next > to || cp == ',' || cp == ';' || cp == '.') {
                return -1;
            }
            q = next;
        }
    }

    /** {@code \b[Ss]ince YEAR\b}. */
    int sinceYearAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = sinceSpace(p);
        int e = year(q);
        if (e < 0 || !boundary(e)) {
            return -1;
        }
        year1 = Integer.parseInt(s, q, e, 10);
        return e;
    }

    /**
     * {@code \b(so far this year|so far in YEAR|this year|last year|the previous year|year to date|last week|last
     * month|this month|this week|previous week|previous month)\b}, ignoring case.
     */
    int relativeAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        for (int k = 0; k < RELATIVE_PHRASES.length; k++) {
            int e;
            if (k == SO_FAR_IN) {
                int q = ignoringCase(p, "so far in ");
                e = year(q);
                if (e >= 0) {
                    year1 = Integer.parseInt(s, q, e, 10);
                }
            } else {
                e = ignoringCase(p, RELATIVE_PHRASES[k]);
            }
            if (e >= 0 && boundary(e)) {
                relative = k;
                return e;
            }
        }
        return -1;
    }

    /**
     * {@code \b(?:in|over|during|for|within) the (?:past|last|previous) (?:NUM )?(days?|weeks?|months?|years?|24
     * hours|48 hours|hours)\b}, ignoring case.
     */
    int pastAt(int p, int to) {
        this.to = to;
        if (!boundary(p)) {
            return -1;
        }
        int q = oneOfIgnoringCase(p, PAST_PREPOSITIONS);
        q = oneOfIgnoringCase(ignoringCase(q, "the "), PAST_WORDS);
        if (q < 0) {
            return -1;
        }
        int r = numberAndSpace(q);
        if (r >= 0) {
            int e = pastUnit(r);
            if (e >= 0) {
                return e;
            }
        }
        count = ABSENT;
        return pastUnit(q);
    }

    private int pastUnit(int p) {
        for (String u : PAST_UNITS) {
            int e = ignoringCase(p, u);
            if (e >= 0 && boundary(e)) {
                unit = u;
                return e;
            }
        }
        return -1;
    }

    // ---- parts ----

    /** {@code [Ff]rom |[Bb]etween }. */
    private int rangeOpener(int p) {
        if (p < 0 || p >= to) {
            return -1;
        }
        char c = s.charAt(p);
        if (c == 'F' || c == 'f') {
            return exactly(p + 1, "rom ");
        }
        return c == 'B' || c == 'b' ? exactly(p + 1, "etween ") : -1;
    }

    /** {@code [Ss]ince }. */
    private int sinceSpace(int p) {
        if (p < 0 || p >= to) {
            return -1;
        }
        char c = s.charAt(p);
        return c == 'S' || c == 's' ? exactly(p + 1, "ince ") : -1;
    }

    /** {@code (?:early |mid-|late )?} before a month name (which none of them can be). */
    private int modifier(int p) {
        return optional(p, oneOf(p, MODIFIERS));
    }

    /** {@code  (?:to|through|until|till|and) }. */
    private int connector(int p) {
        return exactly(oneOf(exactly(p, " "), CONNECTORS), " ");
    }

    private int month;

    /** MONTH (case as written); sets {@link #month}. */
    private int monthName(int p) {
        if (p < 0) {
            return -1;
        }
        char c = p < n ? s.charAt(p) : ' ';
        for (int k = 0; k < MONTHS.length; k++) {
            int e = MONTHS[k].charAt(0) == c ? exactly(p, MONTHS[k]) : -1;
            if (e >= 0) {
                month = MONTH_NUMBERS[k];
                return e;
            }
        }
        return -1;
    }

    private int yearFound;

    /** {@code (?:,? YEAR)?}; sets {@link #yearFound}. */
    private int optionalYear(int p) {
        yearFound = ABSENT;
        if (p < 0) {
            return -1;
        }
        int q = exactly(optional(p, exactly(p, ",")), " ");
        int e = year(q);
        if (e < 0) {
            return p;
        }
        yearFound = Integer.parseInt(s, q, e, 10);
        return e;
    }

    /** {@code (?:19|20)\d\d}. */
    private int year(int p) {
        if (p < 0 || p + 4 > to) {
            return -1;
        }
        char a = s.charAt(p);
        char b = s.charAt(p + 1);
        return ((a == '1' && b == '9') || (a == '2' && b == '0')) && digit(s.charAt(p + 2)) && digit(s.charAt(p + 3))
                ? p + 4 : -1;
    }

    /** {@code (?: of YEAR_REF)?}, ignoring case; sets {@link #yearRef}. */
    private int ofYearRef(int p) {
        int q = ignoringCase(p, " of ");
        int e = yearRef(q);
        if (e >= 0) {
            return e;
        }
        yearRef = ABSENT;
        return p;
    }

    /** YEAR_REF: {@code (?:YEAR|(this year|last year|the previous year|the year))}, ignoring case. */
    private int yearRef(int p) {
        int e = year(p);
        if (e >= 0) {
            yearRef = Integer.parseInt(s, p, e, 10);
            return e;
        }
        e = oneOfIgnoringCase(p, THIS_YEAR_REFS);
        if (e >= 0) {
            yearRef = THIS_YEAR;
            return e;
        }
        e = oneOfIgnoringCase(p, LAST_YEAR_REFS);
        if (e >= 0) {
            yearRef = LAST_YEAR;
        }
        return e;
    }

    private int dayFound;

    /** {@code (\d{1,2})(?!\d)}: the whole run of digits must be one or two long; sets {@link #dayFound}. */
    private int dayOfMonth(int p) {
        if (p < 0) {
            return -1;
        }
        int e = p;
        while (e < n && digit(s.charAt(e))) {
            e++;
        }
        if (e == p || e - p > 2 || e > to) {
            return -1;
        }
        dayFound = Integer.parseInt(s, p, e, 10);
        return e;
    }

    /**
     * NUM and the space after it: {@code (\d{1,3}|one|two|...|ninety) }, ignoring case; sets {@link #count}. Only
     * one alternative can be followed by the space ("six " is not "sixty "), and a run of digits only whole.
     */
    private int numberAndSpace(int p) {
        if (p < 0) {
            return -1;
        }
        int e = p;
        while (e < to && e - p < 3 && digit(s.charAt(e))) {
            e++;
        }
        if (e > p) {
            if (e < to && s.charAt(e) == ' ') {
                count = Integer.parseInt(s, p, e, 10);
                return e + 1;
            }
            return -1;
        }
        for (int k = 0; k < NUMBER_WORDS.length; k++) {
            int r = ignoringCase(p, NUMBER_WORDS[k]);
            if (r >= 0 && r < to && s.charAt(r) == ' ') {
                count = NUMBER_VALUES[k];
                return r + 1;
            }
        }
        return -1;
    }

    /** The first of the words (lower case, ignoring case) at p that is followed by a word boundary. */
    private int wordAt(int p, String[] words) {
        if (p < 0) {
            return -1;
        }
        for (String w : words) {
            int e = ignoringCase(p, w);
            if (e >= 0 && boundary(e)) {
                return e;
            }
        }
        return -1;
    }

    /** The end of the first of the texts at p (case as written), or -1; none is a prefix of a later one. */
    private int oneOf(int p, String[] texts) {
        if (p < 0) {
            return -1;
        }
        for (String t : texts) {
            int e = exactly(p, t);
            if (e >= 0) {
                return e;
            }
        }
        return -1;
    }

    private int oneOfIgnoringCase(int p, String[] texts) {
        if (p < 0) {
            return -1;
        }
        for (String t : texts) {
            int e = ignoringCase(p, t);
            if (e >= 0) {
                return e;
            }
        }
        return -1;
    }

    /** An optional part: its end where it matched, else where it would have started. */
    private static int optional(int p, int end) {
        return end >= 0 ? end : p;
    }

    /** The text at p, inside the region; its end or -1. */
    private int exactly(int p, String text) {
        if (p < 0 || p + text.length() > to) {
            return -1;
        }
        // the first character by hand: most tries fail there, and startsWith sets up a bulk compare first
        boolean first = text.isEmpty() || s.charAt(p) == text.charAt(0);
        return first && s.startsWith(text, p) ? p + text.length() : -1;
    }

    /** Lower-case text at p in either ASCII case, as CASE_INSENSITIVE compares (other letters only as written). */
    private int ignoringCase(int p, String lower) {
        int len = lower.length();
        if (p < 0 || p + len > to) {
            return -1;
        }
        for (int k = 0; k < len; k++) {
            char c = s.charAt(p + k);
            char x = lower.charAt(k);
            if (c != x && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == x)) {
                return -1;
            }
        }
        return p + len;
    }

    /**
     * {@code \b} at i, as java.util.regex sees it: between an ASCII word character and anything else. Next to
     * anything outside ASCII (where a non-spacing mark after a letter counts as a word character) it asks the
     * regex engine itself.
     */
    private boolean boundary(int i) {
        return Chars.isWordBoundary(s, i);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}

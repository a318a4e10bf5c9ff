package io.newsalerts.message;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.SeriesKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a subscriber reads about an alert: an SMS, an email subject and an email body. Pure text building; the same
 * alert always gives the same words.
 */
public final class AlertMessage {

    public static final String YOY_DOUBLING = "yoy-doubling";
    public static final String YOY_PROJECTED_DOUBLING = "yoy-projected-doubling";

    /** Septets in one SMS; a longer text is split and billed as several. */
    public static final int SMS_LIMIT = 160;
    /** SNS refuses a Subject of 100 characters or more. */
    public static final int SUBJECT_LIMIT = 99;
    /** Evidence listed in an email; an alert with more says how many were left out (SNS caps a message at 256 KB). */
    static final int MAX_EVIDENCE = 20;
    static final int MAX_SENTENCE = 600;

    /** Short forms people already know, for when a full name does not fit an SMS. Keys are lower case. */
    private static final Map<String, String> SHORT_ACTOR = Map.ofEntries(
            Map.entry("islamic state", "IS"),
            Map.entry("islamic state of iraq and the levant", "IS"),
            Map.entry("islamic state of iraq and syria", "IS"),
            Map.entry("islamic resistance in iraq", "IRI"),
            Map.entry("islamic state khorasan province", "ISKP"),
            Map.entry("islamic state west africa province", "ISWAP"),
            Map.entry("al-qaeda in the arabian peninsula", "AQAP"),
            Map.entry("al-qaeda in the islamic maghreb", "AQIM"),
            Map.entry("tehrik-i-taliban pakistan", "TTP"),
            Map.entry("kurdistan workers' party", "PKK"),
            Map.entry("hayat tahrir al-sham", "HTS"),
            Map.entry("jama'at nusrat al-islam wal-muslimin", "JNIM"),
            Map.entry("rapid support forces", "RSF"),
            Map.entry("allied democratic forces", "ADF"),
            Map.entry("lord's resistance army", "LRA"),
            Map.entry("revolutionary armed forces of colombia", "FARC"),
            Map.entry("national liberation army", "ELN"),
            Map.entry("houthi movement", "Houthis"),
            Map.entry("ansar allah", "Houthis"));

    private static final java.util.regex.Pattern PREPOSITION =
            java.util.regex.Pattern.compile(" (on|of|in|at|against|by|with|near|from|to|for) ");
    private static final java.util.Set<String> COUNTRY_CODES = java.util.Set.of(Locale.getISOCountries());

    /** Width of the longest bar in an email's trend. */
    static final int BAR_WIDTH = 30;

    private final Alert alert;

    public AlertMessage(Alert alert) {
        this.alert = java.util.Objects.requireNonNull(alert, "alert");
    }

    /** The message about an alert, worded for its lifecycle state. */
    public static AlertMessage of(Alert alert) {
        return new AlertMessage(alert);
    }

    /** "Escalated: ", "Resolved: ", or nothing for a new alert: the first words of every text about it. */
    String lifecyclePrefix() {
        return switch (alert.state()) {
            case ESCALATED -> "Escalated: ";
            case RESOLVED -> "Resolved: ";
            case SILENCED -> "Silenced: ";
            case FIRING -> "";
        };
    }

    // ---------------------------------------------------------------- SMS

    /**
     * One SMS, GSM-7 only and at most 160 septets (so at most 160 characters), e.g.
     * "Islamic State attacks IQ+SY on pace to double: 153 in H1 2024 (~307/yr) vs 121 in 2023 (x2.54)".
     * When that is too long it gives up detail in order: the actor's short form, a shorter place, the projection,
     * then truncates the actor and event names, and as a last resort the text itself.
     */
    public String sms() {
        String prefix = lifecyclePrefix();
        return prefix + smsWithin(SMS_LIMIT - Gsm7.septets(prefix));
    }

    /** The SMS text, without the lifecycle prefix, in at most {@code limit} septets (for grouped messages). */
    String smsWithin(int limit) {
        SeriesKey s = alert.series();
        String actor = clean(Gsm7.transliterate(nullToEmpty(s.actor())));
        String shortActor = clean(Gsm7.transliterate(shortActor(nullToEmpty(s.actor()))));
        String events = clean(Gsm7.transliterate(plural(s.eventType())));
        String place = clean(Gsm7.transliterate(smsPlace(s, 4)));
        String fewerPlaces = clean(Gsm7.transliterate(smsPlace(s, 1)));

        List<String> tries = List.of(
                smsText(actor, events, place, true),
                smsText(shortActor, events, place, true),
                smsText(shortActor, events, fewerPlaces, true),
                smsText(shortActor, events, fewerPlaces, false));
        for (String t : tries) {
            if (Gsm7.septets(t) <= limit) {
                return t;
            }
        }
        // Names are what can be long (figures are short): truncate the event type, then the actor, to what is left.
        String ev = fitField(events, e -> smsText(shortActor, e, fewerPlaces, false), 24, limit);
        String who = fitField(shortActor, a -> smsText(a, ev, fewerPlaces, false), 12, limit);
        return Gsm7.truncate(smsText(who, ev, fewerPlaces, false), limit);
    }

    private String smsText(String actor, String events, String place, boolean withProjection) {
        StringBuilder b = new StringBuilder();
        String what = actor.isEmpty() ? capitalise(events) : actor + " " + events;
        b.append(what);
        if (!place.isEmpty()) {
            b.append(' ').append(place);
        }
        b.append(' ').append(switch (alert.rule()) {
            case YOY_PROJECTED_DOUBLING -> "on pace to double";
            case YOY_DOUBLING -> "doubled";
            default -> "up";
        }).append(": ");
        b.append(alert.current().count()).append(" in ").append(alert.current().period().label());
        if (withProjection && alert.projected() != null) {
            b.append(" (~").append(alert.projected()).append(projectionUnit()).append(')');
        }
        b.append(" vs ").append(alert.baseline().count()).append(" in ").append(alert.baseline().period().label());
        b.append(" (x").append(ratio()).append(')');
        return clean(Gsm7.transliterate(b.toString()));
    }

    /** The longest prefix of field (at least min septets) for which the whole text fits. */
    private static String fitField(String field, Function<String, String> text, int min, int limit) {
        int over = Gsm7.septets(text.apply(field)) - limit;
        if (over <= 0 || field.isEmpty()) {
            return field;
        }
        int keep = Math.max(min, Gsm7.septets(field) - over);
        return Gsm7.truncate(field, keep);
    }

    private String projectionUnit() {
        return alert.target().isCalendarYear() ? "/yr" : " by " + alert.target().end();
    }

    /** "IQ+SY", "IQ+SY+JO+2 more" past max codes, "6 countries" when max is 1, or "in" the area's name. */
    private static String smsPlace(SeriesKey s, int max) {
        List<String> r = s.regions();
        if (r.isEmpty()) {
            if (s.area() == null || s.area().isBlank()) {
                return "";
            }
            return s.area().equalsIgnoreCase("worldwide") ? "worldwide" : "in " + s.area();
        }
        if (r.size() <= max) {
            return String.join("+", r);
        }
        if (max <= 1) {
            return r.size() + " countries";
        }
        return String.join("+", r.subList(0, max - 1)) + "+" + (r.size() - max + 1) + " more";
    }

    // ---------------------------------------------------------------- email

    /**
     * One line of printable ASCII under 100 characters, as SNS requires of a Subject, e.g.
     * "Islamic State attacks in Iraq and Syria on track to double (x2.54)".
     */
    public String emailSubject() {
        String prefix = lifecyclePrefix();
        return prefix + subjectWithin(SUBJECT_LIMIT - prefix.length());
    }

    /** The subject without the lifecycle prefix, in at most {@code limit} characters. */
    String subjectWithin(int limit) {
        SeriesKey s = alert.series();
        String actor = clean(Gsm7.ascii(nullToEmpty(s.actor())));
        String events = clean(Gsm7.ascii(plural(s.eventType())));
        String claim = switch (alert.rule()) {
            case YOY_PROJECTED_DOUBLING -> "on track to double";
            case YOY_DOUBLING -> "doubled year on year in " + alert.current().period().label();
            default -> "up in " + alert.current().period().label();
        } + " (x" + ratio() + ")";
        List<String> tries = new ArrayList<>();
        for (int names = Math.max(s.regions().size(), 1); names >= 0; names--) {
            String where = clean(Gsm7.ascii(placeInWords(s, names)));
            tries.add(subjectText(actor, events, where, claim));
        }
        String shortActor = clean(Gsm7.ascii(shortActor(nullToEmpty(s.actor()))));
        tries.add(subjectText(shortActor, events, clean(Gsm7.ascii(placeInWords(s, 0))), claim));
        for (String t : tries) {
            if (t.length() <= limit) {
                return t;
            }
        }
        // Still too long: the names are. Truncate the actor, then the event type, then (never seen) the line.
        String where = clean(Gsm7.ascii(placeInWords(s, 0)));
        String who = shortActor;
        int over = subjectText(who, events, where, claim).length() - limit;
        if (over > 0 && !who.isEmpty()) {
            who = Gsm7.truncate(who, Math.max(16, who.length() - over));
        }
        String ev = events;
        over = subjectText(who, ev, where, claim).length() - limit;
        if (over > 0) {
            ev = Gsm7.truncate(ev, Math.max(16, ev.length() - over));
        }
        String t = subjectText(who, ev, where, claim);
        return t.length() <= limit ? t : Gsm7.truncate(t, limit);
    }

    private static String subjectText(String actor, String events, String where, String claim) {
        String what = actor.isEmpty() ? capitalise(events) : actor + " " + events;
        return clean(what + " " + where + " " + claim);
    }

    /**
     * Plain text: what happened, the figures, the rule in plain words, the evidence with sources, and how to stop
     * receiving alerts.
     */
    public String emailBody() {
        return emailSection() + "\n" + unsubscribeFooter();
    }

    /** The body without the footer: what grouped messages put one after another. */
    String emailSection() {
        SeriesKey s = alert.series();
        StringBuilder b = new StringBuilder();
        switch (alert.state()) {
            case ESCALATED -> b.append("ESCALATED: this alert has got materially worse since it was last sent.\n\n");
            case RESOLVED -> b.append("RESOLVED: newer figures no longer meet this alert's rule; the figures "
                    + "below are the latest.\n\n");
            default -> {
            }
        }
        String actor = nullToEmpty(s.actor());
        String what = actor.isEmpty() ? capitalise(plural(s.eventType())) : actor + " " + plural(s.eventType());
        String where = placeInWords(s, Integer.MAX_VALUE);
        b.append(what).append(where.isEmpty() ? "" : " " + where).append(' ').append(switch (alert.rule()) {
            case YOY_PROJECTED_DOUBLING -> "are on track to double in " + alert.target().label() + ".";
            case YOY_DOUBLING -> "doubled in " + alert.current().period().label() + " compared with a year earlier.";
            default -> "rose in " + alert.current().period().label() + ".";
        }).append("\n\n");

        b.append("Figures\n");
        b.append("  ").append(alert.current().period().label()).append(": ").append(alert.current().count()).append('\n');
        if (alert.projected() != null) {
            b.append("  ").append(alert.target().label()).append(", projected: about ").append(alert.projected())
                    .append(" (").append(alert.current().count()).append(" in ").append(alert.current().period().days())
                    .append(" days, scaled to ").append(alert.target().days()).append(" days)\n");
        }
        b.append("  ").append(alert.baseline().period().label()).append(": ").append(alert.baseline().count()).append('\n');
        b.append("  Ratio: x").append(ratio()).append('\n');
        b.append("  Severity: ").append(alert.severity().wire()).append('\n');
        b.append("  Counted: ").append(s.source() == SeriesKey.Source.STATISTIC
                ? "totals reported in the news (not our own tally)"
                : "incidents reported in the news articles we read (our own tally)").append("\n\n");

        b.append("Trend (").append(plural(s.eventType()).isBlank() ? "count" : plural(s.eventType())).append(")\n");
        b.append(trend());
        b.append('\n');

        b.append("Rule (").append(alert.rule()).append("): ").append(ruleInWords()).append("\n\n");

        List<Evidence> evidence = alert.evidence();
        b.append("Evidence\n");
        if (evidence.isEmpty()) {
            b.append("  (none recorded)\n");
        }
        int n = 0;
        for (Evidence e : evidence) {
            if (n == MAX_EVIDENCE) {
                b.append("  ... and ").append(evidence.size() - MAX_EVIDENCE).append(" more sentences.\n");
                break;
            }
            n++;
            b.append("  ").append(n).append(". \"").append(oneLine(nullToEmpty(e.sentence()), MAX_SENTENCE)).append("\"\n");
            if (e.attributedTo() != null && !e.attributedTo().isBlank()) {
                b.append("     According to: ").append(oneLine(e.attributedTo(), 200)).append('\n');
            }
            if (e.source() != null && !e.source().isBlank()) {
                b.append("     Source: ").append(oneLine(e.source(), 500)).append('\n');
            }
        }
        b.append('\n');
        b.append("Alert id: ").append(alert.id()).append('\n');
        return b.toString();
    }

    /** How to stop receiving alerts: the same words in every email. */
    public static String unsubscribeFooter() {
        return "You receive this because you subscribed to News Alerts. To unsubscribe, call DELETE /subscriptions/{id} "
                + "on the News Alerts API (GET /subscriptions?endpoint=<your address> lists your subscription ids). "
                + "The unsubscribe link SNS adds below works only if you confirmed by following the link in the "
                + "confirmation email; a subscription confirmed through POST /subscriptions/confirm can only be "
                + "removed through the API, so nobody else following that link can unsubscribe you.\n";
    }

    /**
     * The figures as a small table with bars scaled to the largest, e.g.
     * <pre>
     *   2023              121 |###########
     *   H1 2024           153 |###############
     *   2024 (projected) ~307 |##############################
     * </pre>
     * The alert carries its baseline and current figure (and a projection); those are the rows.
     */
    String trend() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {alert.baseline().period().label(), Long.toString(alert.baseline().count())});
        rows.add(new String[] {alert.current().period().label(), Long.toString(alert.current().count())});
        List<Long> values = new ArrayList<>(List.of(alert.baseline().count(), alert.current().count()));
        if (alert.projected() != null) {
            rows.add(new String[] {alert.target().label() + " (projected)", "~" + alert.projected()});
            values.add(alert.projected());
        }
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        int labelWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int numberWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            long v = Math.max(0, values.get(i));
            int bar = (int) Math.round(BAR_WIDTH * (double) v / max);
            if (v > 0 && bar == 0) {
                bar = 1;
            }
            b.append("  ").append(pad(rows.get(i)[0], labelWidth)).append(' ')
                    .append(" ".repeat(numberWidth - rows.get(i)[1].length())).append(rows.get(i)[1])
                    .append(" |").append("#".repeat(bar)).append('\n');
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    public Alert alert() {
        return alert;
    }

    private String ruleInWords() {
        return switch (alert.rule()) {
            case YOY_DOUBLING -> "an alert is raised when the count for a period is at least twice the count for the "
                    + "same period a year earlier (here " + alert.current().period().label() + " against "
                    + alert.baseline().period().label() + ").";
            case YOY_PROJECTED_DOUBLING -> "an alert is raised when the count so far this year, scaled to the full "
                    + "year, is at least twice the previous full year's count (here " + alert.current().period().label()
                    + " scaled to " + alert.target().label() + ", against " + alert.baseline().period().label() + ").";
            default -> "the figure for " + alert.current().period().label() + " is x" + ratio() + " the figure for "
                    + alert.baseline().period().label() + ".";
        };
    }

    // ---------------------------------------------------------------- words

    /** "in Iraq and Syria", "in Iraq, Syria and 3 more countries" past maxNames names, "in 5 countries", "in the Red Sea". */
    static String placeInWords(SeriesKey s, int maxNames) {
        List<String> r = s.regions();
        if (r.isEmpty()) {
            if (s.area() == null || s.area().isBlank()) {
                return "";
            }
            return s.area().equalsIgnoreCase("worldwide") ? "worldwide" : "in " + s.area();
        }
        if (maxNames <= 0) {
            return r.size() == 1 ? "in 1 country" : "in " + r.size() + " countries";
        }
        List<String> names = r.stream().map(AlertMessage::countryName).toList();
        if (names.size() <= maxNames) {
            return "in " + joinAnd(names);
        }
        List<String> shown = new ArrayList<>(names.subList(0, maxNames));
        int rest = names.size() - maxNames;
        shown.add(rest + " more " + (rest == 1 ? "country" : "countries"));
        return "in " + joinAnd(shown);
    }

    /** English name of an ISO 3166-1 alpha-2 code from the JDK's locale data ("IQ" -> "Iraq"); the code if unknown. */
    public static String countryName(String code) {
        if (!COUNTRY_CODES.contains(code)) {
            return code;
        }
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    private static String joinAnd(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** "attack" -> "attacks", "fatality" -> "fatalities", "drone attack" -> "drone attacks". */
    static String plural(String noun) {
        // "attack on a base" -> "attacks on a base": the head noun comes before the first preposition.
        java.util.regex.Matcher m = PREPOSITION.matcher(noun);
        if (m.find() && m.start() > 0) {
            return plural(noun.substring(0, m.start())) + noun.substring(m.start());
        }
        String n = noun.strip();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.endsWith("s") && !lower.endsWith("ss")) {
            return n;
        }
        if (lower.matches(".*[^aeiou]y")) {
            return n.substring(0, n.length() - 1) + "ies";
        }
        if (lower.matches(".*(ss|sh|ch|x|z)")) {
            return n + "es";
        }
        return n + "s";
    }

    static String shortActor(String actor) {
        return SHORT_ACTOR.getOrDefault(actor.strip().toLowerCase(Locale.ROOT), actor);
    }

    private String ratio() {
        return BigDecimal.valueOf(alert.ratio()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String clean(String s) {
        return s.strip().replaceAll(" {2,}", " ");
    }

    private static String oneLine(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        if (one.codePointCount(0, one.length()) <= max) {
            return one;
        }
        return one.substring(0, one.offsetByCodePoints(0, max - 3)) + "...";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

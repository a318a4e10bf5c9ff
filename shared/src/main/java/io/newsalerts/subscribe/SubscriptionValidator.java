package io.newsalerts.subscribe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newsalerts.domain.Severity;
import io.newsalerts.extract.GazetteerNames;
import io.newsalerts.json.Json;
import io.newsalerts.message.AlertMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks a subscription request body:
 * {@code {"protocol": "email"|"sms", "endpoint": ..., "actors"?: [...], "regions"?: [...], "eventTypes"?: [...],
 * "minSeverity"?: "low"|"medium"|"high", "delivery"?: "instant"|"digest"}}. Every problem is reported at once, each
 * naming its field, so a client fixes its request in one round trip; nothing is created from a request with any
 * problem.
 *
 * <p>Known actors (and optionally event types) are given by the caller: a filter on a name no alert will ever
 * carry would be a subscription that silently never fires. An actor may be named by any alias or acronym the
 * extractor knows ("ISIS" is Islamic State); a region by ISO 3166-1 alpha-2 code or by country name ("Iraq", "UK").
 * An unknown name is refused with the closest known names suggested.
 */
public final class SubscriptionValidator {

    public static final Set<String> FIELDS = Set.of("protocol", "endpoint", "actors", "regions", "eventTypes", "minSeverity", "delivery");
    static final int MAX_ACTORS = 20;
    static final int MAX_REGIONS = 50;
    static final int MAX_EVENT_TYPES = 10;
    static final int MAX_VALUE_LENGTH = 100;
    /** SNS caps a filter policy at 150 combinations of values (the product of the list sizes). */
    static final int MAX_COMBINATIONS = 150;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Codes people write that ISO 3166-1 spells otherwise. */
    private static final Map<String, String> COMMON_MISTAKES = Map.of("UK", "GB", "EL", "GR", "KO", "XK");
    /** Country names (lower case) to codes: the extractor's country names and aliases, then the JDK's English names. */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();
    // Practical email syntax: what SNS and mail servers accept; no quoted local parts or IP literals.
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z' -]*");
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Map<String, String> knownActors; // lower case -> canonical
    private final Map<String, String> knownEventTypes; // null: any well-formed event type

    /** Any well-formed event type is accepted. */
    public SubscriptionValidator(Set<String> knownActors) {
        this(knownActors, null);
    }

    public SubscriptionValidator(Set<String> knownActors, Set<String> knownEventTypes) {
        this(byLowerCase(knownActors), knownEventTypes);
    }

    /**
     * @param actorNames every accepted actor name, alias or acronym, lower case, to the canonical name alerts carry
     */
    public SubscriptionValidator(Map<String, String> actorNames, Set<String> knownEventTypes) {
        Map<String, String> m = new LinkedHashMap<>();
        actorNames.forEach((k, v) -> m.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
        this.knownActors = Map.copyOf(m);
        this.knownEventTypes = knownEventTypes == null ? null : byLowerCase(knownEventTypes);
    }

    /** Actors as the extraction gazetteer knows them, with their aliases and acronyms; any event type. */
    public static SubscriptionValidator withGazetteerActors() {
        return new SubscriptionValidator(GazetteerNames.actors(), null);
    }

    /** Parses a JSON body and validates it. */
    public SubscriptionRequest parse(String body) {
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidSubscriptionException("the body is not valid JSON: " + e.getOriginalMessage());
        }
        return validate(node);
    }

    public SubscriptionRequest validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidSubscriptionException("the body must be a JSON object with protocol and endpoint");
        }
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                unknown.add("'" + f + "'");
            }
        });
        if (!unknown.isEmpty()) {
            problems.add("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " (allowed: protocol, endpoint, actors, regions, eventTypes, minSeverity, delivery)");
        }

        Protocol protocol = protocol(body.get("protocol"), problems);
        String endpoint = endpoint(protocol, body.get("endpoint"), problems);
        List<String> actors = list(body, "actors", MAX_ACTORS, problems, this::actor);
        List<String> regions = list(body, "regions", MAX_REGIONS, problems, SubscriptionValidator::region);
        List<String> eventTypes = list(body, "eventTypes", MAX_EVENT_TYPES, problems, this::eventType);
        Severity minSeverity = minSeverity(body.get("minSeverity"), problems);
        DeliveryMode delivery = delivery(body.get("delivery"), problems);

        long combinations = (long) Math.max(1, actors.size()) * Math.max(1, regions.size()) * Math.max(1, eventTypes.size());
        if (combinations > MAX_COMBINATIONS) {
            problems.add("too many combinations: actors (" + actors.size() + ") x regions (" + regions.size()
                    + ") x eventTypes (" + eventTypes.size() + ") = " + combinations + ", at most " + MAX_COMBINATIONS
                    + " are possible in one subscription: split it into several");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubscriptionException(problems);
        }
        return new SubscriptionRequest(protocol, endpoint, actors, regions, eventTypes, minSeverity, delivery);
    }

    /**
     * An endpoint given on its own (a query parameter), normalised as a subscription's would be, so a lookup finds
     * what subscribe stored.
     */
    public static String normaliseEndpoint(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidSubscriptionException("endpoint is required: an email address or an E.164 phone number");
        }
        List<String> problems = new ArrayList<>();
        String e = endpoint(raw.contains("@") ? Protocol.EMAIL : Protocol.SMS, Json.MAPPER.getNodeFactory().textNode(raw), problems);
        if (!problems.isEmpty()) {
            throw new InvalidSubscriptionException(problems);
        }
        return e;
    }

    private static Protocol protocol(JsonNode v, List<String> problems) {
        if (v == null || v.isNull()) {
            problems.add("protocol is required: email or sms");
            return null;
        }
        if (!v.isTextual()) {
            problems.add("protocol must be a string: email or sms");
            return null;
        }
        String p = v.asText().strip().toLowerCase(Locale.ROOT);
        try {
            return Protocol.fromWire(p);
        } catch (IllegalArgumentException e) {
            problems.add("protocol '" + printable(v.asText()) + "' is not supported: use email or sms");
            return null;
        }
    }

    /** Endpoints are never echoed back in a problem: problems get logged, addresses must not. */
    private static String endpoint(Protocol protocol, JsonNode v, List<String> problems) {
        if (v == null || v.isNull()) {
            problems.add("endpoint is required: an email address or an E.164 phone number");
            return null;
        }
        if (!v.isTextual()) {
            problems.add("endpoint must be a string");
            return null;
        }
        String e = v.asText().strip();
        if (protocol == Protocol.EMAIL) {
            int at = e.lastIndexOf('@');
            if (e.length() > 254 || at > 64 || !EMAIL.matcher(e).matches()) {
                problems.add("endpoint is not a valid email address (expected name@example.org)");
                return null;
            }
            // Domains are case-insensitive; lower-casing them makes one address one subscription.
            return e.substring(0, at + 1) + e.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        if (protocol == Protocol.SMS) {
            String phone = PHONE_SEPARATORS.matcher(e).replaceAll("");
            if (!E164.matcher(phone).matches()) {
                problems.add("endpoint is not an E.164 phone number: + then 8 to 15 digits, country code first "
                        + "(e.g. +14155550123)");
                return null;
            }
            return phone;
        }
        return e; // protocol already reported
    }

    private interface Normaliser {
        /** The normalised value, or null after adding a problem. */
        String apply(String value, List<String> problems);
    }

    private static List<String> list(JsonNode body, String field, int max, List<String> problems, Normaliser normalise) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            problems.add(field + " must be an array of strings");
            return List.of();
        }
        if (v.isEmpty()) {
            problems.add(field + " must not be empty: leave it out to receive alerts for any " + singular(field));
            return List.of();
        }
        if (v.size() > max) {
            problems.add(field + " has " + v.size() + " entries, at most " + max + " are allowed");
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add(field + " must contain only non-empty strings");
                continue;
            }
            if (item.asText().length() > MAX_VALUE_LENGTH) {
                problems.add(field + " entries are at most " + MAX_VALUE_LENGTH + " characters long");
                continue;
            }
            String n = normalise.apply(item.asText().strip(), problems);
            if (n != null) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    private String actor(String name, List<String> problems) {
        String canonical = knownActors.get(name.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            problems.add("actors: '" + printable(name) + "' is not a known actor"
                    + didYouMean(name, knownActors.keySet(), knownActors, knownActors));
        }
        return canonical;
    }

    /** An ISO code ("IQ", "iq") or a country name or alias ("Iraq", "United Kingdom", "UK"), as an ISO code. */
    private static String region(String value, List<String> problems) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (COUNTRIES.contains(upper)) {
            return upper;
        }
        if (COMMON_MISTAKES.containsKey(upper)) {
            return COMMON_MISTAKES.get(upper);
        }
        String byName = COUNTRY_NAMES.get(value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (byName != null) {
            return byName;
        }
        Map<String, String> names = new LinkedHashMap<>();
        COUNTRY_NAMES.forEach((name, code) -> names.putIfAbsent(name, AlertMessage.countryName(code) + " (" + code + ")"));
        problems.add("regions: '" + printable(value) + "' is neither an ISO 3166-1 alpha-2 country code nor a country "
                + "name" + didYouMean(value, names.keySet(), names, null));
        return null;
    }

    /**
     * " (did you mean X, Y?)" over the closest known names (compared in lower case, shown as {@code shown} maps them),
     * or " (known: ...)" with the first few known names when none is close; "" when nothing is known.
     */
    private static String didYouMean(String input, Set<String> lowerNames, Map<String, String> shown,
                                     Map<String, String> listWhenFar) {
        List<String> close = new ArrayList<>(new LinkedHashSet<>(
                Suggestions.closest(input, lowerNames, 6).stream().map(shown::get).toList()));
        if (!close.isEmpty()) {
            return " (did you mean " + String.join(", ", close.subList(0, Math.min(3, close.size()))) + "?)";
        }
        return listWhenFar == null ? "" : suggestions(listWhenFar);
    }

    private static Map<String, String> countryNames() {
        Map<String, String> m = new LinkedHashMap<>(GazetteerNames.countries());
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(code)) {
                m.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
            }
        }
        return Map.copyOf(m);
    }

    private String eventType(String type, List<String> problems) {
        String lower = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (knownEventTypes != null) {
            String canonical = knownEventTypes.get(lower);
            if (canonical == null) {
                problems.add("eventTypes: '" + printable(type) + "' is not a known event type"
                        + didYouMean(type, knownEventTypes.keySet(), knownEventTypes, knownEventTypes));
            }
            return canonical;
        }
        if (!EVENT_TYPE.matcher(lower).matches()) {
            problems.add("eventTypes: '" + printable(type) + "' is not an event type (lower-case words, e.g. \"drone attack\")");
            return null;
        }
        return lower;
    }

    private static Severity minSeverity(JsonNode v, List<String> problems) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("");
            }
            return Severity.fromWire(v.asText().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("minSeverity must be one of low, medium, high");
            return null;
        }
    }

    private static DeliveryMode delivery(JsonNode v, List<String> problems) {
        if (v == null || v.isNull()) {
            return DeliveryMode.INSTANT;
        }
        try {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("");
            }
            return DeliveryMode.fromWire(v.asText().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("delivery must be instant (a message as alerts are raised) or digest (one message a day)");
            return null;
        }
    }

    private static String suggestions(Map<String, String> known) {
        if (known.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(new TreeSet<>(known.values()));
        String shown = String.join(", ", names.subList(0, Math.min(12, names.size())));
        return " (known: " + shown + (names.size() > 12 ? ", ..." : "") + ")";
    }

    private static Map<String, String> byLowerCase(Set<String> names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n.strip().toLowerCase(Locale.ROOT), n.strip());
        }
        return Map.copyOf(m);
    }

    private static String singular(String field) {
        return switch (field) {
            case "actors" -> "actor";
            case "regions" -> "region";
            case "eventTypes" -> "event type";
            default -> field;
        };
    }

    /** User text quoted in a problem: control characters out, long values cut. */
    private static String printable(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() <= 40 ? p : p.substring(0, 37) + "...";
    }
}

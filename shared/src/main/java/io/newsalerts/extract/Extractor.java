package io.newsalerts.extract;

import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads an article like an analyst: who did how many of what, where, over which period, according to whom.
 *
 * <p>Per sentence: tokens, one trie pass for every known name (actors, event types, places), attribution clauses,
 * time expressions, then counts that quantify an event ("153 attacks") or a toll over a period ("killed 40 people
 * this year"), and single incidents ("launched a new drone attack"). Across sentences the extractor remembers the
 * actors named so far (for "the group", "they"), the countries last named together (for "both countries"),
 * the places of the paragraph and the dateline. See docs/extraction.md for the decisions.
 */
public final class Extractor {

    private final Gazetteer gazetteer;
    // the phrase lists the rules look up at a number, asked by the tokens' lexicon ids
    private final TokenPhrases atLeastPhrases;
    private final TokenPhrases approxPhrases;
    /** BLOCK_BEFORE, and "time above" (of "for the first time above"). */
    private final TokenPhrases blockingPhrases;
    private final TokenPhrases breakdownPhrases;
    private final TokenPhrases ellipticPhrases;
    private final TokenPhrases ratePhrases;

    private Extractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        Lexicon lexicon = gazetteer.lexicon;
        classify(lexicon, gazetteer.eventModifiers);
        atLeastPhrases = new TokenPhrases(AT_LEAST, lexicon);
        approxPhrases = new TokenPhrases(APPROX, lexicon);
        List<String> blocking = new ArrayList<>(BLOCK_BEFORE);
        blocking.add("time above");
        blockingPhrases = new TokenPhrases(blocking, lexicon);
        breakdownPhrases = new TokenPhrases(BREAKDOWN, lexicon);
        ellipticPhrases = new TokenPhrases(ELLIPTIC, lexicon);
        ratePhrases = new TokenPhrases(RATE_AFTER, lexicon);
    }

    private static final class Holder {
        static final Extractor DEFAULT = new Extractor(Gazetteer.bundled());
    }

    /** The extractor with the bundled data, loaded once per JVM on first use. */
    public static Extractor defaults() {
        return Holder.DEFAULT;
    }

    /**
     * The bundled data with a deployer-supplied gazetteer (same JSON format as the bundled one) merged over it:
     * new actors, aliases, event terms, places and areas are added, and a place's country is overridden.
     *
     * @throws IllegalArgumentException when the JSON is malformed
     */
    public static Extractor withExtraGazetteer(String json) {
        Objects.requireNonNull(json, "json");
        return new Extractor(Gazetteer.build(json));
    }

    public List<Fact> extract(Article article) {
        Objects.requireNonNull(article, "article");
        return new Run(article).run();
    }

    // ------------------------------------------------------------------------------------------------ vocabulary

    private static final Set<String> ACRONYM_LICENSORS = Set.of("militants", "fighters", "group", "cells", "jihadists", "affiliate");
    private static final Set<String> PARTITIVE = Set.of("those", "them", "the", "whom", "these", "which", "its", "their");
    private static final Set<String> ELLIPTIC = Set.of("down from", "up from", "compared with", "compared to", "rising from", "falling from", "increase from", "drop from", "decline from", "rise from");
    private static final Set<String> REACH_VERBS = Set.of("reached", "totaled", "totalled", "numbered", "hit", "topped");
    private static final Set<String> RISE_VERBS = Set.of("rose", "climbed", "jumped", "increased", "grew", "surged", "soared", "fell", "dropped", "declined", "stood", "decreased");
    private static final Set<String> DEFINITE = Set.of("the", "these", "those");
    private static final Set<String> GROUP_ADJECTIVES = Set.of("militant", "jihadist", "terror", "terrorist", "extremist", "armed", "insurgent", "rebel", "ransomware", "hacker", "hacking", "cybercriminal", "criminal", "islamist", "sunni", "shiite", "iran-backed", "same");
    private static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "whose", "which");
    private static final Set<String> KILL_VERBS = Set.of("killed", "killing", "kill", "kills");
    private static final Set<String> INJURE_VERBS = Set.of("wounded", "wounding", "injured", "injuring", "wounds", "injures");
    private static final Set<String> ABDUCT_VERBS = Set.of("abducted", "abducting", "kidnapped", "kidnapping", "abducts", "kidnaps");
    private static final Set<String> HOSTAGE_VERBS = Set.of("took", "taken", "take", "takes", "taking", "held", "seized");
    private static final Set<String> SAY = Set.of("said", "says", "say", "told", "reported", "reports", "announced",
            "stated", "added", "noted", "wrote", "estimated", "confirmed", "tallied", "counted", "recorded", "found",
            "showed", "shows");
    private static final Set<String> SAY_SUBJECTLESS_OK = Set.of("said", "says", "told", "added");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "two", "three", "four", "several", "some",
            "senior", "other", "one", "another", "both", "five", "many");
    private static final Set<String> LAUNCH = Set.of("launched", "launch", "launches", "launching", "carried",
            "carry", "carries", "carrying", "conducted", "conduct", "conducts", "staged", "stage", "mounted", "mount",
            "claimed", "claims", "executed", "unleashed", "perpetrated", "committed", "fired", "waged", "set",
            "detonated", "planted", "triggered");
    private static final Set<String> NOT_REAL = Set.of("not", "never", "to", "would", "could", "might", "may", "will",
            "threatened", "vowed", "plans", "planned", "planning", "threatens", "vows", "cannot", "can't", "didn't",
            "won't", "if", "attempting", "trying", "tried", "foiled", "thwarted", "prevented");
    private static final java.util.Map<String, String> VERB_EVENTS = java.util.Map.ofEntries(
            java.util.Map.entry("attacked", "attack"), java.util.Map.entry("ambushed", "attack"),
            java.util.Map.entry("stormed", "attack"), java.util.Map.entry("assaulted", "attack"),
            java.util.Map.entry("bombed", "bombing"), java.util.Map.entry("raided", "raid"),
            java.util.Map.entry("kidnapped", "kidnapping"), java.util.Map.entry("abducted", "kidnapping"),
            java.util.Map.entry("shelled", "strike"), java.util.Map.entry("hijacked", "piracy incident"),
            java.util.Map.entry("opened", "shooting"));
    private static final Set<String> PERPETRATORS = Set.of("gunmen", "militants", "attackers", "assailants", "bomber",
            "bombers",
            "pirates", "bandits", "insurgents", "jihadists", "extremists", "rebels", "kidnappers", "gunman",
            "attacker", "assailant", "hackers", "men", "fighters");
    private static final Set<String> AUX = Set.of("had", "have", "has", "reportedly", "allegedly", "also", "then",
            "later", "again", "apparently", "suspected", "armed", "unidentified", "unknown", "masked", "late", "early",
            "on", "overnight", "first");
    /** Heads of "the group", "the militants", "the gang", "the army": what kind of actor each refers back to. */
    private static final Set<String> GROUP_HEADS = Set.of("group", "organization", "organisation", "outfit",
            "movement", "coalition", "alliance", "network", "faction", "branch", "affiliate");
    private static final Set<String> ARMED_HEADS = Set.of("militants", "jihadists", "insurgents", "extremists",
            "rebels", "militia", "militias", "fighters", "terrorists", "paramilitary", "paramilitaries");
    private static final Set<String> CYBER_HEADS = Set.of("gang", "hackers", "cybercriminals", "operators", "affiliates");
    private static final Set<String> ARMY_HEADS = Set.of("military", "army", "junta");
    /** "its warplanes", "the air force": air power, which a military has and an armed group rarely does. */
    private static final Set<String> AIR_HEADS = Set.of("warplanes", "jets", "air");
    private static final Set<String> MILITARY_NOUNS = Set.of("forces", "military", "army", "militaries",
            "warplanes", "jets", "navy", "navies", "aircraft", "drones", "artillery", "warships", "air");
    /** Clause breaks that open a subordinate clause, which a comma closes. */
    private static final Set<String> SUBORDINATORS = Set.of("after", "while", "although", "though", "whereas",
            "because");
    /** The toll types: counts of people, not of events. */
    private static final Set<String> TOLLS = Set.of("fatality", "injury", "kidnapping-victim");
    /** Event types that name others in general: "eleven of the strikes" after a figure of airstrikes. */
    private static final Set<String> GENERAL_EVENTS = Set.of("attack", "strike");
    /** Event types of a military's strikes, which land abroad as often as at home. */
    private static final Set<String> STRIKES = Set.of("strike", "airstrike", "drone attack", "rocket attack");
    /** "U.S. troops carried out 28 raids": a country's soldiers act as its military only before a verb of action. */
    private static final Set<String> TROOPS = Set.of("troops", "soldiers", "commandos", "marines", "paratroopers");
    /** "the territory", "that region", "there": a place named before, in a sentence's lower case. */
    static final LiteralSearch PLACE_ANAPHOR = LiteralSearch.exact()
            .or(true, List.of("the ", "that ", "this "), List.of("territory", "area", "region", "province", "country",
                    "state", "enclave", "city", "town", "district", "zone"))
            .or(true, List.of("there"));
    private static final java.util.Map<String, String> TIMES_VERBS = java.util.Map.of("boarded", "piracy incident",
            "hijacked", "piracy incident", "attacked", "attack", "struck", "strike", "hit", "attack",
            "targeted", "attack", "raided", "raid", "bombed", "bombing", "shelled", "strike");
    private static final Set<String> SHIPS = Set.of("ships", "vessels", "tankers", "boats");
    private static final Set<String> TARGETS = Set.of("targets", "positions", "sites", "hideouts", "locations",
            "objectives", "facilities", "depots", "ships", "vessels", "tankers", "boats");
    private static final Set<String> STRIKE_VERBS = Set.of("struck", "hit", "targeted", "bombed", "destroyed",
            "striking", "hitting", "targeting", "bombing", "strike", "strikes", "attacked", "attacking");
    /** Air power, in a sentence's lower case: what makes a strike an airstrike. */
    static final LiteralSearch AIR = LiteralSearch.exact()
            .or(true, List.of("warplanes", "jets", "aircraft", "air force", "airstrikes", "air strikes"));
    private static final Set<String> OWNER_NOUNS = Set.of("base", "bases", "embassy", "consulate", "troops",
            "soldiers", "forces", "warship", "warships", "ship", "ships", "vessel", "vessels", "convoy", "convoys",
            "personnel", "officials", "citizens", "nationals", "diplomats", "contractors", "aircraft", "destroyer",
            "interests", "targets", "positions", "military", "army", "navy", "border", "frontier");
    private static final Set<String> APPOSITIVE_OPENERS = Set.of("the", "a", "an", "also", "known", "its", "their",
            "which", "who", "formerly");
    private static final Set<String> CLAUSE_BREAK = Set.of(";", "after", "while", "although", "though", "whereas",
            "but", "because", "saying");
    private static final Set<String> COMPOUND = Set.of("linked", "backed", "affiliated", "aligned", "allied", "led",
            "inspired", "run", "controlled", "held", "style", "related", "loyal", "supported", "funded", "sponsored",
            "based");
    private static final Set<String> HIT_VERBS = Set.of("killed", "hit", "struck", "targeted", "wounded", "injured",
            "destroyed", "damaged", "rocked", "tore", "exploded", "ripped", "killing", "wounding", "injuring",
            "hitting", "striking", "targeting", "went");
    private static final Set<String> PEOPLE = Set.of("people", "persons", "civilians", "soldiers", "troops",
            "police", "policemen", "officers", "personnel", "children", "women", "men", "villagers", "worshippers",
            "students", "passengers", "migrants", "residents", "farmers", "miners", "pilgrims", "journalists",
            "hostages", "sailors", "seafarers", "crew", "fighters", "militants", "members", "workers", "staff",
            "individuals", "schoolgirls", "schoolchildren", "boys", "girls", "others", "Palestinians", "Israelis",
            "guards", "troopers", "peacekeepers", "servicemembers", "service", "contractors", "tourists", "fishermen",
            "traders", "travelers", "travellers", "truckers", "drivers", "engineers", "nationals", "foreigners",
            "Christians", "Muslims", "teachers", "doctors", "nurses", "clerics", "officials", "herders", "refugees",
            "displaced", "protesters", "demonstrators", "prisoners", "inmates", "gatherers", "shepherds",
            "christians", "muslims", "palestinians", "israelis", "yazidis", "worshipers", "voters", "lawmakers");
    private static final Set<String> TOLL_ADJ = Set.of("aid", "humanitarian", "health", "medical", "security",
            "government", "local", "foreign", "innocent", "unarmed", "young", "elderly", "international", "civilian",
            "police", "army", "military", "other", "more", "u.s.", "allied", "pro-government", "rebel", "tribal",
            // the trade in "87 bus drivers", "12 mine workers": a noun before the people noun
            "bus", "taxi", "truck", "transport", "construction", "factory", "farm", "mine", "oil", "hospital", "school",
            "bank", "railway", "road");
    private static final Set<String> KILLED = Set.of("killed", "dead", "died", "slain", "murdered", "executed");
    private static final Set<String> INJURED = Set.of("injured", "wounded", "hurt");
    private static final Set<String> ABDUCTED = Set.of("abducted", "kidnapped", "seized", "taken");
    private static final Set<String> BE = Set.of("were", "was", "have", "has", "had", "been", "are", "being", "is",
            "reportedly", "also", "all");
    private static final Set<String> AT_LEAST = Set.of("more than", "over", "at least", "upwards of",
            "in excess of", "no fewer than", "no less than", "a minimum of", "nearly all");
    private static final Set<String> APPROX = Set.of("nearly", "almost", "about", "approximately", "around",
            "roughly", "some", "an estimated", "estimated", "close to", "as many as", "up to", "approx", "just under",
            "just over", "circa", "an approximate");
    private static final Set<String> BLOCK_BEFORE = Set.of("$", "us$", "€", "£", "average", "averaged",
            "an average of", "average of", "on pace for", "on track for", "pace of", "projected", "expected",
            "forecast", "above", "below", "fewer than", "less than", "under", "no", "number", "top", "aged", "age",
            "ages", "rate of", "reach", "exceed", "surpass", "expected to", "pace to", "track to", "projected to",
            "set to", "likely to", "could", "would", "might", "than", "of the", "per", "each", "every", "only",
            "#", "vs", "record", "all", "target of", "goal of", "threshold of", "cap of", "limit of", "below the",
            "the first", "first time above", "mark of", "least one", "than one");
    private static final Set<String> BLOCK_AFTER = Set.of("%", "percent", "per", "percentage", "pct", "times", "-",
            "year", "years", "months", "days", "weeks", "hours", "minutes", "km", "kilometers", "kilometres", "miles",
            "millimetres", "millimeters", "mm", "cm", "meters", "metres", "feet", "tons", "tonnes", "dollars",
            "euros", "pounds", "degrees", "am", "pm", "a.m.", "p.m.", "th", "st", "nd", "rd", "o'clock", ":", "/");
    private static final Set<String> RATE_AFTER = Set.of("a day", "per day", "a week", "per week", "a month",
            "per month", "each day", "each week", "each month", "every day", "every week", "every month", "daily",
            "weekly", "monthly", "a year", "per year", "annually", "on average", "per capita");
    private static final Set<String> BREAKDOWN = Set.of("including", "among them", "among whom", "of whom",
            "of them", "among the dead", "among those", "among the victims", "among the injured", "among the wounded",
            "of which", "such as");
    /** "in a suicide bombing", "when gunmen stormed", "after a drone hit": the words of one incident, in any case. */
    static final LiteralSearch SINGLE_INCIDENT = singleIncident();

    private static LiteralSearch singleIncident() {
        List<String> article = List.of("a ", "an ", "the ");
        return LiteralSearch.ignoringCase()
                .or(true, List.of("in ", "during ", "by ", "from ", "after "),
                        List.of("a ", "an ", "the ", "that ", "this ", "one ", "Monday's ", "Tuesday's ", "Wednesday's ",
                                "Thursday's ", "Friday's ", "Saturday's ", "Sunday's ", "last week's ", "the same ",
                                "a single ", "a suspected ", "a massive ", "a deadly ", "a major ", "a separate "),
                        List.of("suicide ", "car ", "truck ", "roadside ", "drone ", "missile ", "rocket ", "deadly ",
                                "suspected ", "coordinated ", "massive ", "major ", "single ", "separate ", "twin ", ""),
                        List.of("attack", "strike", "bombing", "blast", "explosion", "raid", "ambush", "shooting",
                                "assault", "airstrike", "air strike", "incident", "crash", "massacre", "stampede", "fire"))
                .or(false, List.of("when "), article)
                .or(true, List.of("when "), List.of("gunmen", "militants", "attackers", "a gunman"))
                // "after a drone hit a base ..., killing three": one strike, named by what struck
                .or(true, List.of("after "), article, List.of("suicide ", "car ", "truck ", "roadside ", ""),
                        List.of("drone ", "missile ", "rocket ", "shell ", "mortar ", "bomb ", "bomber ", "gunman "),
                        List.of("hit", "struck", "slammed", "exploded", "detonated", "landed"))
                // "a helicopter crashed ..., killing nine soldiers": an accident's toll
                .or(true, List.of("a ", "an "), List.of("helicopter ", "plane ", "aircraft ", "boat ", "ferry ", "ship ",
                        "bus ", "train ", "building ", "bridge "), List.of("crashed", "capsized", "sank", "collapsed",
                        "derailed"));
    }

    /**
     * What a dateline is, as a regular expression; matched by {@link #datelineAt}, which gives the same answer
     * without backtracking: {@code ^(?:([A-Z][A-Z .'\-]{1,40}?)(?:, [A-Z][A-Za-z0-9 .,]{1,30})?|[A-Z][a-z]{2,8}\.? \d{1,2})
     * \([A-Z][A-Za-z. ]{1,20}\) ?[—\-]+ ?}. A city in capitals, maybe with its region, the day as Reuters writes it,
     * or both ("DUBAI, March 12 (Reuters) -", "RAMALLAH, West Bank, Aug 29 (Reuters) -"); or the day alone ("July 25
     * (Reuters) -"), which names no place.
     */
    static final String DATELINE = "^(?:([A-Z][A-Z .'\\-]{1,40}?)(?:, [A-Z][A-Za-z0-9 .,]{1,30})?|[A-Z][a-z]{2,8}\\.? \\d{1,2})"
            + " \\([A-Z][A-Za-z. ]{1,20}\\) ?[—\\-]+ ?";

    /**
     * The word lists above as lexicon classes, one bit each: a token carries the bits of the lists its word is in
     * ({@link Token#in}), found by the one lexicon lookup the tokenizer makes, where every question used to be a set
     * lookup of the token's string. The sets stay the word lists; {@link #classify} puts their words in the classes.
     * The top bits are the gazetteer's ({@link Gazetteer#NAME_START}).
     */
    private static final class In {
        static final long NUMBER_WORD = 1L;
        static final long VERB_EVENT = 1L << 1;
        static final long LAUNCH_VERB = 1L << 2;
        static final long SAY_VERB = 1L << 3;
        static final long ACRONYM_LICENSOR = 1L << 4;
        static final long PARTITIVE = 1L << 5;
        static final long REACH_VERB = 1L << 6;
        static final long RISE_VERB = 1L << 7;
        static final long DEFINITE = 1L << 8;
        static final long GROUP_ADJECTIVE = 1L << 9;
        static final long RELATIVE_PRONOUN = 1L << 10;
        static final long KILL_VERB = 1L << 11;
        static final long INJURE_VERB = 1L << 12;
        static final long ABDUCT_VERB = 1L << 13;
        static final long HOSTAGE_VERB = 1L << 14;
        static final long SAY_SUBJECTLESS = 1L << 15;
        static final long DETERMINER = 1L << 16;
        static final long NOT_REAL = 1L << 17;
        static final long PERPETRATOR = 1L << 18;
        static final long AUX = 1L << 19;
        static final long MILITARY_NOUN = 1L << 20;
        static final long TIMES_VERB = 1L << 21;
        static final long SHIP = 1L << 22;
        static final long TARGET = 1L << 23;
        static final long STRIKE_VERB = 1L << 24;
        static final long OWNER_NOUN = 1L << 25;
        static final long APPOSITIVE_OPENER = 1L << 26;
        static final long CLAUSE_BREAK = 1L << 27;
        static final long COMPOUND = 1L << 28;
        static final long HIT_VERB = 1L << 29;
        static final long PEOPLE = 1L << 30;
        static final long TOLL_ADJ = 1L << 31;
        static final long KILLED = 1L << 32;
        static final long INJURED = 1L << 33;
        static final long ABDUCTED = 1L << 34;
        static final long BE = 1L << 35;
        static final long BLOCK_AFTER = 1L << 36;
        static final long EVENT_MODIFIER = 1L << 37;
        /** "it", "they", "the", "its", "their": where {@link Run#anaphors} looks further. */
        static final long ANAPHOR_START = 1L << 38;
        /** "that", "and", "but": words that end a clause for {@link Run#isBoundary}. */
        static final long BOUNDARY_WORD = 1L << 39;
        /** "has", "have", "had", "was", "were", "is", "are": see {@link Run#containsVerbLike}. */
        static final long VERB_LIKE = 1L << 40;
        /** "a", "half": words that may open a count ("a dozen", "half a dozen"). */
        static final long COUNT_OPENER = 1L << 41;
        /** The last words of the qualifiers (AT_LEAST, APPROX): only after one is a qualifier looked for. */
        static final long QUALIFIER_END = 1L << 42;
        /** The last words of BLOCK_BEFORE, BREAKDOWN and ELLIPTIC phrases and of "first time above". */
        static final long BEFORE_PHRASE_END = 1L << 43;
        /** "a", "an". */
        static final long INDEFINITE_ARTICLE = 1L << 44;
        /** "according" (to), asked of every token. */
        static final long ACCORDING = 1L << 45;
        /** The first words of RATE_AFTER phrases: only after one is a rate ("a day", "per month") looked for. */
        static final long RATE_START = 1L << 46;
        static final long GROUP_HEAD = 1L << 47;
        static final long ARMED_HEAD = 1L << 48;
        static final long CYBER_HEAD = 1L << 49;
        static final long ARMY_HEAD = 1L << 50;
        static final long TROOPS = 1L << 51;
        static final long AIR_HEAD = 1L << 52;
        /** What may stand between two partners of a coalition: "and", ",", "the", "its rival faction". */
        static final long PARTNER_JOINER = 1L << 53;
    }

    /**
     * Words the rules compare tokens with one by one ({@link Token#is}): in the lexicon, a token of one of them
     * shares the literal, so that the comparison is an identity test.
     */
    private static final List<String> ASKED = List.of("'s", ",", "-", ".", ";", "\"", ":", "(", ")", "according",
            "an", "another", "at", "between", "blamed", "blew", "by", "carried", "carries", "carry", "carrying",
            "death", "deaths", "dozen", "fatalities", "fire", "for", "hostage", "hundred", "in", "injuries",
            "kidnapping", "members", "million", "of", "off", "on", "opened", "out", "responsibility", "second", "set",
            "suicide", "taken", "tens", "third", "thousand", "thousands", "times", "to", "toll", "up", "versus",
            "victims", "vs.", "with");

    /** Puts the extractor's word lists in the gazetteer's lexicon. Plain calls: this runs at cold start. */
    private static void classify(Lexicon lexicon, Set<String> eventModifiers) {
        lexicon.addClass(Numbers.numberWords(), In.NUMBER_WORD);
        lexicon.addClass(VERB_EVENTS.keySet(), In.VERB_EVENT);
        lexicon.addClass(LAUNCH, In.LAUNCH_VERB);
        lexicon.addClass(SAY, In.SAY_VERB);
        lexicon.addClass(ACRONYM_LICENSORS, In.ACRONYM_LICENSOR);
        lexicon.addClass(PARTITIVE, In.PARTITIVE);
        lexicon.addClass(REACH_VERBS, In.REACH_VERB);
        lexicon.addClass(RISE_VERBS, In.RISE_VERB);
        lexicon.addClass(DEFINITE, In.DEFINITE);
        lexicon.addClass(GROUP_ADJECTIVES, In.GROUP_ADJECTIVE);
        lexicon.addClass(RELATIVE_PRONOUNS, In.RELATIVE_PRONOUN);
        lexicon.addClass(KILL_VERBS, In.KILL_VERB);
        lexicon.addClass(INJURE_VERBS, In.INJURE_VERB);
        lexicon.addClass(ABDUCT_VERBS, In.ABDUCT_VERB);
        lexicon.addClass(HOSTAGE_VERBS, In.HOSTAGE_VERB);
        lexicon.addClass(SAY_SUBJECTLESS_OK, In.SAY_SUBJECTLESS);
        lexicon.addClass(DETERMINERS, In.DETERMINER);
        lexicon.addClass(NOT_REAL, In.NOT_REAL);
        lexicon.addClass(PERPETRATORS, In.PERPETRATOR);
        lexicon.addClass(AUX, In.AUX);
        lexicon.addClass(MILITARY_NOUNS, In.MILITARY_NOUN);
        lexicon.addClass(TROOPS, In.TROOPS);
        lexicon.addClass(AIR_HEADS, In.AIR_HEAD);
        lexicon.addClass(TIMES_VERBS.keySet(), In.TIMES_VERB);
        lexicon.addClass(SHIPS, In.SHIP);
        lexicon.addClass(TARGETS, In.TARGET);
        lexicon.addClass(STRIKE_VERBS, In.STRIKE_VERB);
        lexicon.addClass(OWNER_NOUNS, In.OWNER_NOUN);
        lexicon.addClass(APPOSITIVE_OPENERS, In.APPOSITIVE_OPENER);
        lexicon.addClass(CLAUSE_BREAK, In.CLAUSE_BREAK);
        lexicon.addClass(COMPOUND, In.COMPOUND);
        lexicon.addClass(HIT_VERBS, In.HIT_VERB);
        lexicon.addClass(PEOPLE, In.PEOPLE);
        lexicon.addClass(TOLL_ADJ, In.TOLL_ADJ);
        lexicon.addClass(KILLED, In.KILLED);
        lexicon.addClass(INJURED, In.INJURED);
        lexicon.addClass(ABDUCTED, In.ABDUCTED);
        lexicon.addClass(BE, In.BE);
        lexicon.addClass(BLOCK_AFTER, In.BLOCK_AFTER);
        lexicon.addClass(eventModifiers, In.EVENT_MODIFIER);
        lexicon.addClass(List.of("it", "they", "the", "its", "their"), In.ANAPHOR_START);
        lexicon.addClass(List.of("that", "and", "but"), In.BOUNDARY_WORD);
        lexicon.addClass(List.of("has", "have", "had", "was", "were", "is", "are"), In.VERB_LIKE);
        lexicon.addClass(List.of("a", "half"), In.COUNT_OPENER);
        lexicon.addClass(List.of("a", "an"), In.INDEFINITE_ARTICLE);
        lexicon.addClass(List.of("according"), In.ACCORDING);
        lexicon.addClass(lastWords(AT_LEAST), In.QUALIFIER_END);
        lexicon.addClass(lastWords(APPROX), In.QUALIFIER_END);
        lexicon.addClass(lastWords(BLOCK_BEFORE), In.BEFORE_PHRASE_END);
        lexicon.addClass(lastWords(BREAKDOWN), In.BEFORE_PHRASE_END);
        lexicon.addClass(lastWords(ELLIPTIC), In.BEFORE_PHRASE_END);
        lexicon.addClass(List.of("above"), In.BEFORE_PHRASE_END); // "time above", "first time above"
        lexicon.addClass(firstWords(RATE_AFTER), In.RATE_START);
        lexicon.addClass(GROUP_HEADS, In.GROUP_HEAD);
        lexicon.addClass(ARMED_HEADS, In.ARMED_HEAD);
        lexicon.addClass(CYBER_HEADS, In.CYBER_HEAD);
        lexicon.addClass(ARMY_HEADS, In.ARMY_HEAD);
        lexicon.addClass(List.of("and", ",", "the", "its", "their", "rival", "ally", "allied", "faction"),
                In.PARTNER_JOINER);
        lexicon.addClass(ASKED, 0L);
    }

    /** The first word of each phrase. */
    private static List<String> firstWords(Set<String> phrases) {
        List<String> out = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            int space = p.indexOf(' ');
            out.add(space < 0 ? p : p.substring(0, space));
        }
        return out;
    }

    /** The last word of each phrase: a token never holds a space, so a phrase ends with the token before. */
    private static List<String> lastWords(Set<String> phrases) {
        List<String> out = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            out.add(p.substring(p.lastIndexOf(' ') + 1));
        }
        return out;
    }

    private record Anaphor(int start, int end, String compat) {
    }

    /** What one sentence analysis shares between its passes. */
    private record Ctx(String text, Tokens t, Gazetteer.Mention[] at, boolean[] attributed, boolean[] inPeriod,
                       List<PeriodParser.Span> usable, List<int[]> periodTokens, List<Anaphor> anaphors,
                       List<Gazetteer.Mention> mentions, String attribution,
                       List<Integer> usedEvents) {
    }

    private record Attribution(int start, int end, String text) {
    }

    private record ActorRef(String name, String type) {
    }

    // ------------------------------------------------------------------------------------------------ one article

    /**
     * One yes/no question about a sentence, answered once per sentence: the same text object asks again only after
     * the sentence changed (identity, not equals: a sentence's text is one String for all its numbers).
     */
    private static final class PerSentence {
        private final java.util.function.Predicate<String> question;
        private String text;
        private boolean answer;

        PerSentence(java.util.function.Predicate<String> question) {
            this.question = question;
        }

        boolean test(String sentence) {
            if (sentence != text) {
                text = sentence;
                answer = question.test(sentence);
            }
            return answer;
        }
    }

    private final class Run {
        final Article article;
        final LocalDate published;
        final List<Fact> facts = new ArrayList<>();
        final List<ActorRef> recent = new ArrayList<>();
        /** Actors whose short acronym ("IS") the article licenses by naming them; made on first need. */
        private Set<String> licensed;
        List<String> lastCountries = List.of();
        Places previousSentencePlaces;
        Places articlePlaces;
        Period lastPeriod;
        /** The periods of the last figures, latest first: what "the same six months" may refer back to. */
        final ArrayDeque<Period> recentPeriods = new ArrayDeque<>(4);
        Fact lastFact;
        Fact lastPeriodFact;
        int sentenceIndex;
        int lastFactSentence = -10;
        /** The sentence whose toll last took the period of the events counted before it ("The attacks killed"). */
        int backTollSentence = -10;
        String lowerBody;
        Places paragraphPlaces;
        String datelineCountry;

        Run(Article article) {
            this.article = article;
            this.published = article.published();
        }

        /** Only sentences with a licensed acronym ask, so most articles never scan their body for the aliases. */
        private Set<String> licensed() {
            if (licensed == null) {
                licensed = new LinkedHashSet<>();
                for (var e : gazetteer.licensingAliases.entrySet()) {
                    for (String alias : e.getValue()) {
                        if (alias.length() > 3 && article.body().contains(alias)) {
                            licensed.add(e.getKey());
                            break;
                        }
                    }
                }
            }
            return licensed;
        }

        private String lowerBody() {
            if (lowerBody == null) {
                lowerBody = article.body().toLowerCase(Locale.ROOT);
            }
            return lowerBody;
        }

        /** Whose lower case {@link #lowerText} holds: the sentence being read. */
        private String lowerTextOf;
        private String lowerText;

        /**
         * The sentence in lower case, made on first use: most sentences count nothing and never ask (nearly every
         * question is answered from the tokens' word classes), and lower-casing every one was a tenth of the time.
         */
        private String lowerText(String text) {
            if (lowerTextOf != text) {
                lowerText = text.toLowerCase(Locale.ROOT);
                lowerTextOf = text;
            }
            return lowerText;
        }

        List<Fact> run() {
            List<String> paragraphs = BodyCleaner.paragraphs(article.body());
            // a scraped page may open with a line or two of its own ("Share this article") before the dateline
            int datelineChances = 3;
            for (String p : paragraphs) {
                paragraphPlaces = null;
                boolean opening = datelineChances-- > 0;
                for (String sentence : SentenceSplitter.split(p)) {
                    if (opening) {
                        String rest = dateline(sentence);
                        if (rest != sentence) {
                            datelineChances = 0; // found: no later paragraph opens with one
                        }
                        sentence = rest;
                        opening = false;
                    }
                    if (sentence.length() > 2000) {
                        sentence = sentence.substring(0, 2000); // a run-on "sentence" is not prose
                    }
                    sentence(sentence);
                }
            }
            return dedupe(facts);
        }

        private String dateline(String sentence) {
            int open = sentence.indexOf('(');
            int[] m = open > 0 && open < 80 ? datelineAt(sentence, open) : null;
            if (m != null) {
                String city = sentence.substring(0, m[0]).strip();
                Tokens tokens = Tokenizer.tokenize(titleCase(city), gazetteer.lexicon);
                for (Gazetteer.Mention mention : gazetteer.match(tokens, null)) {
                    if (mention.kind() == Gazetteer.Kind.PLACE || mention.kind() == Gazetteer.Kind.COUNTRY) {
                        datelineCountry = mention.value();
                        break;
                    }
                }
                return sentence.substring(m[1]);
            }
            return sentence;
        }

        // -------------------------------------------------------------------------------------- one sentence

        private void sentence(String text) {
            sentenceIndex++;
            int factsBefore = facts.size();
            Tokens t = Tokenizer.tokenize(text, gazetteer.lexicon);
            if (t.isEmpty()) {
                return;
            }
            List<Gazetteer.Mention> mentions = gazetteer.match(t, (actor, tokens, at) ->
                    !shouting.test(text) && (licensed().contains(actor) || (at + 1 < tokens.size()
                            && tokens.get(at + 1).in(In.ACRONYM_LICENSOR))));
            int n = t.size();
            // "al-Qaida-linked", "Iran-backed": an adjective, not a mention of the actor (match's list is ours)
            for (int k = mentions.size() - 1; k >= 0; k--) { // a loop: no predicate object per sentence
                Gazetteer.Mention m = mentions.get(k);
                if (m.kind() == Gazetteer.Kind.ACTOR && m.end() + 1 < n && t.get(m.end()).is("-")
                        && t.get(m.end() + 1).in(In.COMPOUND)) {
                    mentions.remove(k);
                }
            }
            militaryPhrases(t, mentions);
            Gazetteer.Mention[] at = new Gazetteer.Mention[n];
            for (Gazetteer.Mention m : mentions) {
                for (int k = m.start(); k < m.end(); k++) {
                    at[k] = m;
                }
            }
            List<Attribution> attributions = attributions(t, text);
            boolean[] attributed = new boolean[n];
            for (Attribution a : attributions) {
                for (int k = a.start(); k < a.end(); k++) {
                    attributed[k] = true;
                }
            }
            // time expressions matter only where something could be counted: a number, an event word, an event verb
            boolean countable = false;
            for (int k = 0; k < n && !countable; k++) {
                Token x = t.get(k);
                countable = x.type() == Token.Type.NUMBER || (at[k] != null && at[k].kind() == Gazetteer.Kind.EVENT)
                        || (x.isWord() && x.in(In.NUMBER_WORD | In.VERB_EVENT));
            }
            List<PeriodParser.Span> spans = countable ? PeriodParser.find(text, t, () -> lowerText(text), published, lastPeriod)
                    : List.of();
            List<int[]> periodTokens = new ArrayList<>();
            List<PeriodParser.Span> usable = new ArrayList<>();
            boolean[] inPeriod = new boolean[n];
            // most sentences have no time expression: then nothing to resolve, and no list made
            List<PeriodParser.Span> resolved = spans.isEmpty() ? spans : new ArrayList<>(spans.size());
            for (PeriodParser.Span s : spans) {
                resolved.add(s.anaphoric() ? sameLength(s, text) : PeriodParser.upTo(text, s));
            }
            for (PeriodParser.Span s : resolved) {
                if (overlapsALongerOne(s, resolved)) {
                    continue; // "in the week" of "in the week ending Sunday" is not "the same week" as before
                }
                // the tokens inside the span: one run, as tokens follow each other, found from its first
                int a = -1;
                int b = -1;
                for (int k = firstStartingAt(t, s.start()); k < n && t.get(k).end() <= s.end(); k++) {
                    if (a < 0) {
                        a = k;
                    }
                    b = k + 1;
                    inPeriod[k] = true;
                }
                if (a < 0) {
                    continue;
                }
                // "said Monday", "in its report released on Friday": when it was said, not when it happened
                int w = a > 1 && t.get(a - 1).is("on") ? a - 2 : a - 1;
                boolean saidWhen = w >= 0 && s.day() && (t.get(w).in(In.SAY_VERB) || published(t.get(w)));
                if (!saidWhen && !attributed[a]) {
                    usable.add(s);
                    periodTokens.add(new int[]{a, b});
                }
            }
            List<Anaphor> anaphors = countable ? anaphors(t, at, attributed) : List.of();
            boolean dayKnown = false;
            for (PeriodParser.Span s : usable) {
                dayKnown |= s.day();
            }

            String attribution = attributions.isEmpty() ? null : attributionText(attributions.getFirst(), t, at, anaphors);
            List<Integer> usedEvents = new ArrayList<>();

            Ctx c = new Ctx(text, t, at, attributed, inPeriod, usable, periodTokens, anaphors, mentions,
                    attribution, usedEvents);

            // "Kidnappings reached 438 ..., up from 300 ...": the reached figure first, for the comparison to follow
            reachedCounts(c);
            if (countable) {
                counts(c);
            }
            if (countable) {
                singleIncidents(c, dayKnown);
            }
            if (dayKnown && usedEvents.isEmpty()) {
                verbIncidents(c);
            }
            if (lastFact != null && lastFact.kind() == FactKind.INCIDENT && lastFact.actor() == null
                    && lastFactSentence >= sentenceIndex - 3) {
                claimedBy(c);
            }
            remember(c, factsBefore);
        }

        /** A verb that says when a report came out: "released on Friday". */
        private static boolean published(Token w) {
            return w.is("released") || w.is("published") || w.is("issued") || w.is("posted") || w.is("unveiled");
        }

        /** Whether a longer one of {@code spans} overlaps {@code s}. */
        private static boolean overlapsALongerOne(PeriodParser.Span s, List<PeriodParser.Span> spans) {
            for (PeriodParser.Span o : spans) {
                if (o != s && o.start() < s.end() && s.start() < o.end() && o.end() - o.start() > s.end() - s.start()) {
                    return true;
                }
            }
            return false;
        }

        /** The first token starting at or after {@code offset} ({@code t.size()} if none): a binary search. */
        private static int firstStartingAt(Tokens t, int offset) {
            int lo = 0;
            int hi = t.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (t.get(mid).start() < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Counts that quantify an event ("153 attacks") or a toll ("killed 40 people") over a period. */
        private void counts(Ctx c) {
            Tokens t = c.t;
            int n = t.size();
            Gazetteer.Mention[] at = c.at;
            for (int i = 0; i < n; i++) {
                if (c.inPeriod[i] || c.attributed[i] || at[i] != null) {
                    continue;
                }
                Token tok = t.get(i);
                if (tok.type() != Token.Type.NUMBER && !tok.isWord()) {
                    continue;
                }
                if (tok.isWord() && !tok.in(In.NUMBER_WORD | In.COUNT_OPENER)) { // nor "a", "half"
                    continue;
                }
                Numbers.Parsed num = Numbers.parse(t, i);
                if (num == null) {
                    continue;
                }
                int qStart = i;
                Qualifier q = num.qualifier();
                // phrases before the number are built only after a word that can end one
                if (i >= 1 && t.get(i - 1).in(In.QUALIFIER_END)) {
                    for (int words = 3; words >= 1; words--) { // the longest qualifier
                        Qualifier phrase = qualifierPhrase(t, i, words);
                        if (phrase != null) {
                            q = phrase;
                            qStart = i - words;
                            break;
                        }
                    }
                }
                int end = num.end();
                // blocked by what comes before the number (and its qualifier)
                Token before = qStart >= 1 ? t.get(qStart - 1) : null;
                // every BLOCK_BEFORE, BREAKDOWN and ELLIPTIC phrase ends with a BEFORE_PHRASE_END word (a one-word
                // phrase is its own last word): after any other word, which is most, none can match and the phrase
                // strings are not built
                boolean phraseBefore = before != null && before.in(In.BEFORE_PHRASE_END);
                if (phraseBefore && blockingPhrases.endsAt(t, qStart)) {
                    if (!(before.is("to") && q != Qualifier.EXACT)) {
                        i = end - 1;
                        continue;
                    }
                }
                // a range: "10 to 15 attacks", "between 10 and 15"
                if (end + 1 < n && (t.get(end).is("to") || t.get(end).is("-") || (t.get(end).is("and") && before != null && before.is("between")))) {
                    Numbers.Parsed upper = Numbers.parse(t, end + 1);
                    if (upper != null && upper.value() > num.value()) {
                        q = Qualifier.AT_LEAST;
                        end = upper.end();
                    }
                }
                String timesEvent = null;
                if (end < n && t.get(end).is("times")) {
                    // "Armed robbers boarded ships 62 times"
                    for (int k = qStart - 1; k >= Math.max(0, qStart - 14) && !t.get(k).is(","); k--) {
                        String v = t.get(k).in(In.TIMES_VERB) ? TIMES_VERBS.get(t.get(k).lower()) : null;
                        if (v != null) {
                            timesEvent = v;
                            break;
                        }
                    }
                }
                if (timesEvent == null && end < n && t.get(end).in(In.BLOCK_AFTER)) {
                    i = end - 1;
                    continue;
                }
                if (num.value() < 1) {
                    continue;
                }
                boolean breakdown = phraseBefore
                        && breakdownPhrases.endsAt(t, qStart);
                if (end + 1 < n && t.get(end).is("of") && t.get(end + 1).in(In.PARTITIVE)) {
                    // "a dozen of those abducted": a part of a figure given elsewhere; a fact of its own only as
                    // that figure's breakdown by month, place or actor
                    partOfTheLastFigure(c, qStart, end + 2, num.value(), q);
                    continue;
                }
                if (qStart >= 3 && t.get(qStart - 1).is(",") && t.get(qStart - 2).in(In.PARTITIVE)
                        && t.get(qStart - 3).is("of") && (qStart == 3 || t.get(qStart - 4).is(","))) {
                    partOfTheLastFigure(c, qStart, end, num.value(), q); // "Of those, 255 took place in Cabo Delgado"
                    continue;
                }
                // what is counted: skip modifiers, then an event term or a toll
                int j = end;
                String phraseActor = null;
                int guard = 0;
                while (j < n && guard++ < 5) {
                    Token x = t.get(j);
                    Gazetteer.Mention m = at[j];
                    if (m != null && m.start() == j && m.kind() == Gazetteer.Kind.ACTOR) {
                        phraseActor = m.value();
                        j = m.end();
                    } else if (m != null && m.start() == j && m.kind() == Gazetteer.Kind.DEMONYM) {
                        String military = demonymMilitary(t, m);
                        if (military != null) {
                            phraseActor = military;
                        }
                        j = m.end();
                    } else if (x.in(In.EVENT_MODIFIER) && !(m != null && m.kind() == Gazetteer.Kind.EVENT)) {
                        j++;
                    } else {
                        break;
                    }
                }
                Gazetteer.Mention ev = j < n ? at[j] : null;
                String eventType = null;
                int eventEnd = j;
                boolean toll = false;
                if (ev != null && ev.start() == j && ev.kind() == Gazetteer.Kind.EVENT) {
                    eventType = ev.value();
                    eventEnd = ev.end();
                    if (!ev.entry().context().isEmpty()) {
                        boolean ok = false;
                        for (String w : ev.entry().context()) {
                            if (lowerText(c.text).contains(w) || lowerBody().contains(w)) {
                                ok = true; // one is enough: the rest (and the body's lower case) need not be read
                                break;
                            }
                        }
                        if (!ok) {
                            eventType = null;
                        }
                    }
                    if (eventType != null && rateFollows(t, eventEnd)) {
                        i = eventEnd - 1;
                        continue;
                    }
                }
                if (timesEvent != null) {
                    eventType = timesEvent;
                    eventEnd = end + 1;
                }
                if (eventType == null && j < n && t.get(j).in(In.TARGET) && qStart > 0
                        && t.get(qStart - 1).in(In.STRIKE_VERB)) {
                    // "struck 312 PKK targets": each target struck is a strike
                    eventType = t.get(j).in(In.SHIP) ? "attack"
                            : AIR.find(lowerText(c.text)) ? "airstrike" : "strike";
                    eventEnd = j + 1;
                    phraseActor = null; // "PKK targets" are the PKK's, struck by someone else
                }
                if (eventType == null) {
                    eventType = toll(t, qStart, end, j);
                    toll = eventType != null;
                    if (toll && breakdown) {
                        continue;
                    }
                }
                Fact inherit = null;
                int next = eventType != null ? eventEnd : end;
                boolean elliptic = (phraseBefore && ellipticPhrases.has(t, qStart, 2))
                        || (before != null && (before.is("versus") || before.is("vs.")))
                        // "67 attacks ..., against 46 in the same period a year earlier"; not "against 46 targets"
                        || (before != null && before.is("against") && next < n && (t.get(next).is("in")
                        || t.get(next).is("a") || t.get(next).is("the") || t.get(next).is("during")
                        || t.get(next).is("over") || t.get(next).is("last")));
                if (elliptic && lastFact != null && lastFactSentence >= sentenceIndex - 1 && !toll
                        && (eventType == null || eventType.equals(lastFact.eventType()))) {
                    inherit = lastFact;
                    eventType = lastFact.eventType();
                }
                if (eventType == null && lastFact != null && lastFactSentence == sentenceIndex && qStart >= 4
                        && t.get(qStart - 2).in(In.RELATIVE_PRONOUN) && t.get(qStart - 3).is(",")
                        && at[qStart - 4] != null && at[qStart - 4].kind() == Gazetteer.Kind.ACTOR) {
                    // "overtaking LockBit, which named 176": the same kind of figure, for the actor just named
                    phraseActor = at[qStart - 4].value();
                    eventType = lastFact.eventType();
                }
                if (eventType == null) {
                    continue;
                }
                if (emitCount(c, num.value(), q, i, qStart, eventType, toll, phraseActor, eventEnd, inherit)) {
                    c.usedEvents.add(j);
                }
                i = Math.max(i, eventEnd - 1);
            }
        }

        /**
         * The qualifier the {@code words} tokens ending before {@code end} say ("at least", "nearly"), or null when
         * they are no qualifier phrase.
         */
        private Qualifier qualifierPhrase(Tokens t, int end, int words) {
            return atLeastPhrases.has(t, end, words) ? Qualifier.AT_LEAST
                    : approxPhrases.has(t, end, words) ? Qualifier.APPROX : null;
        }

        /** "Kidnappings in Haiti reached 438 in the first quarter": an event term, then its figure. */
        private void reachedCounts(Ctx c) {
            Tokens t = c.t;
            int n = t.size();
            for (Gazetteer.Mention m : c.mentions) {
                if (m.kind() != Gazetteer.Kind.EVENT || c.usedEvents.contains(m.start()) || c.attributed[m.start()]
                        || singular(t.get(m.end() - 1)) || !m.entry().context().isEmpty()) {
                    continue;
                }
                for (int k = m.end(); k < Math.min(n - 1, m.end() + 12); k++) {
                    Token v = t.get(k);
                    if (v.is(",") || v.is(";") || c.attributed[k] || (v.type() == Token.Type.NUMBER && !c.inPeriod[k])) {
                        break;
                    }
                    int numAt = -1;
                    if (v.in(In.REACH_VERB)) {
                        numAt = k + 1;
                    } else if (v.in(In.RISE_VERB)
                            && (t.get(k + 1).is("to") || t.get(k + 1).is("at"))) {
                        numAt = k + 2;
                    }
                    if (numAt < 0 || numAt >= n) {
                        continue;
                    }
                    Qualifier q = Qualifier.EXACT;
                    int x = numAt;
                    for (int words = 2; words >= 1; words--) { // "more than 400", "nearly 600"
                        Qualifier phrase = qualifierPhrase(t, x + words, words);
                        if (phrase != null) {
                            q = phrase;
                            x += words;
                            break;
                        }
                    }
                    Numbers.Parsed num = x < n ? Numbers.parse(t, x) : null;
                    if (num == null || (num.end() < n && t.get(num.end()).in(In.BLOCK_AFTER))) {
                        break;
                    }
                    if (q == Qualifier.EXACT) {
                        q = num.qualifier();
                    }
                    if (emitCount(c, num.value(), q, x, m.start(), m.value(), false, null, m.end(), null)) {
                        c.usedEvents.add(m.start());
                    }
                    break;
                }
            }
        }

        /** Single incidents: "launched a new drone attack", "A car bomb killed ..." on a known day. */
        private void singleIncidents(Ctx c, boolean dayKnown) {
            Tokens t = c.t;
            int n = t.size();
            Gazetteer.Mention[] at = c.at;
            boolean[] attributed = c.attributed;
            for (int i = 0; i < n; i++) {
                int evAt = -1;
                int verbAt = -1;
                Token tok = t.get(i);
                if (tok.in(In.LAUNCH_VERB) && !attributed[i]) {
                    int k = i + 1;
                    if (k < n && (tok.is("carried") || tok.is("carry") || tok.is("carries") || tok.is("carrying"))) {
                        if (!t.get(k).is("out")) {
                            continue;
                        }
                        k++;
                    }
                    if (tok.is("set")) {
                        if (k >= n || !t.get(k).is("off")) {
                            continue;
                        }
                        k++;
                    }
                    if (tok.lower().startsWith("claim") && k + 2 < n && t.get(k).is("responsibility") && t.get(k + 1).is("for")) {
                        k += 2;
                    }
                    if (k < n && (t.get(k).is("a") || t.get(k).is("an") || t.get(k).is("another"))) {
                        int e = skipModifiers(t, at, k + 1);
                        if (e < n && at[e] != null && at[e].start() == e && at[e].kind() == Gazetteer.Kind.EVENT
                                && singular(t.get(at[e].end() - 1))) {
                            evAt = e;
                            verbAt = i;
                        }
                    }
                    if (evAt >= 0 && negated(t, i)) {
                        evAt = -1;
                    }
                } else if (tok.in(In.INDEFINITE_ARTICLE) && (i == 0 || t.get(i - 1).is(",") || t.get(i - 1).is("\""))
                        && !attributed[i]) {
                    int e = skipModifiers(t, at, i + 1);
                    if (e < n && at[e] != null && at[e].start() == e && at[e].kind() == Gazetteer.Kind.EVENT
                            && singular(t.get(at[e].end() - 1))) {
                        int v = at[e].end();
                        // "A drone attack by the Houthis hit ..." / "A car bomb killed ..."
                        // "An Israeli drone strike on a car near the southern Lebanese coastal town of Naqoura on
                        // Wednesday killed ...": the place and the day may stand between
                        for (int k = v; k < Math.min(n, v + 18) && !t.get(k).is(";"); k++) {
                            if (t.get(k).in(In.HIT_VERB)) {
                                verbAt = k;
                                break;
                            }
                        }
                        if (verbAt >= 0 && dayKnown) {
                            evAt = e;
                        }
                    }
                }
                if (evAt < 0 || c.usedEvents.contains(evAt)) {
                    continue;
                }
                Gazetteer.Mention ev = at[evAt];
                PeriodParser.Span period = nearest(c.usable, c.periodTokens, evAt);
                Period p = period != null ? period.period() : Period.day(published);
                String actor = actorFor(t, at, attributed, c.anaphors, c.mentions, Math.min(verbAt, evAt), ev.end());
                Places where = places(t, at, attributed, c.text, evAt, actor);
                add(new Fact(actor, where.regions, ev.value(), 1, Qualifier.EXACT, p, FactKind.INCIDENT,
                        c.attribution, c.text, where.area));
                c.usedEvents.add(evAt);
                i = ev.end() - 1;
            }
        }

        /** "Gunmen kidnapped 287 students ... on Thursday", "the militants ambushed a bus ...". */
        private void verbIncidents(Ctx c) {
            Tokens t = c.t;
            int n = t.size();
            Gazetteer.Mention[] at = c.at;
            List<Gazetteer.Mention> mentions = c.mentions;
            for (int i = 1; i < n; i++) {
                String eventType = t.get(i).in(In.VERB_EVENT) ? VERB_EVENTS.get(t.get(i).lower()) : null;
                if (t.get(i).is("opened") && !(i + 1 < n && t.get(i + 1).is("fire"))) {
                    eventType = null;
                }
                if (t.get(i).is("blew") && i + 2 < n && t.get(i + 1).lower().endsWith("self") && t.get(i + 2).is("up")) {
                    eventType = "bombing"; // "a suicide bomber blew himself up"
                }
                if (eventType == null || c.attributed[i] || at[i] != null || negated(t, i)
                        || (i + 1 < n && t.get(i + 1).is("by"))) {
                    continue;
                }
                int subject = -1; // where the perpetrator named before the verb starts; -1: none
                String actor = null;
                for (int k = i - 1; k >= Math.max(0, i - 7); k--) {
                    Token x = t.get(k);
                    if (x.is(",") || x.is(";") || x.is("\"")) {
                        break;
                    }
                    Gazetteer.Mention m = at[k];
                    if (m != null && m.kind() == Gazetteer.Kind.ACTOR) {
                        actor = coalition(t, mentions, appositiveHead(t, mentions, m));
                        subject = m.start();
                        break;
                    }
                    Anaphor an = null;
                    for (Anaphor a : c.anaphors) {
                        if (a.end() - 1 == k || a.start() == k) {
                            an = a;
                        }
                    }
                    if (an != null) {
                        actor = resolve(an, t, mentions);
                        subject = an.start();
                        break;
                    }
                    if (x.in(In.PERPETRATOR)) {
                        // "Al-Shabab fighters", "Houthi rebels": the named group's men
                        Gazetteer.Mention named = k > 0 ? at[k - 1] : null;
                        subject = k;
                        if (named != null && named.kind() == Gazetteer.Kind.ACTOR) {
                            actor = named.value();
                            subject = named.start();
                        }
                        break;
                    }
                    if (!(x.in(In.AUX) || c.inPeriod[k])) {
                        int p = perpetratorBefore(t, k);
                        if (p < 0) {
                            break;
                        }
                        k = p + 1; // "gunmen on motorbikes stormed": the men before their short description
                    }
                }
                if (subject < 0 || subject > 0 && t.get(subject - 1).is("since")) {
                    continue; // "10 years since gunmen abducted 276 schoolgirls": then, not on the day named
                }
                PeriodParser.Span period = nearest(c.usable, c.periodTokens, i);
                Places where = places(t, at, c.attributed, c.text, i, actor);
                add(new Fact(actor, where.regions, eventType, 1, Qualifier.EXACT, period.period(),
                        FactKind.INCIDENT, c.attribution, c.text, where.area));
                break;
            }
        }

        /**
         * "gunmen on motorbikes", "militants in pickup trucks", "attackers armed with rifles": where the perpetrator
         * word stands before a description of two words at most that ends at {@code k}; -1 when it does not.
         */
        private static int perpetratorBefore(Tokens t, int k) {
            for (int j = k; j >= Math.max(1, k - 3); j--) {
                Token w = t.get(j);
                if (!w.isWord()) {
                    return -1;
                }
                if ((w.is("on") || w.is("in") || w.is("with") || w.is("armed") || w.is("riding"))
                        && t.get(j - 1).in(In.PERPETRATOR)) {
                    return j - 1;
                }
            }
            return -1;
        }

        /** "JNIM claimed the attack": who did the incident just reported. */
        private void claimedBy(Ctx c) {
            Tokens t = c.t;
            int n = t.size();
            Gazetteer.Mention[] at = c.at;
            for (int i = 0; i + 2 < n; i++) {
                // "IS-K claimed", or the last name of an appositive: "..., known as ISKP, claimed"
                int verb = at[i] == null ? n : at[i].end() + (at[i].end() < n && t.get(at[i].end()).is(",") ? 1 : 0);
                if (at[i] != null && at[i].kind() == Gazetteer.Kind.ACTOR && verb < n
                        && t.get(verb).lower().startsWith("claim")) {
                    int k = verb + 1;
                    // "claimed responsibility late Monday": the responsibility is for what the story is about
                    boolean responsibility = k < n && t.get(k).is("responsibility")
                            && (k + 1 == n || !t.get(k + 1).is("for"));
                    if (k + 1 < n && t.get(k).is("responsibility") && t.get(k + 1).is("for")) {
                        k += 2;
                    }
                    if (responsibility || k + 1 < n && (t.get(k).is("the") || t.get(k).is("that"))
                            && at[k + 1] != null && at[k + 1].kind() == Gazetteer.Kind.EVENT) {
                        Fact old = lastFact;
                        Fact claimed = new Fact(at[i].value(), old.regions(), old.eventType(), old.count(),
                                old.qualifier(), old.period(), old.kind(), old.attributedTo(), old.sentence(),
                                old.area());
                        facts.set(facts.lastIndexOf(old), claimed);
                        lastFact = claimed;
                        break;
                    }
                }
            }
        }

        /** The period the article's figures now refer back to ("over the same period"). */
        private void period(Period p) {
            lastPeriod = p;
            recentPeriods.remove(p);
            recentPeriods.addFirst(p);
            if (recentPeriods.size() > 4) {
                recentPeriods.removeLast();
            }
        }

        /**
         * "over the same six months" after a comparison with last year: the latest period of the length the phrase
         * names, where the last one has another length.
         */
        private PeriodParser.Span sameLength(PeriodParser.Span s, String text) {
            String phrase = text.substring(s.start(), s.end()).toLowerCase(Locale.ROOT);
            int months = phrase.contains("half") ? 6 : phrase.contains("quarter") ? 3 : phrase.contains("year") ? 12
                    : PeriodPhrases.monthsNamed(phrase); // "over the nine months": the latest nine-month figure
            if (months == 0 || months(s.period()) == months) {
                return s;
            }
            for (Period p : recentPeriods) {
                if (months(p) == months) {
                    return new PeriodParser.Span(s.start(), s.end(), p, false, true);
                }
            }
            return s;
        }

        /** Whole calendar months a period spans, or 0. */
        private static int months(Period p) {
            LocalDate start = p.start();
            LocalDate after = p.end().plusDays(1);
            if (start.getDayOfMonth() != 1 || after.getDayOfMonth() != 1) {
                return 0;
            }
            return (int) ChronoUnit.MONTHS.between(start, after);
        }

        /** Memory for the next sentences: actors named, places, countries named together, a period. */
        private void remember(Ctx c, int factsBefore) {
            // the sentence's subject is remembered last: "IS-K said one of its fighters had targeted Taliban
            // members. The group has claimed 11 attacks" is IS-K's, not the Taliban's
            Gazetteer.Mention subject = null;
            for (Gazetteer.Mention m : c.mentions) {
                if (m.kind() == Gazetteer.Kind.ACTOR) {
                    int s = m.start() > 0 && c.t.get(m.start() - 1).is("the") ? m.start() - 1 : m.start();
                    if (subject == null && (s == 0 || c.t.get(s - 1).is(","))) {
                        subject = m;
                    } else {
                        recent.add(new ActorRef(m.value(), m.entry().actorType()));
                    }
                }
            }
            if (subject != null) {
                recent.add(new ActorRef(subject.value(), subject.entry().actorType()));
            }
            if (recent.size() > 64) {
                recent.subList(0, recent.size() - 32).clear();
            }
            Places here = places(c.t, c.at, c.attributed, c.text);
            List<String> countries = countriesNamed(c);
            if (countries.size() >= 2) {
                lastCountries = countries;
            }
            boolean named = !here.inherited && (!here.regions.isEmpty() || here.area != null);
            previousSentencePlaces = named ? here : null;
            if (named) {
                paragraphPlaces = here;
                articlePlaces = here;
            }
            if (factsBefore == facts.size() && lastPeriod == null) {
                // "over the past five days ... over the same period": a period can be referred back to even when
                // the sentence that gave it counted nothing we keep (rockets fired)
                for (PeriodParser.Span sp : c.usable) {
                    if (!sp.day() && !sp.anaphoric()) {
                        period(sp.period());
                        break;
                    }
                }
            }
        }

        // Questions the rules ask about a sentence once per number in it: each answered once per sentence.
        private final PerSentence singleIncident = new PerSentence(SINGLE_INCIDENT::find);
        private final PerSentence placeAnaphor = new PerSentence(PLACE_ANAPHOR::find);
        private final PerSentence shouting = new PerSentence(BodyCleaner::mostlyUpperCase);
        private final PerSentence itsSoil = new PerSentence(Extractor::saysItsSoil);

        private boolean emitCount(Ctx c, long value, Qualifier q, int numIndex, int qStart, String eventType,
                                  boolean toll, String phraseActor, int eventEnd, Fact inherit) {
            PeriodParser.Span period = nearest(c.t, c.usable, c.periodTokens, numIndex);
            if (inherit != null) {
                // "up from six the year before": the period after the number, relative to the figure compared with
                int from = c.t.get(numIndex).end();
                // after the number, or after what it counts ("up from 305 attacks in the previous quarter")
                int counted = eventEnd > numIndex + 1 ? c.t.get(eventEnd - 1).end() : from;
                Period before = PeriodParser.monthsBefore(c.text, from, inherit.period());
                if (before == null && counted != from) {
                    before = PeriodParser.monthsBefore(c.text, counted, inherit.period());
                }
                List<PeriodParser.Span> after = before != null ? List.of(new PeriodParser.Span(0, 0, before, false))
                        : PeriodParser.find(c.text.substring(from), published, inherit.period());
                period = null;
                for (PeriodParser.Span s : after) {
                    // "up from 38 the month before, a think tank said Monday": when it was said is no period
                    int k = firstStartingAt(c.t, from + s.start());
                    if (s.start() <= 40 && !(s.day() && k > 0 && c.t.get(k - 1).in(In.SAY_VERB))) {
                        period = s;
                        break;
                    }
                }
            }
            boolean theseEvents = toll && inherit == null && lastFact != null && lastFactSentence >= sentenceIndex - 2
                    && (definiteEventsBefore(c, qStart) || (backTollSentence == sentenceIndex && qStart >= 2
                    && (c.t.get(qStart - 2).is("and") || c.t.get(qStart - 2).is(","))));
            if (theseEvents && period != null && period.start() > 0 && acrossComma(c, period, numIndex)) {
                // "the attacks killed 141 people, ..., and that attacks were 15% more than in September": the
                // events' toll is over their period, not over one named in another clause
                period = null;
            }
            if (period == null && theseEvents && lastPeriodFact != null && lastFactSentence >= sentenceIndex - 1
                    && !lastPeriodFact.eventType().equals(eventType)) {
                // "The attacks killed 104 people ... and wounded 118 others": the toll of the events just counted,
                // over their period
                period = new PeriodParser.Span(0, 0, lastPeriodFact.period(), false, true);
                backTollSentence = sentenceIndex;
            }
            if (period == null && qStart > 0 && c.t.get(qStart - 1).is("another") && lastPeriodFact != null
                    && lastFactSentence >= sentenceIndex - 1) {
                // "killed 1,520 people between April and June. Another 609 people were injured": the same period
                period = new PeriodParser.Span(0, 0, lastPeriodFact.period(), false, true);
            }
            if (period == null) {
                return false; // a number with no period is not a series value
            }
            if (toll && (period.period().days() <= 1 || singleIncident.test(c.text))) {
                return false; // the toll of one incident is not a count of events
            }
            if (inherit != null && period.period().equals(inherit.period())) {
                return false; // "up from six ..." compares with another period, or it is not a figure of its own
            }
            boolean comparison = inherit == null && comparedWith(c.t, qStart); // "compared with 98 attacks in 2023"
            String actor;
            List<String> regions;
            String area;
            if (inherit != null) {
                actor = inherit.actor();
                regions = inherit.regions();
                area = inherit.area();
            } else {
                actor = phraseActor != null ? phraseActor
                        : actorFor(c.t, c.at, c.attributed, c.anaphors, c.mentions, qStart, eventEnd);
                Places where = places(c.t, c.at, c.attributed, c.text, numIndex, actor);
                regions = where.regions;
                area = where.area;
                Fact compared = comparison && lastFactSentence >= sentenceIndex - 2 ? lastOf(eventType) : null;
                if (compared != null) {
                    // "The tally compares with 812 airstrikes in the first half of 2024", "The tally is up from 97
                    // attacks": the same series' perpetrator and place, unless named again
                    actor = actor != null ? actor : compared.actor();
                    if (where.inherited) {
                        regions = compared.regions();
                        area = compared.area();
                    }
                }
                if (actor == null && regions.size() == 1 && militaryAnaphorBefore(c, qStart)) {
                    // "the air force had conducted 25 airstrikes" with no military named before: the country's own
                    actor = gazetteer.militaryOf.get(regions.getFirst());
                }
                if (where.inherited && period.anaphoric() && lastPeriodFact != null) {
                    // "during the six months": the same statistic's place, not the last place named
                    regions = lastPeriodFact.regions();
                    area = lastPeriodFact.area();
                }
            }
            FactKind kind = period.day() ? FactKind.INCIDENT : FactKind.REPORTED;
            if (theseEvents && actor == null) {
                actor = lastFact.actor(); // "the attacks killed 163 people": the perpetrator of the attacks just counted
            }
            if ("attack".equals(eventType) && actor != null && "cyber".equals(gazetteer.actorTypes.get(actor))) {
                eventType = "ransomware attack";
            }
            Fact f = new Fact(actor, regions, eventType, value, q, period.period(), kind, c.attribution, c.text, area);
            add(f);
            if (inherit == null && !comparison) {
                period(f.period());
                lastPeriodFact = f;
            }
            return true;
        }

        /** The latest fact of the article counting {@code eventType}, or null. */
        private Fact lastOf(String eventType) {
            for (int k = facts.size() - 1; k >= 0; k--) {
                if (facts.get(k).eventType().equals(eventType)) {
                    return facts.get(k);
                }
            }
            return null;
        }

        /**
         * Whether the last anaphor before {@code qStart} wants a military ("the army", "its warplanes"), and is not one
         * side of a war "between" two (as {@link #actorFor} reads it: neither side alone).
         */
        private static boolean militaryAnaphorBefore(Ctx c, int qStart) {
            Anaphor last = null;
            for (Anaphor a : c.anaphors) {
                if (a.end() <= qStart) {
                    last = a;
                }
            }
            if (last == null || !last.compat().equals("military")) {
                return false;
            }
            for (int k = 0; k < last.start(); k++) {
                if (c.t.get(k).is("between")) {
                    return false;
                }
            }
            return true;
        }

        /**
         * "Nine of those attacks came in April", "Of those, 255 took place in Mozambique", "Islamic Jihad on its own
         * claimed 120 of the shootings", "attributed 41 of the October attacks to the TTP": a part of the
         * figure just given, with a month, place or actor of its own, is that figure's breakdown. Not a part named
         * by what happened in it ("crews were kidnapped in two of the attacks"), nor by its victims ("a dozen of
         * those abducted"): those are not events, or not a breakdown of the series.
         *
         * @param from the token after "of the", "of those"
         */
        private void partOfTheLastFigure(Ctx c, int qStart, int from, long value, Qualifier q) {
            if (lastFact == null || lastFactSentence < sentenceIndex - 3) {
                return;
            }
            Tokens t = c.t;
            int n = t.size();
            int noun = from;
            while (noun < n && noun < from + 3 && !(c.at[noun] != null && c.at[noun].kind() == Gazetteer.Kind.EVENT)) {
                noun++;
            }
            String events; // null: the part names no events ("61 of them", "Of those, 255 ..."), they are the whole's
            int after;
            if (noun < n && c.at[noun] != null && c.at[noun].kind() == Gazetteer.Kind.EVENT) {
                events = c.at[noun].value();
                after = c.at[noun].end();
            } else if (from == n || !t.get(from - 1).is("the") && !t.get(from).in(In.PEOPLE)
                    && !t.get(from).in(In.KILLED | In.INJURED | In.ABDUCTED)) {
                events = null; // not "a dozen of those abducted", "two of the wounded"
                after = from;
            } else {
                return;
            }
            Token before = qStart > 0 ? t.get(qStart - 1) : null;
            if (before != null && before.is("for") && qStart > 1 && (t.get(qStart - 2).is("responsible")
                    || t.get(qStart - 2).is("responsibility") || t.get(qStart - 2).is("accounted"))) {
                before = t.get(qStart - 2); // "claimed responsibility for 118 of the attacks", "accounted for 80 of"
            }
            String actor = null;
            Places where = null;
            Period period = null;
            if (before == null || before.is(",")) {
                // the part is the subject: what the sentence says of it, where and when it happened
                where = placesIn(t, c.at, c.attributed, c.text, after, n, -1);
                for (int k = 0; k < c.usable.size() && period == null; k++) {
                    if (c.periodTokens.get(k)[0] >= after && !c.usable.get(k).anaphoric()) {
                        period = c.usable.get(k).period();
                    }
                }
            } else if (before.is("accounted")) {
                // "The Singapore Strait accounted for 80 of the incidents": the part's place is the subject's
                where = placesIn(t, c.at, c.attributed, c.text, 0, qStart, -1);
            } else if (before.is("claimed") || before.is("claiming") || before.is("carried") || before.is("conducted")
                    || before.is("behind") || before.is("responsible") || before.is("responsibility")) {
                actor = actorFor(t, c.at, c.attributed, c.anaphors, c.mentions, qStart, after);
            } else if ((before.is("attributed") || before.is("blamed")) && after < n && t.get(after).is("to")) {
                for (int k = after + 1; k < n && k < after + 5 && !t.get(k).is(","); k++) {
                    if (c.at[k] != null && c.at[k].kind() == Gazetteer.Kind.ACTOR) {
                        actor = c.at[k].value();
                        break;
                    }
                }
            } else {
                return; // "crews were kidnapped in two of the attacks": a part named by what happened in it
            }
            // the whole: the figure the article is about (not the comparison after it, "up from 38 ..."), else the
            // latest, of the same events or, for a part that names them generally ("eleven of the strikes"), of
            // any; holding the part's own period
            Fact whole = null;
            for (int pass = 0; pass < 2 && whole == null; pass++) {
                for (int k = facts.size() - 1; k >= 0 && whole == null; k--) {
                    Fact f = facts.get(k);
                    if (f.kind() == FactKind.REPORTED && value < f.count()
                            && (events == null || GENERAL_EVENTS.contains(events) ? !TOLLS.contains(f.eventType())
                            : f.eventType().equals(events))
                            && (pass == 1 || f.period().equals(lastPeriod))
                            && (period == null || !period.start().isBefore(f.period().start())
                            && !period.end().isAfter(f.period().end()))) {
                        whole = f;
                    }
                }
            }
            if (whole == null) {
                return;
            }
            Fact part = new Fact(actor != null ? actor : whole.actor(), where != null ? where.regions : whole.regions(),
                    whole.eventType(), value, q, period != null ? period : whole.period(), FactKind.REPORTED,
                    c.attribution != null ? c.attribution : whole.attributedTo(), c.text,
                    where != null ? where.area : whole.area());
            if (Objects.equals(part.actor(), whole.actor()) && part.regions().equals(whole.regions())
                    && Objects.equals(part.area(), whole.area()) && part.period().equals(whole.period())) {
                return; // a part that is no breakdown of the figure
            }
            facts.add(part); // the whole stays the figure that later parts and references refer to
        }

        /**
         * Where the text goes on after a breakdown set off by commas at {@code k} (", including 15 soldiers,"): the
         * token after its closing comma; {@code k} when none starts there.
         */
        private static int pastIncluding(Tokens t, int k) {
            int n = t.size();
            if (k + 1 >= n || !t.get(k).is(",") || !t.get(k + 1).is("including")) {
                return k;
            }
            for (int close = k + 2; close < n && close < k + 10; close++) {
                if (t.get(close).is(",")) {
                    return close + 1;
                }
            }
            return k;
        }

        /** "The attacks killed": the toll's verb (before {@code qStart}) has events named with "the" as its subject. */
        private static boolean definiteEventsBefore(Ctx c, int qStart) {
            int k = qStart - 2;
            while (k >= 0 && c.at[k] != null && c.at[k].kind() == Gazetteer.Kind.EVENT) {
                k--;
            }
            return k >= 0 && k < qStart - 2 && c.t.get(k).in(In.DEFINITE);
        }

        /**
         * "Russia's forces", "Israeli airstrikes", "Syrian and Russian warplanes": a country named as the one that
         * acts is its military. Rewrites such country mentions into actor mentions, in place.
         */
        private void militaryPhrases(Tokens t, List<Gazetteer.Mention> mentions) {
            for (int idx = mentions.size() - 1; idx >= 0; idx--) {
                Gazetteer.Mention m = mentions.get(idx);
                boolean country = m.kind() == Gazetteer.Kind.COUNTRY || m.kind() == Gazetteer.Kind.DEMONYM;
                if (!country || !gazetteer.militaryOf.containsKey(m.value())) {
                    continue;
                }
                int k = m.end();
                if (k < t.size() && t.get(k).is("'s")) {
                    k++;
                }
                boolean acts = false;
                // "Russia's forces", or "U.S. troops" before a verb of action: the noun is part of the actor's name
                boolean noun = k < t.size() && t.get(k).in(In.MILITARY_NOUN) || k + 1 < t.size()
                        && t.get(k).in(In.TROOPS) && t.get(k + 1).in(In.LAUNCH_VERB | In.STRIKE_VERB);
                if (noun || countryStrikes(t, m, k)) {
                    acts = true;
                } else if (k < t.size() && m.kind() == Gazetteer.Kind.DEMONYM) {
                    for (Gazetteer.Mention e : mentions) {
                        if (e.start() == k && e.kind() == Gazetteer.Kind.EVENT
                                && !"fatality".equals(e.value())) {
                            acts = true;
                        }
                    }
                }
                if (!acts && k + 1 < t.size() && (t.get(k).is("and") || t.get(k).is(","))) {
                    // "Syrian and Russian warplanes": the next member of the list decides
                    for (int j = idx + 1; j < mentions.size(); j++) {
                        Gazetteer.Mention nx = mentions.get(j);
                        if (nx.start() == k + 1 && nx.kind() == Gazetteer.Kind.ACTOR
                                && "military".equals(nx.entry().actorType())) {
                            acts = true;
                        }
                    }
                }
                if (acts) {
                    int end = noun ? k + 1 : m.end();
                    mentions.set(idx, new Gazetteer.Mention(m.start(), end,
                            Gazetteer.Entry.military(gazetteer.militaryOf.get(m.value()))));
                }
            }
        }

        /**
         * "Israel carried out 29 strikes", "..., and Turkey has struck 312 targets": a country that is the subject of
         * a verb of striking (not of claiming) acts through its military. {@code k} is the token after the name.
         */
        private static boolean countryStrikes(Tokens t, Gazetteer.Mention m, int k) {
            if (m.kind() != Gazetteer.Kind.COUNTRY || k != m.end()
                    || (m.start() > 0 && !isBoundary(t.get(m.start() - 1)))) {
                return false;
            }
            if (k < t.size() && (t.get(k).is("has") || t.get(k).is("have") || t.get(k).is("had"))) {
                k++;
            }
            return k < t.size() && t.get(k).in(In.LAUNCH_VERB | In.STRIKE_VERB)
                    && !t.get(k).is("claimed") && !t.get(k).is("claims");
        }

        private void add(Fact f) {
            lastFactSentence = sentenceIndex;
            facts.add(f);
            lastFact = f;
        }

        // -------------------------------------------------------------------------------------- who

        private String actorFor(Tokens t, Gazetteer.Mention[] at, boolean[] attributed, List<Anaphor> anaphors,
                                List<Gazetteer.Mention> mentions, int before, int after) {
            Gazetteer.Mention bestMention = null;
            int between = -1;
            for (int k = 0; k < before; k++) {
                if (t.get(k).is("between")) {
                    between = k; // "the war between the army and the RSF has killed": neither side alone
                }
            }
            for (Gazetteer.Mention m : mentions) {
                if (m.kind() == Gazetteer.Kind.ACTOR && m.end() <= before && !attributed[m.start()]
                        && !(between >= 0 && m.start() > between) && !struckTarget(t, m)
                        && !inRelativeAside(t, m.start(), before)) {
                    bestMention = m;
                }
            }
            Anaphor bestAnaphor = null;
            for (Anaphor a : anaphors) {
                if (a.end() <= before) {
                    bestAnaphor = a;
                }
            }
            if (bestAnaphor != null && (bestMention == null || bestAnaphor.start() > bestMention.start())) {
                String r = resolve(bestAnaphor, t, mentions);
                if (r != null) {
                    return r;
                }
            }
            if (bestMention != null) {
                return coalition(t, mentions, appositiveHead(t, mentions, bestMention));
            }
            // "... attacks by the Houthis", "... claimed by Islamic State"
            int limit = Math.min(t.size(), after + 10);
            for (int k = after; k < limit; k++) {
                int past = pastIncluding(t, k); // "25 people, including 15 soldiers, have been killed by Hezbollah"
                if (past > k) {
                    limit = Math.min(t.size(), limit + past - k);
                    k = past - 1;
                    continue;
                }
                if (t.get(k).is(",") || t.get(k).is(";")) {
                    break;
                }
                if (t.get(k).is("by") || t.get(k).is("on") && k > 0 && t.get(k - 1).is("blamed")) {
                    for (Anaphor a : anaphors) {
                        if (a.start() == k + 1 && !a.compat().equals("any")) {
                            String r = resolve(a, t, mentions); // "11 attacks by the group on ships"
                            if (r != null) {
                                return r;
                            }
                        }
                    }
                    int s = k + 1;
                    if (s < t.size() && t.get(s).is("the")) {
                        s++;
                    }
                    if (s < t.size() && at[s] != null && at[s].kind() == Gazetteer.Kind.ACTOR) {
                        return coalition(t, mentions, at[s]);
                    }
                    if (s < t.size() && at[s] != null && at[s].kind() == Gazetteer.Kind.DEMONYM) {
                        String mil = demonymMilitary(t, at[s]);
                        if (mil != null) {
                            return mil;
                        }
                    }
                }
            }
            return null;
        }

        /** "had struck Houthi sites 32 times", "targeted PKK positions": the actor right after the verb is the target. */
        private static boolean struckTarget(Tokens t, Gazetteer.Mention m) {
            if (m.start() == 0) {
                return false;
            }
            Token verb = t.get(m.start() - 1);
            return verb.in(In.STRIKE_VERB) && !verb.is("strike") && !verb.is("strikes");
        }

        /**
         * "ISKP, the Afghan affiliate of the Islamic State group, claimed ...": a mention inside an appositive
         * (between commas, right after another actor) describes that actor, which is the subject.
         */
        private Gazetteer.Mention appositiveHead(Tokens t, List<Gazetteer.Mention> mentions, Gazetteer.Mention m) {
            int open = -1;
            for (int k = m.start() - 1; k >= 0 && k >= m.start() - 12; k--) {
                if (t.get(k).is(",")) {
                    open = k;
                    break;
                }
            }
            // "JNIM, al-Qaeda's affiliate in the Sahel, carried out": the parent named in the possessive
            boolean possessive = m.start() == open + 1 && m.end() < t.size() && t.get(m.end()).is("'s");
            if (open <= 0 || m.start() - open > 7 || open + 1 >= t.size()
                    || !(possessive || t.get(open + 1).in(In.APPOSITIVE_OPENER))) {
                return m; // an appositive opens with "the ...", "a ...", "also known as ..."
            }
            for (int k = open + 1; k < m.start(); k++) {
                if (t.get(k).in(In.SAY_VERB) || t.get(k).type() == Token.Type.NUMBER) {
                    return m;
                }
            }
            for (int k = m.end(); k < t.size() && k <= m.end() + 12; k++) {
                if (t.get(k).is(",")) {
                    // the head ends at the comma, or at the bracket of its acronym: "Jama'at Nusrat ... (JNIM),"
                    int headEnd = t.get(open - 1).is(")") ? open - 1 : open;
                    for (Gazetteer.Mention h : mentions) {
                        if (h.kind() == Gazetteer.Kind.ACTOR && (h.end() == open || h.end() == headEnd)) {
                            return h;
                        }
                    }
                    return m;
                }
            }
            return m;
        }

        /** "Hamas and Islamic Jihad fired ..." is the coalition's figure, not Hamas's. */
        private String coalition(Tokens t, List<Gazetteer.Mention> mentions, Gazetteer.Mention last) {
            List<String> names = addDistinct(null, last.value());
            int idx = mentions.indexOf(last);
            int edge = last.start();
            for (int k = idx - 1; k >= 0; k--) {
                Gazetteer.Mention m = mentions.get(k);
                if (m.kind() != Gazetteer.Kind.ACTOR) {
                    break;
                }
                if (m.value().equals(last.value()) && m.end() + 1 == edge && t.get(m.end()).is("(")) {
                    edge = m.start(); // "the Islamic State West Africa Province (ISWAP)": one name
                    continue;
                }
                boolean joined = true;
                for (int x = m.end(); x < edge; x++) {
                    // "Hamas and Islamic Jihad", "Boko Haram and its rival faction, the ..."
                    if (!t.get(x).in(In.PARTNER_JOINER)) {
                        joined = false;
                        break;
                    }
                }
                if (!joined || m.end() == edge) {
                    break;
                }
                names = addDistinct(names, m.value());
                edge = m.start();
            }
            // also "X and Y" where the last mention is the first of the pair
            int after = last.end();
            while (true) {
                int x = after;
                while (x < t.size() && (t.get(x).is("and") || t.get(x).is(",") || t.get(x).is("the"))) {
                    x++;
                }
                if (x == after) {
                    break;
                }
                Gazetteer.Mention next = null;
                for (Gazetteer.Mention m : mentions) {
                    if (m.start() == x && m.kind() == Gazetteer.Kind.ACTOR) {
                        next = m;
                    }
                }
                if (next == null || next.end() < t.size() && t.get(next.end()).is("'s")) {
                    break; // "JNIM, al-Qaeda's affiliate": the parent describes the actor, it is no partner
                }
                names = addDistinct(names, next.value());
                after = next.end();
            }
            // most actors stand alone: their name is the answer, with no join to make
            return names.size() == 1 ? last.value() : String.join(" and ", sorted(names));
        }

        private String resolve(Anaphor a, Tokens t, List<Gazetteer.Mention> mentions) {
            String compat = a.compat();
            if (compat.equals("any")) {
                // "militia officials said they ..." : the sayer's words tell what "they" is
                StringBuilder before = new StringBuilder();
                for (int k = 0; k < a.start(); k++) {
                    before.append(t.get(k).lower()).append(' ');
                }
                String b = before.toString();
                if (b.contains("militia") || b.contains("militant") || b.contains("rebel") || b.contains("insurgent")
                        || b.contains("jihadist")) {
                    compat = "armed";
                }
            }
            if (compat.equals("coalition")) {
                // "The coalition conducted 25,000 air raids": the coalition named before, else a group
                for (int k = mentions.size() - 1; k >= 0; k--) {
                    Gazetteer.Mention m = mentions.get(k);
                    if (m.kind() == Gazetteer.Kind.ACTOR && m.end() <= a.start() && m.value().contains("coalition")) {
                        return m.value();
                    }
                }
                for (int k = recent.size() - 1; k >= 0; k--) {
                    if (recent.get(k).name().contains("coalition")) {
                        return recent.get(k).name();
                    }
                }
                compat = "group";
            }
            for (int k = mentions.size() - 1; k >= 0; k--) {
                Gazetteer.Mention m = mentions.get(k);
                if (m.kind() == Gazetteer.Kind.ACTOR && m.end() <= a.start() && compatible(compat, m.entry().actorType())) {
                    return m.value();
                }
            }
            if (!a.compat().equals("any") && lastFact != null && lastFact.actor() != null
                    && lastFactSentence >= sentenceIndex - 3
                    && compatible(compat, gazetteer.actorTypes.getOrDefault(lastFact.actor(), "armed"))) {
                return lastFact.actor(); // "the coalition" is still the one the story is about
            }
            for (int k = recent.size() - 1; k >= 0; k--) {
                ActorRef r = recent.get(k);
                if (compatible(compat, r.type())) {
                    return r.name();
                }
            }
            return null;
        }

        private static boolean compatible(String compat, String type) {
            return switch (compat) {
                case "any" -> true;
                case "group" -> "armed".equals(type) || "cyber".equals(type);
                default -> compat.equals(type);
            };
        }

        /** "Israeli airstrikes", "by Russian forces": the country's military when the gazetteer has one. */
        private String demonymMilitary(Tokens t, Gazetteer.Mention m) {
            String demonym = t.get(m.start()).text();
            String candidate = demonym + " military";
            return gazetteer.actorTypes.containsKey(candidate) ? candidate : null;
        }

        private List<Anaphor> anaphors(Tokens t, Gazetteer.Mention[] at, boolean[] attributed) {
            List<Anaphor> out = new ArrayList<>();
            int n = t.size();
            for (int k = 0; k < n; k++) {
                if (at[k] != null || attributed[k]) {
                    continue;
                }
                if (!t.get(k).in(In.ANAPHOR_START)) {
                    continue; // not "it", "they", "the", "its", "their"
                }
                String w = t.get(k).lower();
                boolean pronoun = false;
                boolean determiner = false;
                switch (w) { // one hash lookup instead of five string compares per word
                    case "it", "they" -> pronoun = true;
                    case "the", "its", "their" -> determiner = true;
                    default -> {
                    }
                }
                if (pronoun) {
                    out.add(new Anaphor(k, k + 1, "any"));
                } else if (determiner) {
                    int j = k + 1;
                    Gazetteer.Mention demonym = j < n ? at[j] : null;
                    if (demonym != null && demonym.start() == j && demonym.kind() == Gazetteer.Kind.DEMONYM
                            && demonym.end() < n
                            && t.get(demonym.end()).in(In.GROUP_ADJECTIVE | In.GROUP_HEAD | In.ARMED_HEAD)) {
                        j = demonym.end(); // "the Somali Islamist group", "the Nigerian jihadists"
                    }
                    if (j < n && t.get(j).in(In.GROUP_ADJECTIVE)) {
                        j++;
                    } else {
                        // "the Iran-backed rebels", "the Somalia-based group", "the al-Qaida-linked group"
                        for (int h = j + 1; h + 1 < n && h <= j + 5 && t.get(h).is("-"); h += 2) {
                            if (t.get(h + 1).in(In.COMPOUND)) {
                                j = h + 2;
                                break;
                            }
                        }
                    }
                    if (j >= n) {
                        continue;
                    }
                    Token head = t.get(j);
                    boolean airForce = head.is("air") && j + 1 < n && t.get(j + 1).is("force");
                    boolean saidIts = !w.equals("the") && head.in(In.MILITARY_NOUN | In.TROOPS) && k > 0
                            && (t.get(k - 1).in(In.SAY_VERB) || k > 1 && t.get(k - 1).is("that")
                            && t.get(k - 2).in(In.SAY_VERB));
                    String compat = saidIts ? "military" // "Central Command said its forces carried out 32 strikes"
                            : head.is("coalition") ? "coalition"
                            : head.in(In.GROUP_HEAD) ? "group"
                            : head.in(In.ARMED_HEAD) ? "armed"
                            : head.in(In.CYBER_HEAD) ? "cyber"
                            : head.in(In.ARMY_HEAD) ? (w.equals("the") ? "military" : null)
                            : head.in(In.AIR_HEAD) && (!head.is("air") || airForce) ? "military"
                            : null;
                    j += airForce ? 1 : 0;
                    // "its"/"their" + a head is the possessor's men only when they are armed men or air power
                    if (compat != null && (!(w.equals("its") || w.equals("their")) || compat.equals("armed")
                            || head.in(In.AIR_HEAD) || saidIts)) {
                        out.add(new Anaphor(k, j + 1, compat));
                        k = j;
                    }
                }
            }
            return out;
        }

        // -------------------------------------------------------------------------------------- who says

        /**
         * The first word of an aside between a sayer and its verb: "who was not authorized to speak", "speaking on
         * condition of anonymity", "not authorized to speak publicly".
         */
        private static boolean asideOpener(Token w) {
            if (w.in(In.RELATIVE_PRONOUN) || w.is("not")) {
                return true;
            }
            String l = w.lower();
            return l.length() > 5 && l.endsWith("ing");
        }

        private List<Attribution> attributions(Tokens t, String text) {
            List<Attribution> out = new ArrayList<>();
            int n = t.size();
            for (int k = 0; k < n; k++) {
                if (t.get(k).in(In.ACCORDING) && k + 1 < n && t.get(k + 1).is("to")) {
                    int e = k + 2;
                    while (e < n && !isBoundary(t.get(e))) {
                        e++;
                    }
                    if (e > k + 2) {
                        out.add(new Attribution(k, e, clean(text, t, k + 2, e)));
                    }
                    k = e;
                } else if (t.get(k).in(In.SAY_VERB)) {
                    int s = k;
                    while (s > 0 && !isBoundary(t.get(s - 1)) && k - s < 12) {
                        s--;
                    }
                    boolean subjectOk = s < k && (s == 0 || isBoundary(t.get(s - 1))) && k - s <= 10
                            && !containsVerbLike(t, s, k);
                    int subjectEnd = k;
                    if (s == k && k >= 2 && t.get(k - 1).is(",")) {
                        // "A U.S. defense official, who was not authorized to speak, said ..." (or "speaking on
                        // condition of anonymity", "not authorized to ...")
                        int r = k - 1;
                        while (r > 0 && !isBoundary(t.get(r - 1))) {
                            r--;
                        }
                        if (r < k - 1 && asideOpener(t.get(r)) && r >= 2 && t.get(r - 1).is(",")) {
                            int s3 = r - 1;
                            while (s3 > 0 && !isBoundary(t.get(s3 - 1)) && r - 1 - s3 < 10) {
                                s3--;
                            }
                            if (s3 < r - 1 && (s3 == 0 || isBoundary(t.get(s3 - 1))) && !containsVerbLike(t, s3, r - 1)) {
                                s = s3;
                                subjectEnd = r - 1;
                                subjectOk = true;
                            }
                        }
                    }
                    if (subjectOk) {
                        int e = k + 1;
                        if (e < n && t.get(e).is("that")) {
                            e++;
                        }
                        if (tailIsAdverbial(t, e)) {
                            e = n;
                        }
                        out.add(new Attribution(s, e, clean(text, t, s, subjectEnd)));
                    } else if (t.get(k).in(In.SAY_SUBJECTLESS) && k > 0 && isBoundary(t.get(k - 1))) {
                        // inverted: "..., said Maj. Gen. Ahmed Ali, the army spokesman."
                        int e = k + 1;
                        while (e < n && !isBoundary(t.get(e)) && !t.get(e).is("and")) {
                            e++;
                        }
                        if (e > k + 1 && e - k <= 9 && !containsVerbLike(t, k + 1, e)
                                && (e >= n || t.get(e).is(",") || t.get(e).is("."))) {
                            out.add(new Attribution(k, e, clean(text, t, k + 1, e)));
                        }
                    }
                }
            }
            return out;
        }

        private static boolean isBoundary(Token tok) {
            if (tok.length() == 1) { // the punctuation: one char compare each instead of a String.equals
                char c = tok.firstChar();
                return c == ',' || c == ';' || c == '"' || c == ':' || c == '—' || c == '(' || c == ')' || c == '.';
            }
            return tok.in(In.BOUNDARY_WORD); // "that", "and", "but"
        }

        private static boolean containsVerbLike(Tokens t, int s, int e) {
            for (int k = s; k < e; k++) {
                if (t.get(k).in(In.VERB_LIKE) || t.get(k).type() == Token.Type.NUMBER) { // has, was, is ...
                    return true;
                }
            }
            return false;
        }

        /** After "CENTCOM said" at the end: "in a statement", "on Wednesday" belong to the attribution. */
        private static boolean tailIsAdverbial(Tokens t, int e) {
            int rest = t.size() - e;
            if (rest > 8) {
                return false;
            }
            for (int k = e; k < t.size(); k++) {
                if (t.get(k).type() == Token.Type.NUMBER) {
                    return false;
                }
            }
            return true;
        }

        private String clean(String text, Tokens t, int s, int e) {
            while (s < e && (t.get(s).in(In.DETERMINER) || t.get(s).type() == Token.Type.NUMBER)) {
                s++;
            }
            while (e > s && (t.get(e - 1).type() == Token.Type.PUNCT)) {
                e--;
            }
            if (s >= e) {
                return null;
            }
            return text.substring(t.get(s).start(), t.get(e - 1).end());
        }

        private String attributionText(Attribution a, Tokens t, Gazetteer.Mention[] at, List<Anaphor> anaphors) {
            String x = a.text();
            if (x == null) {
                return null;
            }
            if (x.length() > 4 && x.charAt(0) != 't' && x.charAt(0) != 'T') {
                return x; // none of the words below, nor "the ...": no other character lower-cases to a 't'
            }
            String l = x.toLowerCase(Locale.ROOT);
            if (l.equals("he") || l.equals("she") || l.equals("i") || l.equals("we")) {
                return null;
            }
            if (l.equals("it") || l.equals("they") || l.startsWith("the group") || l.startsWith("the militant")) {
                for (Anaphor an : anaphors) {
                    if (an.start() >= a.start() && an.start() < a.end()) {
                        return resolve(an, t, List.of());
                    }
                }
                ActorRef last = recent.isEmpty() ? null : recent.getLast();
                return last == null ? null : last.name();
            }
            return x;
        }

        // -------------------------------------------------------------------------------------- where

        private record Places(List<String> regions, String area, boolean inherited) {
        }

        private Places places(Tokens t, Gazetteer.Mention[] at, boolean[] attributed, String text) {
            return places(t, at, attributed, text, -1, null);
        }

        /**
         * Where a fact happened: the places of the clause holding {@code focus} ("..., after Pakistan said the TTP
         * carried out 645 attacks" is not about the country of the main clause), else of the sentence, else
         * "its soil" = the sayer's country, a military's home country, the paragraph, the previous sentence,
         * the dateline.
         */
        private Places places(Tokens t, Gazetteer.Mention[] at, boolean[] attributed, String text,
                              int focus, String actor) {
            if (focus >= 0) {
                int a = focus;
                while (a > 0 && !t.get(a - 1).in(In.CLAUSE_BREAK)) {
                    a--;
                }
                if (a > 0 && SUBORDINATORS.contains(t.get(a - 1).lower())) {
                    // "..., a day after the war in Gaza began, Hezbollah has claimed 2,000 attacks on Israel": the
                    // subordinate clause ends at its comma, and the count is in the main clause after it
                    for (int k = a; k < focus; k++) {
                        if (t.get(k).is(",")) {
                            a = k + 1;
                            break;
                        }
                    }
                }
                int b = focus;
                // "..., a war monitor said Saturday, as ... in Gaza": what was said ends where its sayer begins
                while (b < t.size() && !t.get(b).in(In.CLAUSE_BREAK) && !attributed[b]) {
                    b++;
                }
                if (a > 0 || b < t.size()) {
                    Places clause = placesIn(t, at, attributed, text, a, b, focus);
                    if (clause != null) {
                        return clause;
                    }
                }
                // the sayer's countries first: most sentences attribute to none, and then the text need not be read
                List<String> sayer = null;
                for (int k = 0; k < t.size(); k++) {
                    if (attributed[k] && at[k] != null && at[k].kind() == Gazetteer.Kind.COUNTRY) {
                        sayer = addDistinct(sayer, at[k].value());
                    }
                }
                if (sayer != null && itsSoil.test(text)) {
                    return new Places(sorted(sayer), null, false);
                }
                // a count inside a relative clause ("the Pakistani Taliban, which carried out 146 attacks in
                // Khyber Pakhtunkhwa") reads that clause's places, which the sentence's own leave out
                Places sentence = relativeAside(t, text, focus, -1) ? placesIn(t, at, attributed, text, 0, t.size(), focus)
                        : sentencePlaces(t, at, attributed, text);
                if (sentence != null) {
                    return sentence;
                }
                // with no place named yet there is nothing to refer back to, and the sentence need not be read
                if (articlePlaces != null && placeAnaphor.test(lowerText(text))) {
                    return inherited(articlePlaces);
                }
                String home = actor != null ? gazetteer.homeOf.get(actor) : null;
                if (home != null && !strikesNamed(t, at)) {
                    return new Places(List.of(home), null, false);
                }
                Places before = fallback();
                // with nothing named before, the striker's country is still the best guess
                return home != null && before.regions.isEmpty() && before.area == null
                        ? new Places(List.of(home), null, false) : before;
            }
            Places sentence = sentencePlaces(t, at, attributed, text);
            return sentence != null ? sentence : fallback();
        }

        /**
         * "137 Turkish strikes", "Central Command said its forces struck Houthi sites": a military's strikes land
         * abroad as often as at home, so with strikes in the sentence the text around places them, not the striker's
         * country ("Pakistan's military said it killed 582 militants in raids" is at home).
         */
        private static boolean strikesNamed(Tokens t, Gazetteer.Mention[] at) {
            for (int k = 0; k < at.length; k++) {
                Gazetteer.Mention m = at[k];
                if (m == null ? t.get(k).in(In.STRIKE_VERB)
                        : m.start() == k && m.kind() == Gazetteer.Kind.EVENT && STRIKES.contains(m.value())) {
                    return true;
                }
            }
            return false;
        }

        /** Whose places {@link #sentencePlaces} holds: the tokens of the sentence being read. */
        private Tokens sentencePlacesOf;
        private Places sentencePlaces;

        /**
         * The places of the whole sentence, asked for each count in it and once more for the next sentences: found
         * once per sentence. Nothing it reads changes before the sentence is done ({@code lastCountries} is set
         * after the last question).
         */
        private Places sentencePlaces(Tokens t, Gazetteer.Mention[] at, boolean[] attributed, String text) {
            if (sentencePlacesOf != t) {
                sentencePlaces = placesIn(t, at, attributed, text, 0, t.size(), -1);
                sentencePlacesOf = t;
            }
            return sentencePlaces;
        }

        /**
         * The places of tokens [from, to), but for those in a relative clause set off by commas ("LockBit, whose
         * servers were seized by U.S. and British authorities, listed 187 victims"), unless {@code focus} (-1: none)
         * is in that clause too.
         */
        private Places placesIn(Tokens t, Gazetteer.Mention[] at, boolean[] attributed, String text,
                                int from, int to, int focus) {
            // made on the first place of their kind: most clauses and sentences name none; lists, not sorted sets, as
            // a clause names one or two places (a TreeSet made a map and an entry for each)
            List<String> codes = null;
            List<String> demonyms = null;
            List<String> areas = null;
            for (int k = from; k < to; k++) {
                Gazetteer.Mention m = at[k];
                if (m == null || m.start() != k || attributed[k] || relativeAside(t, text, k, focus)) {
                    continue;
                }
                boolean compound = m.end() < t.size() && (t.get(m.end()).is("-")  // "Iran-backed", "U.S.-led"
                        || t.get(m.end()).in(In.OWNER_NOUN)) // "a U.S. base in eastern Syria"
                        || neighbour(t, at, k) // "the border with Somalia", "bordering Mali and Burkina Faso"
                        || possessesActor(t, at, m.end()); // "Yemen's Houthi movement ... in the Red Sea"
                switch (m.kind()) {
                    case COUNTRY, PLACE -> {
                        if (!compound) {
                            codes = addDistinct(codes, m.value());
                        }
                    }
                    case DEMONYM -> {
                        if (!(m.end() < t.size() && (t.get(m.end()).is("border") || t.get(m.end()).is("frontier")))) {
                            demonyms = addDistinct(demonyms, m.value()); // "near the Malian border" is not in Mali
                        }
                    }
                    case AREA -> areas = addDistinct(areas, m.value());
                    default -> {
                    }
                }
            }
            if (from >= to) {
                return null;
            }
            // only when countries were named together before; and the clause is a part of the sentence: when the
            // sentence does not say it, the clause does not either
            if (!lastCountries.isEmpty() && saysBothCountries(t, from, to)) {
                for (String country : lastCountries) {
                    codes = addDistinct(codes, country);
                }
            }
            if (codes != null) { // addDistinct makes a list only to add to it
                return new Places(sorted(codes), null, false);
            }
            if (areas != null) {
                return new Places(List.of(), String.join(" and ", areas), false);
            }
            if (demonyms != null) {
                return new Places(sorted(demonyms), null, false);
            }
            return null;
        }

        /**
         * Whether the place at {@code k} is named as a neighbour of the place being described: after "bordering" or
         * "border(s) with", alone or in a list ("bordering Mali and Burkina Faso").
         */
        private static boolean neighbour(Tokens t, Gazetteer.Mention[] at, int k) {
            int j = k - 1;
            while (j >= 0 && (t.get(j).is("and") || t.get(j).is(",") || at[j] != null
                    && (at[j].kind() == Gazetteer.Kind.COUNTRY || at[j].kind() == Gazetteer.Kind.PLACE))) {
                j--;
            }
            return j >= 0 && (t.get(j).is("bordering")
                    || j >= 1 && t.get(j).is("with") && t.get(j - 1).lower().startsWith("border"));
        }

        /** "Yemen's Houthi movement", "Pakistan's TTP": the country describes the actor named after it ({@code k}). */
        private static boolean possessesActor(Tokens t, Gazetteer.Mention[] at, int k) {
            return k + 1 < t.size() && t.get(k).is("'s") && at[k + 1] != null
                    && at[k + 1].kind() == Gazetteer.Kind.ACTOR && !"military".equals(at[k + 1].entry().actorType());
        }

        /** Whose relative clauses {@link #asides} holds: the tokens of the sentence being read. */
        private Tokens asidesOf;
        /**
         * The sentence's ", who/whose/which ... ," clauses, three ints each: the opening comma, where the clause ends
         * (its closing comma, or a clause break before it) and the closing comma. Found once per sentence; most
         * have none.
         */
        private int[] asides;
        private static final int[] NO_ASIDES = {};

        /**
         * "The Somali Islamist group, which is allied to al Qaeda, has carried out 27 attacks": an actor named in a
         * relative clause about the subject is not the subject. As {@link #relativeAside}, for a sentence whose text
         * is not at hand.
         */
        private boolean inRelativeAside(Tokens t, int k, int focus) {
            if (asidesOf != t) {
                asides = asides(t);
                asidesOf = t;
            }
            return inAside(k, focus);
        }

        /** Whether token k is in a ", who/whose/which ... ," clause that does not hold {@code focus}. */
        private boolean relativeAside(Tokens t, String text, int k, int focus) {
            if (asidesOf != t) {
                // most sentences have no ", who", ", whose" or ", which": the text says so without reading the tokens
                asides = text.contains(", wh") ? asides(t) : NO_ASIDES;
                asidesOf = t;
            }
            return inAside(k, focus);
        }

        /** Whether token k is in one of {@link #asides} that does not hold {@code focus}. */
        private boolean inAside(int k, int focus) {
            for (int a = 0; a < asides.length; a += 3) {
                if (asides[a] + 1 < k && k < asides[a + 1] && !(asides[a] < focus && focus < asides[a + 2])) {
                    return true;
                }
            }
            return false;
        }

        private static int[] asides(Tokens t) {
            int[] found = NO_ASIDES;
            int n = t.size();
            for (int k = 1; k < n; k++) {
                if (!t.get(k).in(In.RELATIVE_PRONOUN) || !t.get(k - 1).is(",")) {
                    continue;
                }
                int end = k + 1;
                while (end < n && !t.get(end).is(",") && !t.get(end).in(In.CLAUSE_BREAK)) {
                    end++;
                }
                int close = end;
                while (close < n && !t.get(close).is(",")) {
                    close++;
                }
                if (close < n) {
                    found = Arrays.copyOf(found, found.length + 3);
                    found[found.length - 3] = k - 1;
                    found[found.length - 2] = end;
                    found[found.length - 1] = close;
                }
            }
            return found;
        }

        /** {@code values} (made when null) with {@code value} added unless it is there already. */
        private static List<String> addDistinct(List<String> values, String value) {
            if (values == null) {
                values = new ArrayList<>(4);
            }
            if (!values.contains(value)) {
                values.add(value);
            }
            return values;
        }

        /** Distinct values in their natural order, as a sorted set would give them. */
        private static List<String> sorted(List<String> distinct) {
            distinct.sort(null);
            return List.copyOf(distinct);
        }

        /**
         * "both countries", "the two nations" in tokens [from, to): read from the tokens, as the clause is a run of
         * them (the lower case of the sentence may be longer than the sentence: "İ" lower-cases to two characters).
         */
        private static boolean saysBothCountries(Tokens t, int from, int to) {
            for (int k = from + 1; k < to; k++) {
                if (t.get(k).is("countries") || t.get(k).is("nations")) {
                    Token before = t.get(k - 1);
                    if (before.is("both") || (before.is("two") && k - 2 >= from && t.get(k - 2).is("the"))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static Places inherited(Places p) {
            return new Places(p.regions(), p.area(), true);
        }

        private Places fallback() {
            if (paragraphPlaces != null) {
                return inherited(paragraphPlaces);
            }
            if (previousSentencePlaces != null) {
                return inherited(previousSentencePlaces);
            }
            if (articlePlaces != null) {
                return inherited(articlePlaces);
            }
            if (datelineCountry != null) {
                return new Places(List.of(datelineCountry), null, true);
            }
            return new Places(List.of(), null, true);
        }

        private List<String> countriesNamed(Ctx c) {
            boolean any = false;
            for (int k = 0; k < c.mentions.size() && !any; k++) {
                any = c.mentions.get(k).kind() == Gazetteer.Kind.COUNTRY;
            }
            if (!any) {
                return List.of(); // most sentences name none: their tokens need no look
            }
            Tokens t = c.t;
            Gazetteer.Mention[] at = c.at;
            boolean[] attributed = c.attributed;
            List<String> out = null; // made on the first country
            for (int k = 0; k < t.size(); k++) {
                Gazetteer.Mention m = at[k];
                if (m != null && m.start() == k && !attributed[k] && m.kind() == Gazetteer.Kind.COUNTRY
                        && !(m.end() < t.size() && t.get(m.end()).is("-"))) {
                    out = addDistinct(out, m.value());
                }
            }
            return out != null ? out : List.of();
        }

        // -------------------------------------------------------------------------------------- what

        /** "killed 40 people", "40 people were killed", "12 dead", "abducted 30 students": a toll, or null. */
        private String toll(Tokens t, int qStart, int numEnd, int j) {
            int n = t.size();
            // prefix verb: killed / wounded / abducted N (people)
            int p = qStart - 1;
            if (p >= 0) {
                Token verb = t.get(p);
                String v = verb.lower();
                String type = null;
                if (verb.in(In.KILL_VERB)) {
                    type = "fatality";
                } else if (verb.in(In.INJURE_VERB)) {
                    type = "injury";
                } else if (verb.in(In.ABDUCT_VERB)) {
                    type = "kidnapping-victim";
                }
                if (type != null) {
                    int k = numEnd;
                    int guard = 0;
                    while (k < n && guard++ < 3 && !t.get(k).in(In.PEOPLE)
                            && (t.get(k).isWord() && (t.get(k).in(In.EVENT_MODIFIER)
                            || t.get(k).in(In.TOLL_ADJ)
                            || t.get(k).startsUpper() || t.get(k).text().contains(".")))) {
                        k++;
                    }
                    if (k >= n || t.get(k).in(In.PEOPLE) || isBoundary(t.get(k)) || t.get(k).is("in")) {
                        return type;
                    }
                    return null;
                }
                if (v.equals("of") && p >= 2 && t.get(p - 1).is("toll") && t.get(p - 2).is("death")) {
                    return "fatality";
                }
                if (v.equals("to") || v.equals("at")) {
                    // "bringing the death toll since Oct. 7 to 22,835"
                    for (int k = p - 1; k >= Math.max(0, p - 8); k--) {
                        if (t.get(k).is("toll") && k > 0 && t.get(k - 1).is("death")) {
                            return "fatality";
                        }
                        if (t.get(k).is(",") || t.get(k).is(";")) {
                            break;
                        }
                    }
                }
            }
            // N [adjectives] people [were] killed
            int k = j;
            int guard = 0;
            while (k < n && guard++ < 3 && !t.get(k).in(In.PEOPLE) && t.get(k).isWord()
                    && !t.get(k).in(In.KILLED) && !t.get(k).in(In.INJURED)
                    && (t.get(k).startsUpper() || t.get(k).in(In.EVENT_MODIFIER)
                    || t.get(k).in(In.TOLL_ADJ))) {
                k++;
            }
            if (k < n && t.get(k).in(In.PEOPLE)) {
                k++;
                if (k < n && t.get(k).is("members")) {
                    k++;
                }
                k = pastIncluding(t, k); // "25 people, including 15 soldiers, have been killed"
            }
            while (k < n && t.get(k).in(In.BE)) {
                k++;
            }
            if (k < n) {
                Token word = t.get(k);
                String v = word.lower();
                if (word.in(In.KILLED) || v.equals("deaths") || v.equals("fatalities")) {
                    return "fatality";
                }
                if (word.in(In.INJURED) || v.equals("injuries")) {
                    return "injury";
                }
                if (v.equals("hostage") && qStart > 0 && t.get(qStart - 1).in(In.HOSTAGE_VERB)) {
                    return "kidnapping-victim"; // "took 85 crew members hostage"
                }
                if (word.in(In.ABDUCTED) && !(v.equals("taken") && !(k + 1 < n && t.get(k + 1).is("hostage")))) {
                    return "kidnapping-victim";
                }
                if (v.equals("kidnapping") && k + 1 < n && t.get(k + 1).is("victims")) {
                    return "kidnapping-victim";
                }
            }
            return null;
        }

        private int skipModifiers(Tokens t, Gazetteer.Mention[] at, int k) {
            int guard = 0;
            while (k < t.size() && guard++ < 3) {
                Gazetteer.Mention m = at[k];
                if (m != null && m.kind() == Gazetteer.Kind.EVENT) {
                    return k;
                }
                if (m != null && m.start() == k && (m.kind() == Gazetteer.Kind.ACTOR || m.kind() == Gazetteer.Kind.DEMONYM)) {
                    k = m.end();
                } else if (t.get(k).in(In.EVENT_MODIFIER) || t.get(k).is("-")
                        || t.get(k).is("second") || t.get(k).is("third") || t.get(k).is("suicide")) {
                    k++;
                } else {
                    return k;
                }
            }
            return k;
        }

        private boolean singular(Token last) {
            String w = last.lower();
            return !w.endsWith("s") || w.endsWith("ss");
        }

        private boolean negated(Tokens t, int verb) {
            for (int k = Math.max(0, verb - 3); k < verb; k++) {
                if (t.get(k).in(In.NOT_REAL)) {
                    return true;
                }
            }
            return false;
        }

        private boolean rateFollows(Tokens t, int e) {
            if (e >= t.size() || !t.get(e).in(In.RATE_START)) {
                return false; // no rate phrase begins here (a token holds no space)
            }
            return ratePhrases.has(t, e + 1, 1) || ratePhrases.has(t, e + 2, 2);
        }

        // -------------------------------------------------------------------------------------- when

        private PeriodParser.Span nearest(List<PeriodParser.Span> spans, List<int[]> tokens, int i) {
            return nearest(null, spans, tokens, i);
        }

        /**
         * The span nearest token i; with {@code t} (for a count), one across a comma counts as farther: a count's
         * period is rarely set off from it when another is not.
         */
        private PeriodParser.Span nearest(Tokens t, List<PeriodParser.Span> spans, List<int[]> tokens, int i) {
            PeriodParser.Span best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (int k = 0; k < spans.size(); k++) {
                int[] r = tokens.get(k);
                int d = r[0] >= i ? r[0] - i : i - r[1] + 1;
                if (t != null && spans.size() > 1 && commaBetween(t, r[0] >= i ? i : r[1], r[0] >= i ? r[0] : i)) {
                    // "168 attacks in the first half of 2024, surpassing the 136 attacks ... in all of last year"
                    d += 8;
                }
                // prefer what follows the count ("153 attacks in the first six months"): small tie-break
                d = d * 2 + (r[0] >= i ? 0 : 1);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = spans.get(k);
                }
            }
            return best;
        }

        /**
         * "lower than the 1,617 people killed in the first three months", "compared with 98 attacks in 2023", "up
         * from 97 attacks in the second half of 2024": a figure given to compare with is not the period the article
         * goes on to refer back to ("during the quarter").
         */
        private static boolean comparedWith(Tokens t, int qStart) {
            int k = qStart - 1;
            if (k >= 0 && t.get(k).is("the")) {
                k--;
            }
            return k >= 0 && (t.get(k).is("than") || t.get(k).is("with") && k > 0
                    && (t.get(k - 1).is("compared") || t.get(k - 1).is("compares"))
                    || t.get(k).is("from") && k > 0 && (t.get(k - 1).is("up") || t.get(k - 1).is("down")));
        }

        /** Whether {@code span}, one of the sentence's usable periods, is set off from token i by a comma. */
        private static boolean acrossComma(Ctx c, PeriodParser.Span span, int i) {
            int k = c.usable.indexOf(span);
            if (k < 0) {
                return false;
            }
            int[] r = c.periodTokens.get(k);
            return r[0] >= i ? commaBetween(c.t, i, r[0]) : commaBetween(c.t, r[1], i);
        }

        private static boolean commaBetween(Tokens t, int from, int to) {
            for (int k = from; k < to; k++) {
                if (t.get(k).is(",")) {
                    return true;
                }
            }
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ dedupe

    /**
     * A figure said twice is one fact: the same series and period with the same count, or a rounded restatement
     * ("nearly 600" after "591") within 10%; the first, most exact statement is kept.
     */
    static List<Fact> dedupe(List<Fact> facts) {
        List<Fact> out = new ArrayList<>();
        outer:
        for (Fact f : facts) {
            for (int k = 0; k < out.size(); k++) {
                Fact g = out.get(k);
                if (Objects.equals(f.actor(), g.actor()) && f.regions().equals(g.regions())
                        && f.eventType().equals(g.eventType()) && f.period().equals(g.period()) && f.kind() == g.kind()
                        && Objects.equals(f.area(), g.area())) {
                    long a = f.count();
                    long b = g.count();
                    boolean same = a == b;
                    boolean rounded = (f.qualifier() != Qualifier.EXACT || g.qualifier() != Qualifier.EXACT)
                            && Math.abs(a - b) * 10 <= Math.max(a, b);
                    if (same || rounded) {
                        if (g.qualifier() != Qualifier.EXACT && f.qualifier() == Qualifier.EXACT) {
                            out.set(k, f);
                        }
                        continue outer;
                    }
                }
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    /**
     * Where the regular expression {@code DATELINE} (see there) matches at the start of {@code s}, written out:
     * {city end, match end}, or null. {@code open} is the first '('. The expression's lazy city and optional
     * region backtracked over the first line of every article; but neither can hold ',' or '(', so the
     * region is there exactly when a ',' comes before the '(', and both end where those characters stand.
     */
    static int[] datelineAt(String s, int open) {
        int cityEnd = open >= 5 && dayAlone(s, open) ? 0 : cityEnd(s, open);
        if (cityEnd < 0 || s.charAt(open - 1) != ' ') {
            return null;
        }
        // agency: "([A-Z][A-Za-z. ]{1,20})"
        int i = open + 1;
        if (i >= s.length() || !upper(s.charAt(i))) {
            return null;
        }
        i++;
        int run = i;
        while (i < s.length() && letterSpaceDot(s.charAt(i))) {
            i++;
        }
        if (i - run < 1 || i - run > 20 || i >= s.length() || s.charAt(i) != ')') {
            return null;
        }
        i++;
        // " ?[—\-]+ ?"
        if (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int dashes = i;
        while (i < s.length() && (s.charAt(i) == '—' || s.charAt(i) == '-')) {
            i++;
        }
        if (i == dashes) {
            return null;
        }
        if (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return new int[]{cityEnd, i};
    }

    /**
     * Whether the sentence's lower case says "its soil" or "its territory", read from the sentence itself: most
     * sentences that ask need no lower case otherwise. Only 'A'-'Z' lower-case to the letters of these phrases
     * (besides U+0130, which becomes "i" and a combining dot, never followed by "t"), so folding those is
     * enough.
     */
    static boolean saysItsSoil(String text) {
        for (int space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) {
            // 's' or 'S' before the space (| 0x20 makes no other character 's'): most spaces end there
            if (space >= 3 && (text.charAt(space - 1) | 0x20) == 's' && foldsTo(text, space - 3, "its")
                    && (foldsTo(text, space + 1, "soil") || foldsTo(text, space + 1, "territory"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether s at {@code at} is {@code lowerLetters} (a-z) with any of its letters in upper case. */
    private static boolean foldsTo(String s, int at, String lowerLetters) {
        if (at + lowerLetters.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lowerLetters.length(); k++) {
            char c = s.charAt(at + k);
            char lower = lowerLetters.charAt(k);
            if (c != lower && c != lower - ('a' - 'A')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of DATELINE's city (its region after it, if any, reaching the " (" at {@code open}), or -1: the city
     * cannot hold ',' or '(', so the region is there exactly when a ',' comes first.
     */
    private static int cityEnd(String s, int open) {
        int comma = s.indexOf(',');
        int cityEnd = comma >= 0 && comma < open ? comma : open - 1;
        // city: [A-Z][A-Z .'\-]{1,40}
        if (cityEnd < 2 || cityEnd > 41 || !upper(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < cityEnd; i++) {
            char c = s.charAt(i);
            if (!(upper(c) || c == ' ' || c == '.' || c == '\'' || c == '-')) {
                return -1;
            }
        }
        if (cityEnd == comma) {
            // region: ", [A-Z][A-Za-z0-9 .,]{1,30}" up to the " ("
            int from = comma + 3;
            if (from >= open || s.charAt(comma + 1) != ' ' || !upper(s.charAt(comma + 2))
                    || open - 1 - from < 1 || open - 1 - from > 30) {
                return -1;
            }
            for (int i = from; i < open - 1; i++) {
                char c = s.charAt(i);
                if (!letterSpaceDot(c) && !(c >= '0' && c <= '9') && c != ',') {
                    return -1;
                }
            }
        }
        return cityEnd;
    }

    /** DATELINE's day alone before the " (" at {@code open}: {@code [A-Z][a-z]{2,8}\.? \d{1,2}}. */
    private static boolean dayAlone(String s, int open) {
        int i = open - 2; // the last digit
        int digits = 0;
        while (i >= 0 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            digits++;
            i--;
        }
        if (digits < 1 || digits > 2 || i < 3 || s.charAt(i) != ' ') {
            return false;
        }
        int wordEnd = s.charAt(i - 1) == '.' ? i - 1 : i;
        if (wordEnd < 3 || wordEnd > 9 || !upper(s.charAt(0))) {
            return false;
        }
        for (int k = 1; k < wordEnd; k++) {
            if (s.charAt(k) < 'a' || s.charAt(k) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean letterSpaceDot(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '.';
    }

    private static String titleCase(String s) {
        char[] b = new char[s.length()]; // one char for one: a char array rather than a builder's appends
        boolean start = true;
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            b[i] = start ? Character.toUpperCase(c) : Character.toLowerCase(c);
            start = c == ' ' || c == '-';
        }
        return new String(b);
    }
}

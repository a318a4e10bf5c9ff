package io.newsalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the extractor knows by name: actors, event types, countries, places and areas, compiled once into a
 * token trie so that a sentence is matched in a single left-to-right pass (longest match wins).
 *
 * <p>Sources, merged in order: the bundled {@code gazetteer.json}, {@code countries.tsv} and {@code places.tsv}
 * (generated from GeoNames by {@code tools/gen_places.py}), then any deployer-supplied JSON in the gazetteer format.
 */
final class Gazetteer {

    enum Kind { ACTOR, EVENT, AREA, COUNTRY, PLACE, DEMONYM }

    /**
     * One name the trie knows. {@code value} is the canonical actor, event type, ISO code or area name;
     * {@code caseSensitive} entries match only with the exact capitalisation of {@code surface}. Bit k of
     * {@code capitalized} is set when the k-th word of {@code surface} starts with a capital letter.
     */
    record Entry(Kind kind, String value, String actorType, List<String> surface, boolean caseSensitive,
                 boolean needsLicence, List<String> context, long capitalized) {

        Entry {
            // the bits are derived (below), kept only to save reading the words at every match; checked in tests
            assert capitalized == capitalized(surface) : "capitalized bits " + capitalized + " disagree with " + surface;
        }

        Entry(Kind kind, String value, String actorType, List<String> surface, boolean caseSensitive,
              boolean needsLicence, List<String> context) {
            this(kind, value, actorType, surface, caseSensitive, needsLicence, context, capitalized(surface));
        }

        /** Which words of a name start with a capital: read once here, not at every match of the name. */
        private static long capitalized(List<String> surface) {
            if (surface.size() > Long.SIZE) {
                throw new IllegalArgumentException("a name of more than 64 words: " + surface);
            }
            long bits = 0;
            for (int k = 0; k < surface.size(); k++) {
                if (Chars.isUpperCase(surface.get(k).charAt(0))) {
                    bits |= 1L << k;
                }
            }
            return bits;
        }

        /** An actor read from a phrase rather than a name: "Russia's forces", "Syrian and Russian warplanes". */
        static Entry military(String name) {
            return new Entry(Kind.ACTOR, name, "military", List.of(), false, false, List.of());
        }
    }

    /** A match: tokens [start, end) of the sentence. */
    record Mention(int start, int end, Entry entry) {
        Kind kind() {
            return entry.kind();
        }

        String value() {
            return entry.value();
        }
    }

    /** A trie node: its children by word id ({@link Lexicon}), and the names that end here. */
    static final class Node {
        private static final int[] NO_IDS = {};
        private static final Node[] NO_NODES = {};
        private static final Entry[] NO_ENTRIES = {};
        /** Up to {@link #SCAN} children in a row, scanned; more ("new", "san", "al") in an open-addressing table. */
        private static final int SCAN = 8;
        private int[] ids = NO_IDS;
        private Node[] children = NO_NODES;
        private int count;
        /**
         * The names that end here. An array rather than a List: the trie walk asks every node on its way (most have
         * none), and a list's isEmpty/get are calls on one of several list classes.
         */
        Entry[] entries = NO_ENTRIES;

        Node next(int id) {
            int[] keys = ids;
            if (keys.length <= SCAN) {
                for (int i = 0; i < count; i++) {
                    if (keys[i] == id) {
                        return children[i];
                    }
                }
                return null;
            }
            int mask = keys.length - 1;
            for (int slot = (id * 0x9E3779B9 >>> 16) & mask; ; slot = (slot + 1) & mask) {
                Node child = children[slot];
                if (child == null || keys[slot] == id) {
                    return child;
                }
            }
        }

        Node nextOrAdd(int id) {
            Node child = next(id);
            if (child == null) {
                child = new Node();
                put(id, child);
            }
            return child;
        }

        private void put(int id, Node child) {
            if (count < SCAN) {
                if (count == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, Math.max(2, count * 2));
                    children = java.util.Arrays.copyOf(children, ids.length);
                }
                ids[count] = id;
                children[count++] = child;
                return;
            }
            if (ids.length <= SCAN || (count + 1) * 2 > ids.length) {
                int[] oldIds = ids;
                Node[] oldChildren = children;
                int capacity = Math.max(32, ids.length * 2);
                ids = new int[capacity];
                children = new Node[capacity];
                for (int i = 0; i < oldIds.length; i++) {
                    if (oldChildren[i] != null) {
                        insert(oldIds[i], oldChildren[i]);
                    }
                }
            }
            insert(id, child);
            count++;
        }

        private void insert(int id, Node child) {
            int mask = ids.length - 1;
            int slot = (id * 0x9E3779B9 >>> 16) & mask;
            while (children[slot] != null) {
                slot = (slot + 1) & mask;
            }
            ids[slot] = id;
            children[slot] = child;
        }
    }

    /**
     * The lexicon classes of a name's first word (the extractor's word lists take the low bits): a token's classes
     * answer whether a name may begin at it, where the trie's first level is an array far larger than the caches.
     */
    static final long NAME_START = 1L << 62;
    /**
     * The first word of a name that may be written in lower case: an event's, or a name's whose first word is.
     * Where a name's first word is capitalised the text must be too ({@link #valid}), so a word in lower case
     * ("in", "a", "were": the first words of place names) needs no trie walk unless it is in this class.
     */
    static final long NAME_START_IN_LOWER_CASE = 1L << 63;

    /** Every word of every name (and, added by the extractor, of its word lists). */
    final Lexicon lexicon = new Lexicon(9_600); // the bundled names have 9,147 words, the extractor adds ~500
    /** The trie's first level, by word id: null where no name begins with the word. */
    private Node[] firstWords = new Node[16_384];
    final Set<String> eventModifiers;
    final Map<String, String> actorTypes;
    /** Country code -> that country's military actor ("IL" -> "Israeli military"), and back. */
    final Map<String, String> militaryOf;
    final Map<String, String> homeOf;
    /** Aliases of actors with a licensed acronym: seeing one in an article licenses the acronym. */
    final Map<String, List<String>> licensingAliases;

    private Gazetteer(Data data) {
        this.eventModifiers = Set.copyOf(data.modifiers);
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> licensing = new LinkedHashMap<>();
        for (ActorDef a : data.actors.values()) {
            types.put(a.name, a.type);
            for (String alias : a.aliases) {
                add(alias, Kind.ACTOR, a.name, a.type, isAcronymLike(alias), false, List.of());
            }
            for (String acronym : a.acronyms) {
                boolean licence = acronym.length() <= 2; // "IS": only where the article has named the group
                add(acronym, Kind.ACTOR, a.name, a.type, true, licence, List.of());
                if (licence) {
                    List<String> names = new ArrayList<>(a.aliases);
                    for (String other : a.acronyms) {
                        if (other.length() > 2) {
                            names.add(other);
                        }
                    }
                    licensing.put(a.name, List.copyOf(names));
                }
            }
        }
        this.licensingAliases = Map.copyOf(licensing);
        for (var e : data.events.entrySet()) {
            for (EventDef d : e.getValue()) {
                for (String term : d.terms) {
                    add(term, Kind.EVENT, e.getKey(), null, isAcronymLike(term), false, d.context);
                }
            }
        }
        for (String area : data.areas) {
            add(area, Kind.AREA, canonicalArea(area), null, false, false, List.of());
        }
        for (var p : data.places.entrySet()) {
            add(p.getKey(), Kind.PLACE, p.getValue(), null, false, false, List.of());
        }
        Map<String, String> military = new HashMap<>();
        for (var c : data.countries.entrySet()) {
            List<String> names = new ArrayList<>(c.getValue().demonyms);
            names.addAll(c.getValue().aliases);
            for (String name : names) {
                String candidate = name.concat(" military");
                if ("military".equals(types.get(candidate)) && !military.containsKey(c.getKey())) {
                    military.put(c.getKey(), candidate);
                }
            }
        }
        // every other country that acts ("Ethiopian military drone strikes", "Afghan forces") gets a military too
        for (var c : data.countries.entrySet()) {
            if (!military.containsKey(c.getKey()) && !c.getValue().demonyms.isEmpty()) {
                String name = c.getValue().demonyms.iterator().next().concat(" military");
                military.put(c.getKey(), name);
                types.putIfAbsent(name, "military");
            }
        }
        this.militaryOf = Map.copyOf(military);
        Map<String, String> home = new HashMap<>();
        for (var m : military.entrySet()) {
            home.put(m.getValue(), m.getKey());
        }
        this.homeOf = Map.copyOf(home);
        this.actorTypes = Map.copyOf(types);
        for (var c : data.countries.entrySet()) {
            for (String alias : c.getValue().aliases) {
                add(alias, Kind.COUNTRY, c.getKey(), null, isAcronymLike(alias), false, List.of());
            }
            for (String demonym : c.getValue().demonyms) {
                add(demonym, Kind.DEMONYM, c.getKey(), null, false, false, List.of());
            }
        }
    }

    /** "the Red Sea" and "southern Red Sea" name the area "Red Sea"; "globally" and friends are "worldwide". */
    private static String canonicalArea(String area) {
        String a = area.strip();
        for (String prefix : List.of("southern ", "northern ", "eastern ", "western ", "the ")) {
            if (a.startsWith(prefix)) {
                a = a.substring(prefix.length());
            }
        }
        return switch (a) {
            case "globally", "across the globe", "around the world", "across the world", "world", "worldwide" -> "worldwide";
            case "Mediterranean" -> "Mediterranean Sea";
            case "Bab al-Mandab", "Bab el-Mandeb Strait" -> "Bab el-Mandeb";
            default -> String.valueOf(Character.toUpperCase(a.charAt(0))).concat(a.substring(1));
        };
    }

    /** All-capital short names ("US", "UK", "PKK") must match with their capitals: "us" is a pronoun. */
    private static boolean isAcronymLike(String s) {
        if (s.length() > 6) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Chars.isLetter(c)) {
                letters++;
                if (!Chars.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters > 0;
    }

    private void add(String surface, Kind kind, String value, String actorType, boolean caseSensitive,
                     boolean licence, List<String> context) {
        Tokens tokens = Tokenizer.tokenize(surface);
        if (tokens.isEmpty()) {
            return;
        }
        int first = lexicon.intern(tokens.getFirst().lower());
        if (first >= firstWords.length) {
            firstWords = java.util.Arrays.copyOf(firstWords, Math.max(first + 1, firstWords.length * 2));
        }
        String[] surfaceWords = new String[tokens.size()];
        for (int k = 0; k < surfaceWords.length; k++) {
            surfaceWords[k] = tokens.get(k).text();
        }
        List<String> texts = List.of(surfaceWords);
        Entry entry = new Entry(kind, value, actorType, texts, caseSensitive, licence, context);
        boolean capitalFirst = (entry.capitalized() & 1) != 0
                && (kind != Kind.EVENT || caseSensitive); // see valid(): only then must the text's word be capitalised
        lexicon.addClass(first, capitalFirst ? NAME_START : NAME_START | NAME_START_IN_LOWER_CASE);
        Node node = firstWords[first];
        if (node == null) {
            node = firstWords[first] = new Node();
        }
        for (int k = 1; k < tokens.size(); k++) {
            node = node.nextOrAdd(lexicon.intern(tokens.get(k).lower()));
        }
        if (node.entries.length == 0) {
            node.entries = new Entry[]{entry}; // most names are the only one of their spelling
            return;
        }
        List<Entry> list = new ArrayList<>(node.entries.length + 1);
        for (Entry x : node.entries) {
            // a later source overrides an earlier one for the same name and kind (deployer data wins)
            if (x.kind() != kind || !x.surface().equals(texts) || x.caseSensitive() != caseSensitive) {
                list.add(x);
            }
        }
        list.add(entry);
        node.entries = list.toArray(new Entry[0]);
    }

    /**
     * Every name in the sentence, longest match first, in one pass: at each token the trie is walked as far as
     * the text allows, and the longest accepted entry is taken; matching resumes after it. A new list, the caller's
     * to change.
     */
    List<Mention> match(Tokens tokens, Licence licence) {
        List<Mention> out = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Token first = tokens.get(i);
            if (!first.in(NAME_START) || (!first.in(NAME_START_IN_LOWER_CASE) && !first.startsUpper())) {
                i++; // no name begins with this word (written this way)
                continue;
            }
            Node node = firstWords[first.id()];
            Entry best = null;
            int bestEnd = -1;
            for (int j = i; j < n; j++) {
                if (j > i) {
                    int next = tokens.get(j).id();
                    if (next == Lexicon.UNKNOWN) {
                        break; // no name has a word the lexicon does not know
                    }
                    node = node.next(next);
                    if (node == null) {
                        break;
                    }
                }
                // most nodes on the way are only a prefix of longer names
                Entry accepted = node.entries.length == 0 ? null : accept(node.entries, tokens, i, j + 1, licence);
                if (accepted != null) {
                    best = accepted;
                    bestEnd = j + 1;
                }
            }
            if (best != null) {
                out.add(new Mention(i, bestEnd, best));
                i = bestEnd;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Whether the article licenses a short acronym like "IS" for an actor. */
    interface Licence {
        boolean allows(String actor, Tokens tokens, int at);
    }

    private Entry accept(Entry[] entries, Tokens tokens, int start, int end, Licence licence) {
        Entry best = null;
        for (Entry e : entries) {
            if (!valid(e, tokens, start, end, licence)) {
                continue;
            }
            if (best == null || e.kind().ordinal() < best.kind().ordinal()) {
                best = e;
            }
        }
        return best;
    }

    private static boolean valid(Entry e, Tokens tokens, int start, int end, Licence licence) {
        if (e.caseSensitive()) {
            for (int k = start; k < end; k++) {
                if (!tokens.get(k).textIs(e.surface().get(k - start))) {
                    return false;
                }
            }
        }
        if (e.kind() != Kind.EVENT) {
            // names are proper nouns: where the name is capitalised the text must be too
            // ("the west bank of the river" is not the West Bank, "play" is not the Play gang)
            for (long capitals = e.capitalized(); capitals != 0; capitals &= capitals - 1) {
                if (!tokens.get(start + Long.numberOfTrailingZeros(capitals)).startsUpper()) {
                    return false;
                }
            }
        }
        if (e.needsLicence()) {
            return licence != null && licence.allows(e.value(), tokens, start);
        }
        return true;
    }

    // ---------------------------------------------------------------- loading
    // Loading (this section, the constructor and add) uses loops, not lambdas or string concatenation: each such
    // site spins a class the first time it runs, about a millisecond apiece in a cold start (docs/performance.md,
    // "Gazetteer load").

    private static final class ActorDef {
        final String name;
        String type;
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> acronyms = new LinkedHashSet<>();

        ActorDef(String name, String type) {
            this.name = name;
            this.type = type;
        }
    }

    private record EventDef(List<String> terms, List<String> context) {
    }

    private static final class CountryDef {
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> demonyms = new LinkedHashSet<>();
    }

    private static final class Data {
        final Map<String, ActorDef> actors = new LinkedHashMap<>();
        final Map<String, List<EventDef>> events = new LinkedHashMap<>();
        final Map<String, CountryDef> countries = new LinkedHashMap<>();
        final Map<String, String> places = new LinkedHashMap<>();
        final Set<String> areas = new LinkedHashSet<>();
        final Set<String> modifiers = new LinkedHashSet<>();

        void mergeJson(JsonNode root, String what) {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(what + ": a gazetteer must be a JSON object");
            }
            for (JsonNode a : root.path("actors")) {
                String name = text(a, "name", what);
                ActorDef def = actors.get(name);
                if (def == null) {
                    actors.put(name, def = new ActorDef(name, "armed"));
                }
                if (a.hasNonNull("type")) {
                    def.type = a.get("type").asText();
                }
                def.aliases.add(name);
                addTexts(a.path("aliases"), def.aliases, false);
                addTexts(a.path("acronyms"), def.acronyms, false);
            }
            for (JsonNode e : root.path("eventTypes")) {
                String name = text(e, "name", what);
                List<String> terms = new ArrayList<>();
                addTexts(e.path("terms"), terms, false);
                List<String> context = new ArrayList<>();
                addTexts(e.path("context"), context, true);
                List<EventDef> defs = events.get(name);
                if (defs == null) {
                    events.put(name, defs = new ArrayList<>());
                }
                defs.add(new EventDef(terms, context));
            }
            for (JsonNode c : root.path("countries")) {
                CountryDef def = country(text(c, "code", what).toUpperCase(Locale.ROOT));
                addTexts(c.path("aliases"), def.aliases, false);
                addTexts(c.path("demonyms"), def.demonyms, false);
            }
            for (Map.Entry<String, JsonNode> p : root.path("places").properties()) {
                places.put(p.getKey(), p.getValue().asText());
            }
            addTexts(root.path("areas"), areas, false);
            addTexts(root.path("eventModifiers"), modifiers, true);
        }

        CountryDef country(String code) {
            CountryDef def = countries.get(code);
            if (def == null) {
                countries.put(code, def = new CountryDef());
            }
            return def;
        }

        private static void addTexts(JsonNode array, Collection<String> to, boolean lowerCase) {
            for (JsonNode x : array) {
                to.add(lowerCase ? x.asText().toLowerCase(Locale.ROOT) : x.asText());
            }
        }

        private static String text(JsonNode n, String field, String what) {
            JsonNode v = n.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw new IllegalArgumentException(what + ": an entry lacks \"" + field + "\": " + n);
            }
            return v.asText();
        }
    }

    private static final String BASE = "/io/newsalerts/extract/";

    static Gazetteer bundled() {
        return build(null);
    }

    /** Bundled data, then the deployer's JSON (may be null) merged over it. */
    static Gazetteer build(String extraJson) {
        Data data = new Data();
        for (String[] row : readTsv(BASE + "countries.tsv")) {
            data.country(row[0]).aliases.add(row[1]);
        }
        for (String[] row : readTsv(BASE + "places.tsv")) {
            data.places.put(row[0], row[1]);
        }
        data.mergeJson(readJson(BASE + "gazetteer.json"), "gazetteer.json");
        if (extraJson != null) {
            JsonNode extra;
            try {
                extra = Json.MAPPER.readTree(extraJson);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("extra gazetteer is not valid JSON: " + e.getOriginalMessage(), e);
            }
            data.mergeJson(extra, "extra gazetteer");
        }
        return new Gazetteer(data);
    }

    private static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The rows of a two-column resource: key, then value. */
    private static List<String[]> readTsv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    rows.add(new String[]{line.substring(0, tab), line.substring(tab + 1).strip()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }

    private static InputStream open(String resource) {
        InputStream in = Gazetteer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + resource);
        }
        return in;
    }
}

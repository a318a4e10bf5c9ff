package io.newsalerts.extract;

/**
 * Every word the extractor knows (the words of the gazetteer's names and of the extractor's word lists), each with
 * an id and the bit set of word lists it is in. The tokenizer looks a token up here once; from then on the
 * gazetteer's trie walks by id and every "is this word in list X" is a bit test ({@link Token#in}), where each
 * question used to be a hash lookup of the token's string.
 *
 * <p>An open-addressing table rather than a {@code HashMap<String, ...>} so that a plain-ASCII token can be looked
 * up straight from the sentence's characters (lower-cased on the fly, as {@code toLowerCase(Locale.ROOT)} does for
 * ASCII): a known word then needs no lower-case {@code String} of its own, it takes the table's. Filled while the
 * gazetteer and the extractor are built, read-only afterwards.
 */
final class Lexicon {

    /** What {@link #find} answers for a word the lexicon does not know. */
    static final int UNKNOWN = -1;

    private String[] keys;
    private int[] hashes;
    private int[] slotIds;
    private int mask;
    private String[] words = new String[1024];
    private long[] classes = new long[1024];
    private int size;

    Lexicon(int expectedWords) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedWords) * 2 - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        slotIds = new int[capacity];
        mask = capacity - 1;
    }

    /** The id of a (lower-case) word, adding it when new. */
    int intern(String word) {
        int h = word.hashCode();
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) {
                return add(word, h, slot);
            }
            if (hashes[slot] == h && k.equals(word)) {
                return slotIds[slot];
            }
        }
    }

    /**
     * Puts every word of a list in the class {@code bit} (a word may be in several). The list's own String becomes
     * the word's: the lists are literals, so a token of the word then is the very literal the rules compare with.
     */
    void addClass(Iterable<String> list, long bit) {
        for (String w : list) {
            int id = intern(w);
            classes[id] |= bit;
            words[id] = w;
            int h = w.hashCode();
            int slot = spread(h) & mask;
            while (slotIds[slot] != id || keys[slot] == null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = w;
        }
    }

    private int add(String word, int h, int slot) {
        int id = size++;
        if (id == words.length) {
            words = java.util.Arrays.copyOf(words, id * 2);
            classes = java.util.Arrays.copyOf(classes, id * 2);
        }
        words[id] = word;
        keys[slot] = word;
        hashes[slot] = h;
        slotIds[slot] = id;
        if (size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldIds = slotIds;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        slotIds = new int[keys.length];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = spread(oldHashes[i]) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                slotIds[slot] = oldIds[i];
            }
        }
    }

    /** The id of a lower-case word, or {@link #UNKNOWN}. */
    int find(String word) {
        int h = word.hashCode();
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) {
                return UNKNOWN;
            }
            if (hashes[slot] == h && k.equals(word)) {
                return slotIds[slot];
            }
        }
    }

    /**
     * The id of {@code s[start, end)} lower-cased, or {@link #UNKNOWN}; only for ASCII text, where lower-casing is
     * per character ('A'-'Z' to 'a'-'z'). {@code h} is {@code String.hashCode} of the lower-case word.
     */
    int findAsciiLowered(String s, int start, int end, int h) {
        int len = end - start;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) {
                return UNKNOWN;
            }
            if (hashes[slot] == h && k.length() == len && sameLowered(k, s, start)) {
                return slotIds[slot];
            }
        }
    }

    private static boolean sameLowered(String key, String s, int start) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != asciiLower(s.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The word of an id: the lower-case {@code String} every token of that word shares. */
    String word(int id) {
        return words[id];
    }

    long classes(int id) {
        return classes[id];
    }

    int size() {
        return size;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}

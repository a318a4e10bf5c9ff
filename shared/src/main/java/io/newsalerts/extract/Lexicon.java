package io.newsalerts.extract;

import java.util.Arrays;

/**
 * Every word the extractor knows (the words of the gazetteer's names and of the extractor's word lists), each with
 * an id and the bit set of word lists it is in. The tokenizer looks a token up here once; from then on the
 * gazetteer's trie walks by id and every "is this word in list X" is a bit test ({@link Token#in}), where each
 * question used to be a hash lookup of the token's string.
 *
 * <p>An open-addressing table rather than a {@code HashMap<String, ...>} so that a plain-ASCII token can be looked
 * up straight from the sentence's characters (lower-cased on the fly, as {@code toLowerCase(Locale.ROOT)} does for
 * ASCII): a known word then needs no lower-case {@code String} of its own, it takes the table's. A slot holds the
 * hash, the id and, for a short ASCII word, the word itself packed in a {@code long}, so that looking up a short
 * word touches one cache line (the table and the words are far larger than the caches); longer words are compared
 * with their characters, kept one after the other in one array. Filled while the gazetteer and the extractor are
 * built, read-only afterwards.
 */
final class Lexicon {

    /** What {@link #find} answers for a word the lexicon does not know. */
    static final int UNKNOWN = -1;
    /** What {@link #slotOfAsciiLowered} answers for a word the lexicon does not know. */
    static final int NO_SLOT = -1;
    /** Longs per slot of {@link #table}. */
    private static final int SLOT = 3;

    /**
     * Per slot, three longs: the word's hash and its id + 1 (0: empty slot), {@link #packed} of the word, and the
     * word's classes (as {@link #classes}): a token's lookup then reads its classes from the cache line that found it.
     */
    private long[] table;
    private int mask;
    /** 32 - log2(slots): see {@link #home}. */
    private int shift;
    /** The words' characters, one after the other: word {@code id} is {@code chars[offsets[id], offsets[id + 1])}. */
    private char[] chars;
    private int[] offsets;
    private String[] words;
    private long[] classes;
    /** Slots of the one-character ASCII words (punctuation, "a"): the most frequent tokens skip the hashing. */
    private final int[] singles = new int[128];
    /**
     * One bit per {@link #maybe} of every word's hash: about half the multi-letter tokens of news text (names,
     * numbers, rare words) are not in the lexicon, and 8 KB stays in the L1 cache where the table (hundreds of KB)
     * does not: most unknown words are answered without reading the table.
     */
    private final long[] hashes = new long[1 << (MAYBE_BITS - 6)];
    private static final int MAYBE_BITS = 16;
    private int size;

    /** Sized for {@code expectedWords} without growing: the table at most 60% full. */
    Lexicon(int expectedWords) {
        int words = Math.max(16, expectedWords);
        int slots = Integer.highestOneBit(words * 5 / 3) << 1;
        table = new long[slots * SLOT];
        mask = slots - 1;
        shift = Integer.numberOfLeadingZeros(slots) + 1;
        chars = new char[words * 8];
        offsets = new int[words + 1];
        this.words = new String[words];
        classes = new long[words];
        Arrays.fill(singles, NO_SLOT);
    }

    /** The id of a (lower-case) word, adding it when new. */
    int intern(String word) {
        int h = word.hashCode();
        for (int slot = home(h); ; slot = (slot + 1) & mask) {
            long entry = table[SLOT * slot];
            if (entry == 0) {
                return add(word, h, slot);
            }
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == h && words[id].equals(word)) {
                return id;
            }
        }
    }

    /** Puts every word of a list in the class {@code bit} (a word may be in several). */
    void addClass(Iterable<String> list, long bit) {
        for (String w : list) {
            addClass(intern(w), bit);
        }
    }

    /** Puts the word {@code id} in the class {@code bit}. */
    void addClass(int id, long bit) {
        classes[id] |= bit;
        int slot = home(words[id].hashCode());
        while (idAt(slot) != id) {
            slot = (slot + 1) & mask;
        }
        table[SLOT * slot + 2] = classes[id];
    }

    private int add(String word, int h, int slot) {
        int id = size++;
        if (id == words.length) {
            words = Arrays.copyOf(words, id * 2);
            classes = Arrays.copyOf(classes, id * 2);
            offsets = Arrays.copyOf(offsets, id * 2 + 1);
        }
        int from = offsets[id];
        if (from + word.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + word.length()));
        }
        word.getChars(0, word.length(), chars, from);
        offsets[id + 1] = from + word.length();
        // the JVM's own copy, which every string literal equal to it is: a known token's lower case is then the very
        // literal the rules ask about, and Token.is compares the two by identity (see there)
        words[id] = word.intern();
        table[SLOT * slot] = ((long) h << 32) | (id + 1);
        int bit = maybe(h);
        hashes[bit >>> 6] |= 1L << bit;
        table[SLOT * slot + 1] = packed(word);
        if (word.length() == 1 && word.charAt(0) < 0x80) {
            singles[word.charAt(0)] = slot;
        }
        if (size * 5 > (mask + 1) * 3) {
            grow(); // past 60% full: a smaller table than half full fits the caches better, probes stay short
        }
        return id;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = old.length / SLOT * 2 - 1; // twice the slots
        shift--;
        for (int i = 0; i < old.length; i += SLOT) {
            if (old[i] != 0) {
                int slot = home((int) (old[i] >>> 32));
                while (table[SLOT * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, i, table, SLOT * slot, SLOT);
                String word = words[(int) old[i] - 1];
                if (word.length() == 1 && word.charAt(0) < 0x80) {
                    singles[word.charAt(0)] = slot; // moved
                }
            }
        }
    }

    /** Longest word {@link #packed} holds. */
    private static final int PACKED_MAX = 7;

    /**
     * A word of up to seven ASCII characters as one number (its length in the top byte, a character per byte
     * below), or -1 for any other word. Two such words are equal exactly when their numbers are.
     */
    private static long packed(String word) {
        int len = word.length();
        if (len > PACKED_MAX) {
            return -1;
        }
        long p = (long) len << 56;
        for (int i = 0; i < len; i++) {
            char c = word.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            p |= (long) c << (8 * i);
        }
        return p;
    }

    /** The id of a lower-case word, or {@link #UNKNOWN}. */
    int find(String word) {
        int h = word.hashCode();
        for (int slot = home(h); ; slot = (slot + 1) & mask) {
            long entry = table[SLOT * slot];
            if (entry == 0) {
                return UNKNOWN;
            }
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == h && words[id].equals(word)) {
                return id;
            }
        }
    }

    /**
     * The slot of {@code cs[start, end)} lower-cased, or {@link #NO_SLOT}; only for ASCII text, where lower-casing
     * is per character ('A'-'Z' to 'a'-'z'). {@code h} is {@code String.hashCode} of the lower-case word,
     * {@code chars} its characters as {@link #packed} places them (character i at bit 8i; only looked at for a
     * short word). The word's id and classes are then {@link #idAt} and {@link #classesAt} of the slot.
     */
    int slotOfAsciiLowered(char[] cs, int start, int end, int h, long chars) {
        int len = end - start;
        if (len == 1) {
            return singles[asciiLower(cs[start])];
        }
        int bit = maybe(h);
        if ((hashes[bit >>> 6] & (1L << bit)) == 0) {
            return NO_SLOT; // no word has this hash
        }
        if (len <= PACKED_MAX) {
            long p = ((long) len << 56) | chars; // the number packed() makes of the lower-case word
            for (int slot = home(h); ; slot = (slot + 1) & mask) {
                if (table[SLOT * slot] == 0) {
                    return NO_SLOT;
                }
                if (table[SLOT * slot + 1] == p) {
                    return slot;
                }
            }
        }
        for (int slot = home(h); ; slot = (slot + 1) & mask) {
            long entry = table[SLOT * slot];
            if (entry == 0) {
                return NO_SLOT;
            }
            if ((int) (entry >>> 32) == h && sameLowered((int) entry - 1, cs, start, end)) {
                return slot;
            }
        }
    }

    int idAt(int slot) {
        return (int) table[SLOT * slot] - 1;
    }

    long classesAt(int slot) {
        return table[SLOT * slot + 2];
    }

    private boolean sameLowered(int id, char[] cs, int start, int end) {
        int from = offsets[id];
        if (offsets[id + 1] - from != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (chars[from++] != asciiLower(cs[i])) {
                return false;
            }
        }
        return true;
    }

    static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * The word of an id: the lower-case {@code String} every token of that word shares, the JVM's interned one
     * ({@link String#intern}), so that it is the same object as any string literal spelled alike.
     */
    String word(int id) {
        return words[id];
    }

    long classes(int id) {
        return classes[id];
    }

    int size() {
        return size;
    }

    /** The bit of {@link #hashes} for a hash: another multiplier than {@link #home}'s, so that they are independent. */
    private static int maybe(int h) {
        return (h * 0x7FEB352D) >>> (32 - MAYBE_BITS);
    }

    /** The first slot for a hash: its top bits after a multiplication by the golden ratio (Fibonacci hashing). */
    private int home(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}

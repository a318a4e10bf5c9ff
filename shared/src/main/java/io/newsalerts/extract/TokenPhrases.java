package io.newsalerts.extract;

import java.util.Arrays;
import java.util.Collection;

/**
 * A set of lower-case phrases of one to three words, asked about a run of a sentence's tokens by their lexicon ids:
 * the same answer as {@code set.contains(} the tokens' lower cases joined by spaces {@code )} (a token never holds
 * a space, so a phrase's words are its tokens), without making that string and hashing it per question. Every
 * word of the phrases is put in the lexicon, so a token whose word the lexicon does not know is in no phrase.
 */
final class TokenPhrases {

    /** Bits of a word's id + 1 in a {@link #key}: three of them fit a long. */
    private static final int ID_BITS = 21;
    private static final int MAX_WORDS = 3;

    /** The phrases' keys, sorted. */
    private final long[] keys;

    TokenPhrases(Collection<String> phrases, Lexicon lexicon) {
        long[] k = new long[phrases.size()];
        int count = 0;
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            if (words.length > MAX_WORDS) {
                throw new IllegalArgumentException("more than " + MAX_WORDS + " words: " + phrase);
            }
            long key = 0;
            for (String word : words) {
                key = key(key, lexicon.intern(word));
            }
            k[count++] = key;
        }
        keys = Arrays.copyOf(k, count);
        Arrays.sort(keys);
        if (lexicon.size() >= 1 << ID_BITS) {
            throw new IllegalStateException("lexicon too large for phrase keys: " + lexicon.size());
        }
    }

    /** Whether the {@code words} tokens ending before {@code end} are a phrase of the set (none before token 0). */
    boolean has(Tokens t, int end, int words) {
        int start = end - words;
        if (start < 0 || end > t.size()) {
            return false;
        }
        long key = 0;
        for (int k = start; k < end; k++) {
            int id = t.get(k).id();
            if (id == Lexicon.UNKNOWN) {
                return false;
            }
            key = key(key, id);
        }
        return Arrays.binarySearch(keys, key) >= 0;
    }

    /** Whether some phrase of the set ends right before {@code end}. */
    boolean endsAt(Tokens t, int end) {
        return has(t, end, 1) || has(t, end, 2) || has(t, end, 3);
    }

    /** {@code key} with one more word: ids + 1 side by side, none 0, so that phrases of other lengths differ. */
    private static long key(long key, int id) {
        return key << ID_BITS | (id + 1);
    }
}

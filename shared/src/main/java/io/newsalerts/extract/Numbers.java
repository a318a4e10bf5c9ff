package io.newsalerts.extract;

import io.newsalerts.domain.Qualifier;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a cardinal number starting at a token: digits with separators ("1,200", "2.5 million"), number words
 * ("Fifteen", "twenty-five", "one hundred", "a dozen", "two dozen") and vague plurals ("dozens of" = at least 12,
 * "scores of" = at least 40, "hundreds of" = at least 200, "thousands of" = at least 2,000).
 */
final class Numbers {

    /** A number over tokens [start, end); {@code qualifier} is what the words themselves imply. */
    record Parsed(long value, int start, int end, Qualifier qualifier) {
    }

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80,
            "ninety", 90);
    private static final Map<String, Long> VAGUE = Map.of(
            "dozens", 12L, "scores", 40L, "hundreds", 200L, "thousands", 2000L, "tens", 20L);

    /** Every word {@link #isNumberWord} accepts, in one set: it is asked about nearly every word. */
    private static final Set<String> NUMBER_WORDS = collectNumberWords();

    private Numbers() {
    }

    private static Set<String> collectNumberWords() {
        Set<String> words = new HashSet<>(SMALL.keySet());
        words.addAll(TENS.keySet());
        words.addAll(VAGUE.keySet());
        words.add("hundred");
        words.add("dozen");
        return Set.copyOf(words);
    }

    static Set<String> numberWords() {
        return NUMBER_WORDS;
    }

    static boolean isNumberWord(String lower) {
        return NUMBER_WORDS.contains(lower);
    }

    /**
     * The value of a number token ("1,200", "2024", "3.0") that is a whole number of at most 15 digits, read digit
     * by digit: exactly what {@code Double.parseDouble} gives for it (such a number is a double exactly), without
     * a String. NaN for anything else ("2.5", several dots, more digits), which takes the library's way.
     */
    private static double wholeNumber(Token number) {
        long value = 0;
        int digits = 0;
        boolean fraction = false;
        for (int k = 0; k < number.length(); k++) {
            char c = number.charAt(k);
            if (c == ',') {
                continue; // thousands separators, as replace(",", "") drops them
            }
            if (c == '.') {
                if (fraction) {
                    return Double.NaN;
                }
                fraction = true;
            } else if (c < '0' || c > '9' || ++digits > 15) {
                return Double.NaN;
            } else if (fraction) {
                if (c != '0') {
                    return Double.NaN;
                }
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return digits == 0 ? Double.NaN : (double) value;
    }

    static Parsed parse(Tokens t, int i) {
        Token first = t.get(i);
        if (first.type() == Token.Type.NUMBER) {
            double v = wholeNumber(first);
            if (Double.isNaN(v)) {
                try {
                    v = Double.parseDouble(first.text().replace(",", ""));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            int end = i + 1;
            if (end < t.size()) {
                Token next = t.get(end); // is(): no lower-case String of an unknown next word
                if (next.is("million")) {
                    v *= 1_000_000;
                    end++;
                } else if (next.is("thousand")) {
                    v *= 1_000;
                    end++;
                } else if (next.is("dozen")) {
                    v *= 12;
                    end++;
                }
            }
            if (v != Math.floor(v)) {
                return null; // "2.5 attacks" is a rate, not a count
            }
            return new Parsed((long) v, i, end, Qualifier.EXACT);
        }
        String w = first.lower(); // a number's digits are never a number word: only a word's lower case is asked
        if (VAGUE.containsKey(w)) {
            // "dozens of", "tens of thousands of"
            if (w.equals("tens")) {
                if (i + 3 < t.size() && t.get(i + 1).is("of") && t.get(i + 2).is("thousands") && t.get(i + 3).is("of")) {
                    return new Parsed(20_000, i, i + 4, Qualifier.AT_LEAST);
                }
                return null;
            }
            if (i + 1 < t.size() && t.get(i + 1).is("of")) {
                return new Parsed(VAGUE.get(w), i, i + 2, Qualifier.AT_LEAST);
            }
            return null;
        }
        if ((w.equals("a") || w.equals("half")) && i + 1 < t.size()) {
            // "a dozen", "a hundred", "half a dozen"
            if (w.equals("half") && i + 2 < t.size() && t.get(i + 1).is("a") && t.get(i + 2).is("dozen")) {
                return new Parsed(6, i, i + 3, Qualifier.APPROX);
            }
            if (w.equals("a") && t.get(i + 1).is("dozen")) {
                return new Parsed(12, i, i + 2, Qualifier.APPROX);
            }
            if (w.equals("a") && t.get(i + 1).is("hundred")) {
                return new Parsed(100, i, i + 2, Qualifier.APPROX);
            }
            return null;
        }
        if (!SMALL.containsKey(w) && !TENS.containsKey(w)) {
            return null;
        }
        long total = 0;
        long current = 0;
        int k = i;
        boolean any = false;
        while (k < t.size()) {
            String x = t.get(k).lower();
            if (SMALL.containsKey(x) && (current % 10 == 0 || current >= 100)) {
                current += SMALL.get(x);
            } else if (TENS.containsKey(x) && current % 100 == 0) {
                current += TENS.get(x);
            } else if (x.equals("-") && any && k + 1 < t.size() && SMALL.containsKey(t.get(k + 1).lower())
                    && current % 100 >= 20 && current % 10 == 0) {
                k++;
                continue;
            } else if (x.equals("hundred") && current > 0 && current < 100) {
                current *= 100;
            } else if (x.equals("thousand") && current > 0) {
                total += current * 1000;
                current = 0;
            } else if (x.equals("million") && current > 0) {
                total += current * 1_000_000;
                current = 0;
            } else if (x.equals("dozen") && current > 0 && current < 20) {
                current *= 12;
                k++;
                return new Parsed(total + current, i, k, Qualifier.APPROX);
            } else if (x.equals("and") && any && k + 1 < t.size() && current >= 100
                    && (SMALL.containsKey(t.get(k + 1).lower()) || TENS.containsKey(t.get(k + 1).lower()))) {
                k++;
                continue;
            } else {
                break;
            }
            any = true;
            k++;
        }
        long value = total + current;
        return value > 0 ? new Parsed(value, i, k, Qualifier.EXACT) : null;
    }
}

package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starts listed for a pattern ({@link MatchStarts}) are a copy of what the pattern's alternatives begin with; this
 * keeps them in step: on every line of the corpus (as written, in lower and in upper case) and on phrases each pattern
 * matches, searching from the starts finds the same first match as {@link Matcher#find()}, from every word start.
 */
class MatchStartsTest {

    private static final List<String> PHRASES = List.of(
            "in the first six months of 2024", "The last three months of last year", "the first half of 2023",
            "during the 3rd quarter of this year", "In the final quarter", "Q3 2024", "From January to March 2024",
            "between Feb. 3 and March 5, 2024", "Since the start of the year", "since the beginning of 2023",
            "Since early October", "since June 5th, 2023", "since the attack on the base in October 2023",
            "Since last Monday", "since 2019", "so far this year", "So far in 2024", "the previous year",
            "year to date", "last week", "previous month", "in the past 24 hours", "Over the last two weeks",
            "within the previous year", "over the same period", "in that quarter", "across this half-year",
            "of the same six months", "the year before", "a year earlier", "the same period last year",
            "the same quarter of the previous year", "killed in a suicide bombing", "during the attack",
            "after a massive explosion", "when a gunman opened fire", "when militants stormed", "in the territory",
            "that region", "there", "blast the past", "inthe past week", "sincere since 2020", "Fromage from May");

    @Test
    void searchingFromTheStartsFindsWhatFindFinds() throws IOException {
        Map<Pattern, MatchStarts> searches = Extractor.searches();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.addAll(Files.readAllLines(f));
            }
        }
        Random random = new Random(4);
        for (String phrase : PHRASES) {
            texts.add(phrase);
            texts.add("Officials said " + phrase + ", 12 attacks were recorded (" + phrase + ")");
            texts.add(phrase.substring(0, random.nextInt(phrase.length())) + " " + phrase);
        }
        List<String> all = new ArrayList<>();
        for (String t : texts) {
            all.add(t);
            all.add(t.toLowerCase(Locale.ROOT));
            all.add(t.toUpperCase(Locale.ROOT));
        }
        int matches = 0;
        for (var search : searches.entrySet()) {
            for (String s : all) {
                for (int from = 0; from < s.length(); from++) {
                    if (from > 0 && s.charAt(from - 1) != ' ') {
                        continue;
                    }
                    Matcher expected = search.getKey().matcher(s).useTransparentBounds(true).useAnchoringBounds(false)
                            .region(from, s.length());
                    Matcher actual = search.getKey().matcher(s);
                    boolean found = expected.find();
                    assertThat(search.getValue().find(actual, s, from, s.length()))
                            .as("%s from %d in: %s", search.getKey(), from, s).isEqualTo(found);
                    if (found) {
                        matches++;
                        assertThat(actual.start()).as("%s in: %s", search.getKey(), s).isEqualTo(expected.start());
                        assertThat(actual.end()).as("%s in: %s", search.getKey(), s).isEqualTo(expected.end());
                    }
                }
            }
        }
        assertThat(matches).as("the texts exercise the patterns").isGreaterThan(1000);
    }
}

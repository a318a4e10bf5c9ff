package io.newsalerts.extract;

import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The acceptance test: the real scraped AP article (shared/seed, outside this repository) and a fixture of our own
 * in the same shape must both yield exactly the two Islamic State statistics and the Ain al-Asad drone attack.
 */
class SeedAcceptanceTest {

    /** The shared seed folder next to the repository; tests run with the module directory as working directory. */
    static final Path SEED = Path.of("../../shared/seed/2024-07-17-islamic-state-attacks.txt");

    private static List<Fact> realSeedFacts() throws IOException {
        assumeTrue(Files.exists(SEED), "seed article missing at " + SEED.toAbsolutePath().normalize()
                + ": the acceptance test on the real article was skipped (the fixture test still runs)");
        return extract(Files.readString(SEED, StandardCharsets.UTF_8), SEED.getFileName().toString());
    }

    private static List<Fact> fixtureFacts() throws IOException {
        try (InputStream in = SeedAcceptanceTest.class.getResourceAsStream("/fixtures/islamic-state-seed-shaped.txt")) {
            String text = new String(Objects.requireNonNull(in, "fixture").readAllBytes(), StandardCharsets.UTF_8);
            return extract(text, "islamic-state-seed-shaped.txt");
        }
    }

    private static List<Fact> extract(String content, String name) {
        Article article = ArticleReader.read(content, null, name);
        return Extractor.defaults().extract(article);
    }

    private static void assertSeedFacts(List<Fact> facts) {
        List<Fact> islamicState = facts.stream().filter(f -> "Islamic State".equals(f.actor())).toList();
        assertThat(islamicState).hasSize(2);

        Fact h1 = islamicState.stream().filter(f -> f.count() == 153).findFirst().orElseThrow();
        assertThat(h1.regions()).containsExactly("IQ", "SY");
        assertThat(h1.period()).isEqualTo(Period.of("2024-01-01", "2024-06-30"));
        assertThat(h1.kind()).isEqualTo(FactKind.REPORTED);
        assertThat(h1.qualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(h1.attributedTo()).isEqualTo("CENTCOM");
        assertThat(h1.eventType()).isEqualTo("attack");
        assertThat(h1.area()).isNull();

        Fact y2023 = islamicState.stream().filter(f -> f.count() == 121).findFirst().orElseThrow();
        assertThat(y2023.regions()).containsExactly("IQ", "SY");
        assertThat(y2023.period()).isEqualTo(Period.year(2023));
        assertThat(y2023.kind()).isEqualTo(FactKind.REPORTED);
        assertThat(y2023.attributedTo()).isEqualTo("U.S. defense official");
        assertThat(y2023.sentence()).contains("121 attacks");

        List<Fact> others = facts.stream().filter(f -> !"Islamic State".equals(f.actor())).toList();
        assertThat(others).hasSize(1);
        Fact drone = others.getFirst();
        assertThat(drone.actor()).isEqualTo("Islamic Resistance in Iraq");
        assertThat(drone.eventType()).isEqualTo("drone attack");
        assertThat(drone.count()).isEqualTo(1);
        assertThat(drone.regions()).containsExactly("IQ");
        // "On Tuesday" in an article of Wednesday 2024-07-17: the day it happened
        assertThat(drone.period()).isEqualTo(Period.of("2024-07-16", "2024-07-16"));
        assertThat(drone.kind()).isEqualTo(FactKind.INCIDENT);
        assertThat(drone.attributedTo()).isEqualTo("Iraqi militia officials");
    }

    @Test
    void realSeedYieldsTheTwoIslamicStateStatisticsAndTheAinAlAsadDroneAttack() throws IOException {
        // given the real article, when extracted, then
        assertSeedFacts(realSeedFacts());
    }

    @Test
    void seedShapedFixtureYieldsTheSameThreeFacts() throws IOException {
        assertSeedFacts(fixtureFacts());
    }

    @Test
    void sidebarTeasersYieldNoFacts() throws IOException {
        // given the seed's facts, none may come from the LCBO / Toronto teasers after the closing byline
        List<Fact> facts = realSeedFacts();
        assertThat(facts).extracting(Fact::sentence)
                .noneMatch(s -> s.contains("LCBO") || s.contains("Toronto") || s.contains("customers")
                        || s.contains("workers") || s.contains("millimetres") || s.contains("ago"));
        assertThat(facts).extracting(Fact::count).doesNotContain(10_000L, 5_000L, 125L, 12L, 5L, 3L);
    }

    @Test
    void seedNonEventNumbersYieldNoFacts() throws IOException {
        // the 10-year mark, more than 80 countries, thousands of members, three U.S. soldiers killed in one strike
        List<Fact> facts = realSeedFacts();
        assertThat(facts).extracting(Fact::count).containsExactlyInAnyOrder(153L, 121L, 1L);
        assertThat(facts).extracting(Fact::sentence).noneMatch(s -> s.contains("From October to February"));
    }

    @Test
    void readerTakesDateAndHeadlineFromTheSeedsFirstLine() throws IOException {
        assumeTrue(Files.exists(SEED), "seed article missing at " + SEED.toAbsolutePath().normalize());
        Article a = ArticleReader.read(Files.readString(SEED, StandardCharsets.UTF_8), null, null);
        assertThat(a.published()).hasToString("2024-07-17");
        assertThat(a.title()).startsWith("Islamic State attacks on track to double");
        assertThat(a.body()).doesNotStartWith("date");
    }
}

package io.newsalerts.rules;

import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBookTest {

    private static final SeriesKey IS_ATTACKS =
            new SeriesKey(SeriesKey.Source.STATISTIC, "Islamic State", List.of("SY", "IQ"), "attack", null);

    @Test
    void bundledFileHasEveryKind() {
        RuleSet rules = RuleSet.defaults();

        assertThat(rules.rules()).extracting(Rule::kind).contains(
                "yoy-doubling", "yoy-projected-doubling", "threshold", "spike", "new-actor-in-region");
        assertThat(rules.needsDays()).isTrue();
    }

    @Test
    void bundledFileKeepsTheFirstPipelinesProjection() {
        List<Observation> obs = List.of(
                new Observation(Period.year(2023), 121, List.of(), LocalDate.parse("2024-07-17"), 1),
                new Observation(Period.of("2024-01-01", "2024-06-30"), 153, List.of(), LocalDate.parse("2024-07-17"), 1));

        assertThat(RuleSet.defaults().evaluate(IS_ATTACKS, obs)).singleElement()
                .satisfies(a -> assertThat(a.rule()).isEqualTo("yoy-projected-doubling"));
    }

    @Test
    void factorFromTheFileDecidesWhatFires() {
        RuleSet rise = RuleBook.parse("""
                {"rules": [{"id": "rise-50", "kind": "yoy-doubling", "severity": "low",
                  "parameters": {"factor": 1.5, "minBaseline": 10}}]}""", "test");
        List<Observation> obs = List.of(
                new Observation(Period.year(2023), 100, List.of(), LocalDate.parse("2024-02-01"), 1),
                new Observation(Period.year(2024), 160, List.of(), LocalDate.parse("2025-01-10"), 1));

        assertThat(rise.evaluate(IS_ATTACKS, obs)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("rise-50");
            assertThat(a.ratio()).isEqualTo(1.6);
            assertThat(a.severity().wire()).isEqualTo("low");
        });
    }

    @Test
    void scopeLimitsTheRuleToItsActors() {
        RuleSet onlyHouthis = RuleBook.parse("""
                {"rules": [{"id": "houthi-doubling", "kind": "yoy-doubling", "severity": "high",
                  "scope": {"actors": ["Houthis"]}}]}""", "test");
        List<Observation> obs = List.of(
                new Observation(Period.year(2023), 100, List.of(), LocalDate.parse("2024-02-01"), 1),
                new Observation(Period.year(2024), 300, List.of(), LocalDate.parse("2025-01-10"), 1));

        assertThat(onlyHouthis.evaluate(IS_ATTACKS, obs)).isEmpty();
    }

    @Test
    void unknownKindIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> RuleBook.parse("""
                {"rules": [{"id": "x", "kind": "yoy-tripling", "severity": "low"}]}""", "SSM parameter /p"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("SSM parameter /p: rule 'x': unknown kind 'yoy-tripling'")
                .hasMessageContaining("threshold");
    }

    @Test
    void misspelledParameterIsRefused() {
        assertThatThrownBy(() -> RuleBook.parse("""
                {"rules": [{"id": "x", "kind": "yoy-doubling", "severity": "low", "parameters": {"factr": 2}}]}""", "f"))
                .hasMessageContaining("rule 'x': unknown parameter 'factr'")
                .hasMessageContaining("factor");
    }

    @Test
    void duplicateIdIsRefused() {
        assertThatThrownBy(() -> RuleBook.parse("""
                {"rules": [{"id": "x", "kind": "yoy-doubling", "severity": "low"},
                           {"id": "x", "kind": "spike", "severity": "low"}]}""", "f"))
                .hasMessageContaining("rule 'x': duplicate id");
    }

    @Test
    void factorOfOneOrLessIsRefused() {
        assertThatThrownBy(() -> RuleBook.parse("""
                {"rules": [{"id": "x", "kind": "yoy-doubling", "severity": "low", "parameters": {"factor": 1}}]}""", "f"))
                .hasMessageContaining("factor must be above 1");
    }

    @Test
    void thresholdWithoutCountIsRefused() {
        assertThatThrownBy(() -> RuleBook.parse("""
                {"rules": [{"id": "t", "kind": "threshold", "severity": "low", "parameters": {"window": "month"}}]}""", "f"))
                .hasMessageContaining("parameters.count is required");
    }

    @Test
    void unknownSeverityAndNonJsonAreRefused() {
        assertThatThrownBy(() -> RuleBook.parse("""
                {"rules": [{"id": "x", "kind": "spike", "severity": "urgent"}]}""", "f"))
                .hasMessageContaining("severity: unknown severity 'urgent'");
        assertThatThrownBy(() -> RuleBook.parse("rules: []", "f")).hasMessageStartingWith("f: not JSON");
        assertThatThrownBy(() -> RuleBook.parse("{\"rules\": []}", "f")).hasMessageContaining("at least one rule");
    }
}

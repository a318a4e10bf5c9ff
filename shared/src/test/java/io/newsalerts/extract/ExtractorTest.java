package io.newsalerts.extract;

import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractorTest {

    private static final LocalDate WED = LocalDate.of(2024, 7, 17);

    private static List<Fact> facts(String body) {
        return Extractor.defaults().extract(Article.of(null, "t", WED, body));
    }

    private static Fact only(String body) {
        List<Fact> f = facts(body);
        assertThat(f).hasSize(1);
        return f.getFirst();
    }

    @Test
    void defaultsIsOneInstancePerJvm() {
        assertThat(Extractor.defaults()).isSameAs(Extractor.defaults());
    }

    @Test
    void aliasesMapToTheCanonicalActor() {
        for (String alias : List.of("ISIS", "ISIL", "Daesh", "The Islamic State group")) {
            Fact f = only(alias + " carried out 40 attacks in Iraq in 2023, officials said.");
            assertThat(f.actor()).as(alias).isEqualTo("Islamic State");
        }
    }

    @Test
    void khorasanBranchStaysDistinctFromIslamicState() {
        Fact f = only("ISIS-K claimed 12 bombings in Afghanistan last year.");
        assertThat(f.actor()).isEqualTo("Islamic State Khorasan Province");
        assertThat(f.eventType()).isEqualTo("bombing");
        assertThat(f.period()).isEqualTo(Period.year(2023));
    }

    @Test
    void lowercaseIsIsNeverTheIslamicState() {
        Fact f = only("It is believed 30 attacks in Syria in 2023 were carried out by cells, officials said.");
        assertThat(f.actor()).isNull();
    }

    @Test
    void bareIsWithoutLicenceIsNotAnActor() {
        // no other Islamic State name anywhere in the article, and "IS" is not followed by a licensing word
        Fact f = only("IS THE END NEAR? Police recorded 40 shootings in Mexico in 2023.");
        assertThat(f.actor()).isNull();
    }

    @Test
    void countWithoutNamedPerpetratorHasNullActor() {
        Fact f = only("Pirates carried out 33 attacks in the Gulf of Guinea in the first half of 2024, the IMB said.");
        assertThat(f.actor()).isNull();
        assertThat(f.regions()).isEmpty();
        assertThat(f.area()).isEqualTo("Gulf of Guinea");
        assertThat(f.period()).isEqualTo(Period.of("2024-01-01", "2024-06-30"));
        assertThat(f.attributedTo()).isEqualTo("IMB");
    }

    @Test
    void countCreditedToSeveralGroupsBelongsToTheCoalition() {
        Fact f = only("Hamas and Islamic Jihad claimed 300 attacks in the West Bank in 2023.");
        assertThat(f.actor()).isEqualTo("Hamas and Palestinian Islamic Jihad");
        assertThat(f.regions()).containsExactly("PS");
    }

    @Test
    void militarysOwnStrikesAreItsFacts() {
        Fact f = only("The Israeli military said it carried out 50 airstrikes in Lebanon in the past week.");
        assertThat(f.actor()).isEqualTo("Israeli military");
        assertThat(f.eventType()).isEqualTo("airstrike");
        assertThat(f.regions()).containsExactly("LB");
        assertThat(f.period()).isEqualTo(Period.of("2024-07-11", "2024-07-17"));
        assertThat(f.attributedTo()).isEqualTo("Israeli military");
    }

    @Test
    void anaphorResolvesToTheLatestCompatibleActor() {
        List<Fact> f = facts("Al-Shabab fighters attacked a base on Monday. The Kenyan army responded. "
                + "The group carried out 25 bombings in Somalia in 2023, according to the U.N.");
        // the Monday attack is an incident of its own; the statistic belongs to the group, not the Kenyan army
        assertThat(f).extracting(Fact::eventType).containsExactly("attack", "bombing");
        assertThat(f).extracting(Fact::actor).containsOnly("al-Shabab");
        assertThat(f.get(1).attributedTo()).isEqualTo("U.N.");
        assertThat(f.get(0).kind()).isEqualTo(FactKind.INCIDENT);
    }

    @Test
    void bothCountriesMeansTheCountriesJustNamed() {
        List<Fact> f = facts("Violence rose in Mali and Burkina Faso. JNIM staged 200 attacks in both countries "
                + "so far this year.");
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().regions()).containsExactly("BF", "ML");
        assertThat(f.getFirst().period()).isEqualTo(Period.of("2024-01-01", "2024-07-17"));
    }

    @Test
    void bothCountriesIsReadWhereLowerCasingChangesTheSentencesLength() {
        // "İ" lower-cases to two characters: the clause was once looked for in the lower case at the sentence's
        // offsets, one character early, and "both countries" at the clause's end was cut off
        for (String name : List.of("Ibrahim", "İbrahim")) {
            List<Fact> f = facts("Violence rose in Mali and Burkina Faso. JNIM, led by " + name + " Diallo, staged 200 "
                    + "attacks last year in Niger and in both countries; the army disputed the figure.");
            assertThat(f).as(name).singleElement().extracting(Fact::regions).isEqualTo(List.of("BF", "ML", "NE"));
        }
    }

    @Test
    void qualifiersAndNumberWordsAreRead() {
        assertThat(only("Houthis launched more than 190 drone attacks in the Red Sea last year.").qualifier())
                .isEqualTo(Qualifier.AT_LEAST);
        Fact approx = only("Nearly two dozen kidnappings were reported in Haiti in June.");
        assertThat(approx.count()).isEqualTo(24);
        assertThat(approx.qualifier()).isEqualTo(Qualifier.APPROX);
        assertThat(approx.period()).isEqualTo(Period.month(2024, 6));
        Fact dozens = only("Dozens of protests took place in Kenya last month.");
        assertThat(dozens.count()).isEqualTo(12);
        assertThat(dozens.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(only("Fifteen bombings hit Pakistan in the second quarter.").count()).isEqualTo(15);
    }

    @Test
    void moneyPercentagesRatesAndProjectionsYieldNothing() {
        assertThat(facts("Attacks rose 40% in Iraq in 2023.")).isEmpty();
        assertThat(facts("The militia spent $300 on drone attacks in 2023.")).isEmpty();
        assertThat(facts("Militants averaged 3 attacks a day in Syria in 2023.")).isEmpty();
        assertThat(facts("The group is on pace for 130 attacks in Iraq this year.")).isEmpty();
        assertThat(facts("Attacks in Iraq were for the first time above 300 in 2023.")).isEmpty();
        assertThat(facts("There were no attacks in Iraq in 2023.")).isEmpty();
    }

    @Test
    void tollsOverAPeriodAreFatalitiesButASingleIncidentsTollIsNot() {
        Fact toll = only("Militants killed 120 civilians in Burkina Faso in the first quarter of 2024.");
        assertThat(toll.eventType()).isEqualTo("fatality");
        assertThat(toll.period()).isEqualTo(Period.quarter(2024, 1));
        assertThat(facts("Three soldiers died when a strike hit their base in Jordan in late January.")).isEmpty();
        assertThat(facts("Ten people were killed when a bomb exploded in Kabul on Monday.")).isEmpty();
        assertThat(facts("The raids mostly ended after a drone hit a base in Jordan in late January, killing three "
                + "U.S. soldiers.")).as("one strike, named by what struck").isEmpty();
    }

    @Test
    void aTollNamesItsVictimsByTradeWithANounBeforeThem() {
        Fact f = only("Gunmen killed 87 bus drivers and assistants in Guatemala in 2023, the union said.");
        assertThat(f.eventType()).isEqualTo("fatality");
        assertThat(f.count()).isEqualTo(87);
        assertThat(f.regions()).containsExactly("GT");
        assertThat(facts("Militants destroyed 12 truck depots in Mali in 2023.")).as("not people").isEmpty();
    }

    @Test
    void aSayerKeepsItsAttributionAcrossAnAsideAndLendsTheFactNoPlace() {
        for (String aside : List.of("who was not cleared to speak on the record", "speaking on condition of anonymity",
                "not authorized to speak publicly")) {
            Fact f = only("A U.S. defense official, " + aside + ", said militants carried out 121 attacks across "
                    + "Syria and Iraq in 2023.");
            assertThat(f.attributedTo()).as(aside).isEqualTo("U.S. defense official");
            assertThat(f.regions()).as(aside).containsExactly("IQ", "SY");
        }
    }

    @Test
    void everyCountryOfTheIsoListIsFoundByNameAndNoCodeIsReadAsAWord() throws Exception {
        // countries.tsv is "CODE<TAB>name": each name must give its code, and two-letter codes that are also
        // English words ("IS", "IN", "TO", "AT") must not be taken for countries
        var lines = new String(ExtractorTest.class.getResourceAsStream("/io/newsalerts/extract/countries.tsv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && l.contains("\t")).toList();
        assertThat(lines).hasSizeGreaterThan(240);
        List<String> wrong = new java.util.ArrayList<>();
        for (String line : lines) {
            String code = line.substring(0, line.indexOf('\t'));
            String name = line.substring(line.indexOf('\t') + 1).strip();
            List<Fact> f = facts("Militants staged 12 attacks in " + name + " in 2023.");
            if (f.size() != 1 || !f.getFirst().regions().equals(List.of(code))) {
                wrong.add(code + " " + name + " -> " + (f.isEmpty() ? "no fact" : f.getFirst().regions()));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(only("MILITANTS STAGED 12 ATTACKS IN IRAQ IN 2023, IT SAID, AS IS TO BE EXPECTED.").regions())
                .containsExactly("IQ");
    }

    @Test
    void breakdownsByVictimCategoryAreNotSeparateFacts() {
        List<Fact> f = facts("Attacks killed 300 people in Nigeria in 2023, including 40 children.");
        assertThat(f).extracting(Fact::count).containsExactly(300L);
    }

    @Test
    void roundedRestatementIsTheSameFact() {
        List<Fact> f = facts("Boko Haram carried out 591 attacks in Nigeria in 2023. "
                + "That means nearly 600 attacks in Nigeria in 2023 were claimed by Boko Haram.");
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().count()).isEqualTo(591);
    }

    @Test
    void singleIncidentIsDatedToTheDayItHappened() {
        Fact f = only("On Monday, the Houthis launched a drone attack on a tanker in the Red Sea.");
        assertThat(f.kind()).isEqualTo(FactKind.INCIDENT);
        assertThat(f.count()).isEqualTo(1);
        assertThat(f.period()).isEqualTo(Period.day(LocalDate.of(2024, 7, 15)));
        assertThat(f.area()).isEqualTo("Red Sea");
        assertThat(f.actor()).isEqualTo("Houthis");
    }

    @Test
    void threatsAndPlansAreNotIncidents() {
        assertThat(facts("The Houthis threatened to launch a drone attack on Tel Aviv on Monday.")).isEmpty();
        assertThat(facts("It was unclear whether the attack on Monday had hit its target.")).isEmpty();
    }

    @Test
    void extraGazetteerAddsActorsAndPlaces() {
        Extractor ex = Extractor.withExtraGazetteer("""
                {"actors":[{"name":"Example Front","type":"armed","aliases":["Example Front","EF fighters"]}],
                 "places":{"Zorbastan Ridge":"IQ"}}""");
        List<Fact> f = ex.extract(Article.of(null, "t", WED,
                "EF fighters carried out 14 raids near Zorbastan Ridge in 2023."));
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().actor()).isEqualTo("Example Front");
        assertThat(f.getFirst().regions()).containsExactly("IQ");
        // the defaults are untouched
        assertThat(Extractor.defaults().extract(Article.of(null, "t", WED,
                "EF fighters carried out 14 raids near Zorbastan Ridge in 2023.")).getFirst().actor()).isNull();
    }

    @Test
    void extraGazetteerOverridesABundledNameAndExtendsEveryList() {
        Extractor ex = Extractor.withExtraGazetteer("""
                {"actors":[{"name":"Daesh Remnants","aliases":["Daesh"]}],
                 "places":{"Rawah":"SY"},
                 "eventTypes":[{"name":"sabotage","terms":["sabotage attack","sabotage attacks"]}],
                 "countries":[{"code":"iq","aliases":["Mesopotamia"]}],
                 "areas":["Zorbas Gulf"]}""");
        String renamed = "Daesh carried out 14 attacks near Rawah in 2023.";
        // the deployer's entries replace the bundled ones of the same name and kind
        assertThat(ex.extract(Article.of(null, "t", WED, renamed))).singleElement().satisfies(f -> {
            assertThat(f.actor()).isEqualTo("Daesh Remnants");
            assertThat(f.regions()).containsExactly("SY");
        });
        assertThat(Extractor.defaults().extract(Article.of(null, "t", WED, renamed))).singleElement().satisfies(f -> {
            assertThat(f.actor()).isEqualTo("Islamic State");
            assertThat(f.regions()).containsExactly("IQ");
        });
        assertThat(ex.extract(Article.of(null, "t", WED, "Rebels carried out 9 sabotage attacks in Mesopotamia in 2023.")))
                .singleElement().satisfies(f -> {
                    assertThat(f.eventType()).isEqualTo("sabotage");
                    assertThat(f.regions()).containsExactly("IQ");
                });
        assertThat(ex.extract(Article.of(null, "t", WED, "Pirates carried out 5 attacks in the Zorbas Gulf in 2023.")))
                .singleElement().satisfies(f -> {
                    assertThat(f.regions()).isEmpty();
                    assertThat(f.area()).isEqualTo("Zorbas Gulf");
                });
    }

    @Test
    void malformedExtraGazetteerIsRejected() {
        assertThatThrownBy(() -> Extractor.withExtraGazetteer("{\"actors\": ["))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Extractor.withExtraGazetteer("{\"actors\": [{\"aliases\": [\"x\"]}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void countryThatActsIsItsMilitaryAndNotTheRegion() {
        // given "Russia's forces" as the subject and Ukraine as the target
        Fact f = only("Russia's forces carried out 1,650 drone attacks on Ukraine in December, Ukraine's air force said.");
        // then
        assertThat(f.actor()).isEqualTo("Russian military");
        assertThat(f.regions()).containsExactly("UA");
        assertThat(f.period()).isEqualTo(Period.month(2023, 12));
    }

    @Test
    void placesInAttributionsAdjectivesAndOwnersAreNotRegions() {
        Fact f = only("The Islamic Resistance in Iraq has claimed 160 attacks on U.S. forces in Iraq and Syria since "
                + "Oct. 18, according to a Pentagon tally.");
        assertThat(f.regions()).containsExactly("IQ", "SY");
        assertThat(f.period()).isEqualTo(Period.of("2023-10-18", "2024-07-17"));
        Fact border = only("Al-Shabab militants planted at least 30 roadside bombs along Kenya's border with Somalia "
                + "in the first half of this year, Kenyan police said.");
        assertThat(border.regions()).containsExactly("KE");
        assertThat(border.qualifier()).isEqualTo(Qualifier.AT_LEAST);
    }

    @Test
    void sameperiodAndEllipsisReferBackToTheFigureBefore() {
        List<Fact> f = facts("Gunmen abducted 14 fishermen in the Sulu Sea in 2023, up from six the year before. "
                + "They killed 3 sailors in the Sulu Sea over the same period.");
        assertThat(f).extracting(Fact::count).containsExactly(14L, 6L, 3L);
        assertThat(f).extracting(Fact::period).containsExactly(Period.year(2023), Period.year(2022), Period.year(2023));
        assertThat(f).extracting(Fact::area).containsOnly("Sulu Sea");
    }

    @Test
    void laterClaimGivesTheIncidentItsActor() {
        List<Fact> f = facts("Jihadist fighters attacked an army base in eastern Burkina Faso on Tuesday, killing more "
                + "than 100 soldiers. JNIM claimed the attack in a statement.");
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().actor()).isEqualTo("JNIM");
        assertThat(f.getFirst().kind()).isEqualTo(FactKind.INCIDENT);
        assertThat(f.getFirst().period()).isEqualTo(Period.day(LocalDate.of(2024, 7, 16)));
    }

    @Test
    void partitivesAndMunitionsAreNotFacts() {
        assertThat(facts("OCHA said 84 of those attacks in the West Bank in 2023 caused casualties.")).isEmpty();
        assertThat(facts("Hamas fired 1,234 rockets at Israel in the past week.")).isEmpty();
    }
}

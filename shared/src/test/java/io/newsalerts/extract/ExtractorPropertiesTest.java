package io.newsalerts.extract;

import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever text arrives, extraction returns (never throws) and its output stays bounded by the input. */
class ExtractorPropertiesTest {

    private static final List<String> WORDS = List.of("IS", "is", "ISIS", "the", "group", "attacks", "attack", "killed",
            "153", "1,200", "more", "than", "nearly", "dozens", "of", "in", "Iraq", "Syria", "both", "countries",
            "2023", "last", "year", "first", "six", "months", "On", "Tuesday", "launched", "a", "drone", "U.S.",
            "Gen.", ".", ",", "\"", "-", "said", "according", "to", "they", "it", "Red", "Sea", "$", "%", "since",
            "October", "from", "February", "\n", "\n\n", "...", "5h", "ago", "Houthis", "al-Shabab", "people",
            "were", "wounded", "between", "and", "two", "dozen", "Hamas", "Hezbollah", "claimed", "bombings");

    @Provide
    Arbitrary<String> newsish() {
        return Arbitraries.of(WORDS).list().ofMaxSize(400).map(w -> String.join(" ", w));
    }

    @Property(tries = 300)
    void newsLikeWordSaladNeverThrows(@ForAll("newsish") String body) {
        List<Fact> facts = Extractor.defaults().extract(Article.of(null, "t", LocalDate.of(2024, 7, 17), body + " x"));
        assertThat(facts.size()).isLessThanOrEqualTo(body.length() / 4 + 1);
        facts.forEach(f -> assertThat(f.count()).isPositive());
    }

    @Property(tries = 300)
    void arbitraryUnicodeNeverThrows(@ForAll String body) {
        List<Fact> facts = Extractor.defaults().extract(Article.of(null, null, LocalDate.of(2024, 1, 1), body));
        assertThat(facts.size()).isLessThanOrEqualTo(body.length() + 1);
    }

    @Property(tries = 100)
    void readerEitherReadsOrSaysWhatIsWrong(@ForAll String content) {
        try {
            Article a = ArticleReader.read(content, null, null);
            assertThat(a.body()).isNotBlank();
        } catch (BadArticleException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}

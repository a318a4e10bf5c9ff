package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each line rule behind its first-character gate: the gates must never hide a line the patterns would catch. */
class BodyCleanerTest {

    @Test
    void dropsCaptionsBylinesStampsAndTeasers() {
        String body = String.join("\n",
                "By Jane Doe",
                "BY JOHN ROE",
                "5h ago",
                "12 minutes ago",
                "Updated: 3 June 2024",
                "posted 10:42",
                "FILE - A ship at sea.",
                "Smoke rises. (AP Photo/John Doe)",
                "Gunmen attacked a convoy on Monday.",
                "Officials said more would follow...",
                "A teaser cut short…",
                "Nine people were killed.");
        assertThat(BodyCleaner.paragraphs(body))
                .containsExactly("Gunmen attacked a convoy on Monday.", "Nine people were killed.");
    }

    @Test
    void stopsAtAHeadingInAnyCaseOrASignOff() {
        assertThat(BodyCleaner.paragraphs("Nine people were killed.\nrelated stories:\nOther news."))
                .containsExactly("Nine people were killed.");
        assertThat(BodyCleaner.paragraphs("Nine people were killed.\nYOU MAY ALSO LIKE\nOther news."))
                .containsExactly("Nine people were killed.");
        assertThat(BodyCleaner.paragraphs("Nine people were killed.\nJane Doe in Kabul, The Associated Press.\nMore."))
                .containsExactly("Nine people were killed.");
        assertThat(BodyCleaner.paragraphs("Nine people were killed.\nReporting by Jane Doe, Reuters\nMore."))
                .containsExactly("Nine people were killed.");
    }

    @Test
    void aHeadingAmongAPagesOwnLinesAboveTheStoryDoesNotEndIt() {
        String page = String.join("\n", "Skip to content", "Menu", "Advertisement", "Cybersecurity",
                "Ransomware gangs named 521 victims on their leak sites in May.", "Advertisement", "Other news.");
        assertThat(BodyCleaner.paragraphs(page)).containsExactly("Skip to content", "Menu", "Cybersecurity",
                "Ransomware gangs named 521 victims on their leak sites in May.");
    }

    @Test
    void keepsLinesThatOnlyLookLikeTheRules() {
        assertThat(BodyCleaner.paragraphs("Bystanders fled.\nPosters were torn down in 2024.\n5 ships were hit."))
                .containsExactly("Bystanders fled.", "Posters were torn down in 2024.", "5 ships were hit.");
    }

    @Test
    void readsLinesNormalizedAndStrippedAndComparesEachWithTheNextNonBlankOne() {
        assertThat(BodyCleaner.paragraphs("\u00A0 Gunmen\tattacked.\u202F\r\n\u201CNine\u201D were killed.\n"))
                .containsExactly("Gunmen attacked.", "\"Nine\" were killed.");
        // blank lines in between: still the same headline twice, a teaser card
        assertThat(BodyCleaner.paragraphs("Headline\n\n  \nHeadline\nMore")).isEmpty();
        // a line of no-break spaces is not blank as written: it is the next line, and it is empty once cleaned
        assertThat(BodyCleaner.paragraphs("Headline\n\u00A0\nHeadline\nMore"))
                .containsExactly("Headline", "Headline", "More");
    }
}

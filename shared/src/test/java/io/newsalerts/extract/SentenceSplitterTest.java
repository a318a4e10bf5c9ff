package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    @Test
    void abbreviationsDoNotEndSentences() {
        // given
        String p = "Gen. Michael Kurilla of the U.S. Central Command said on Feb. 3 that attacks rose. "
                + "The No. 2 commander agreed. Officials in the U.S. said more.";
        // when / then
        assertThat(SentenceSplitter.split(p)).containsExactly(
                "Gen. Michael Kurilla of the U.S. Central Command said on Feb. 3 that attacks rose.",
                "The No. 2 commander agreed.",
                "Officials in the U.S. said more.");
    }

    @Test
    void dottedAcronymAtSentenceEndSplitsBeforeACommonOpener() {
        assertThat(SentenceSplitter.split("Troops returned to the U.S. The attacks continued."))
                .containsExactly("Troops returned to the U.S.", "The attacks continued.");
    }

    @Test
    void quotesAndQuestionMarksEndSentences() {
        assertThat(SentenceSplitter.split("\"We will respond,\" he said. Why now? Nobody knows!"))
                .containsExactly("\"We will respond,\" he said.", "Why now?", "Nobody knows!");
    }

    @Test
    void decimalsAndInitialsStayInside() {
        assertThat(SentenceSplitter.split("John F. Kennedy paid 2.5 million. It rained."))
                .containsExactly("John F. Kennedy paid 2.5 million.", "It rained.");
    }
}

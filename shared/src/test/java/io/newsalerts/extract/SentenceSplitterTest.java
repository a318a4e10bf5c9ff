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
    void terminatorsOfEachKindInAnyOrderAndInRuns() {
        // each kind's next place is searched on its own: runs ("?!") and kinds passed over by a split
        assertThat(SentenceSplitter.split("What?! No. Yes! Why? Done."))
                .containsExactly("What?!", "No. Yes!", "Why?", "Done.");
        assertThat(SentenceSplitter.split("He left!? She stayed... They said \"Go!\" Then 3 more came. (Really?) Yes."))
                .containsExactly("He left!?", "She stayed...", "They said \"Go!\"", "Then 3 more came.", "(Really?)",
                        "Yes.");
        assertThat(SentenceSplitter.split("A. B! C? D.E. F")).containsExactly("A. B!", "C?", "D.E. F");
    }

    @Test
    void decimalsAndInitialsStayInside() {
        assertThat(SentenceSplitter.split("John F. Kennedy paid 2.5 million. It rained."))
                .containsExactly("John F. Kennedy paid 2.5 million.", "It rained.");
    }

    @Test
    void abbreviationsAndOpenersInAnyCaseButOnlyAscii() {
        assertThat(SentenceSplitter.split("SGT. Smith met GOV'T. Officials. Troops left the U.S. OFFICIALS said so."))
                .containsExactly("SGT. Smith met GOV'T. Officials.", "Troops left the U.S.", "OFFICIALS said so.");
        // a non-ASCII letter makes another word, and a long word is never an abbreviation
        assertThat(SentenceSplitter.split("He saw Dr\u00E9. Then Approximately. Then left."))
                .containsExactly("He saw Dr\u00E9.", "Then Approximately.", "Then left.");
    }

    @Test
    void keysFoldAsciiCaseAndRejectLongOrNonAsciiWords() {
        assertThat(SentenceSplitter.key("Sgt.Maj", 0, 7)).isEqualTo(SentenceSplitter.key("sgt.maj", 0, 7));
        assertThat(SentenceSplitter.key("According", 0, 9)).isPositive();
        assertThat(SentenceSplitter.key("Accordingly", 0, 11)).isEqualTo(-1);
        assertThat(SentenceSplitter.key("\u212Aw", 0, 2)).isEqualTo(-1);
    }
}

package io.newsalerts.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm7Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Café Société|Café Société",         // é is in the GSM table
            "Łódź|Lodz",
            "Ayatollah Khāmeneʼī|Ayatollah Khamenei",
            "Ирак|Irak",
            "Αθήνα|AΘHNA",
            "“quoted” — dash…|\"quoted\" - dash...",
            "ＦＵＬＬ ｗｉｄｔｈ|FULL width",
            "Straße|Straße",
            "north of 北京 now|north of  now",
    })
    void foldsIntoTheGsmAlphabet(String in, String out) {
        assertThat(Gsm7.transliterate(in)).isEqualTo(out);
        assertThat(Gsm7.isEncodable(Gsm7.transliterate(in))).isTrue();
    }

    @Test
    void extensionCharactersCostTwoSeptets() {
        assertThat(Gsm7.septets("~307/yr")).isEqualTo(8);
        assertThat(Gsm7.septets("€[]")).isEqualTo(6);
        assertThat(Gsm7.septets("plain")).isEqualTo(5);
    }

    @Test
    void asciiSpellsOutWhatGsmWouldKeep() {
        assertThat(Gsm7.ascii("Straße in Côte d’Ivoire, Ærø €5")).isEqualTo("Strasse in Cote d'Ivoire, AEro EUR5");
    }

    @Test
    void truncatesOnAWordWithinTheBudget() {
        String t = Gsm7.truncate("The Extraordinarily Long-Named Coalition of Armed Groups", 30);
        assertThat(t).isEqualTo("The Extraordinarily...");
        assertThat(Gsm7.truncate("short", 30)).isEqualTo("short");
        assertThat(Gsm7.septets(Gsm7.truncate("~~~~~~~~~~~~~~~~~~~~", 9))).isLessThanOrEqualTo(9);
    }

    @Test
    void lineBreaksBecomeSpaces() {
        assertThat(Gsm7.transliterate("a\nb\r\nc\td")).isEqualTo("a b  c d");
    }
}

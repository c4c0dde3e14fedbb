package io.touchstone.domain.survey;

import static io.touchstone.domain.survey.SurveyContentTest.assertViolations;
import static io.touchstone.domain.survey.SurveyFixtures.CES_FA;
import static io.touchstone.domain.survey.SurveyFixtures.CS;
import static io.touchstone.domain.survey.SurveyFixtures.EN;
import static io.touchstone.domain.survey.SurveyFixtures.FA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void keepsTextsByCanonicalLanguageStripped() {
        LocalizedText text = LocalizedText.of(ordered("CS", "  Jak jednoduché to bylo?  ", "fa", CES_FA));

        assertThat(text.texts()).containsExactly(Map.entry(CS, "Jak jednoduché to bylo?"), Map.entry(FA, CES_FA));
        assertThat(text.languages()).containsExactly(CS, FA);
        assertThat(text.has(FA)).isTrue();
        assertThat(text.has(EN)).isFalse();
    }

    @Test
    void fallsBackWhenTheLanguageIsMissing() {
        LocalizedText text = LocalizedText.of(ordered("cs", "Ahoj", "fa", "سلام"));

        assertThat(text.in(FA, CS)).isEqualTo("سلام");
        assertThat(text.in(EN, CS)).isEqualTo("Ahoj");
    }

    @Test
    void reportsEveryBadEntryUnderItsLanguage() {
        assertViolations(() -> LocalizedText.of(ordered("cs", "  ", "cs_CZ", "Ahoj", "fa", "x".repeat(2_001))),
                tuple("cs", "value.required"),
                tuple("cs_CZ", "language.invalid"),
                tuple("fa", "value.too-long"));
    }

    @Test
    void refusesALanguageGivenTwiceInDifferentCase() {
        assertViolations(() -> LocalizedText.of(ordered("en-GB", "Colour", "en-gb", "Color")),
                tuple("en-gb", "language.duplicate"));
    }

    @Test
    void needsAtLeastOneText() {
        assertViolations(() -> LocalizedText.of(Map.of()), tuple("", "text.required"));
        assertViolations(() -> LocalizedText.of(null), tuple("", "text.required"));
        assertViolations(() -> new LocalizedText(Map.of()), tuple("", "text.required"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String persian = "آ".repeat(LocalizedText.MAX_LENGTH);
        String emoji = "😀".repeat(LocalizedText.MAX_LENGTH);

        assertThat(LocalizedText.of(Map.of("fa", persian)).in(FA, FA)).isEqualTo(persian);
        assertThat(LocalizedText.of(Map.of("cs", emoji)).in(CS, CS)).hasSize(2 * LocalizedText.MAX_LENGTH);
    }

    private static Map<String, String> ordered(String... languageThenText) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < languageThenText.length; i += 2) {
            texts.put(languageThenText[i], languageThenText[i + 1]);
        }
        return texts;
    }
}

package io.touchstone.domain.survey;

import static io.touchstone.domain.survey.SurveyContentTest.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagTest {

    @ParameterizedTest
    @CsvSource({
        "cs, cs",
        "CS, cs",
        "fa, fa",
        "FA, fa",
        "el, el",
        "nb, nb",
        "en-GB, en-GB",
        "en-gb, en-GB",
        "EN-GB, en-GB",
        "zh-hant-tw, zh-Hant-TW"
    })
    void keepsTheCanonicalForm(String given, String canonical) {
        assertThat(LanguageTag.of(given).value()).isEqualTo(canonical);
        assertThat(LanguageTag.of(given).toString()).isEqualTo(canonical);
    }

    @Test
    void tagsThatDifferOnlyInCaseAreEqual() {
        assertThat(LanguageTag.of("en-gb")).isEqualTo(LanguageTag.of("EN-GB")).hasSameHashCodeAs(LanguageTag.of("en-GB"));
        assertThat(LanguageTag.of("cs")).isNotEqualTo(LanguageTag.of("sk"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"c", "czech", "cs_CZ", "en-", "-en", "1a", "en GB", "en-GB-toolongsubtag", "فا", "en-12",
            "cs-x"})
    void refusesWhatIsNotALanguageTag(String given) {
        assertViolations(() -> LanguageTag.of(given), tuple("", "language.invalid"));
    }
}

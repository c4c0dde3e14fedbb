package io.touchstone.adapter.rest;

import io.touchstone.domain.survey.LocalizedText;
import java.util.LinkedHashMap;
import java.util.Map;

/** Localized texts travel as a JSON object from language tag to text, in the order they were given. */
final class Texts {

    private Texts() {
    }

    static Map<String, String> of(LocalizedText text) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        text.texts().forEach((language, value) -> byLanguage.put(language.value(), value));
        return byLanguage;
    }
}

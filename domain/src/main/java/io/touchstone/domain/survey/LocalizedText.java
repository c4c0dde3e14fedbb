package io.touchstone.domain.survey;

import io.touchstone.domain.shared.Text;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violations;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One text in several languages, e.g. a question's wording in Czech, Persian and English. */
public record LocalizedText(Map<LanguageTag, String> texts) {

    public static final int MAX_LENGTH = 2_000;

    public LocalizedText {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            throw new InvalidValue("", "text.required", "needs a text in at least the default language");
        }
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** Builds from plain language tags; every entry is checked and reported under its language. */
    public static LocalizedText of(Map<String, String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw new InvalidValue("", "text.required", "needs a text in at least the default language");
        }
        Violations violations = new Violations();
        Map<LanguageTag, String> checked = new LinkedHashMap<>();
        texts.forEach((language, text) -> violations.at(language, () -> {
            LanguageTag tag = LanguageTag.of(language);
            String value = Text.required("", text, MAX_LENGTH);
            if (checked.put(tag, value) != null) {
                throw new InvalidValue("", "language.duplicate", "language '" + tag + "' is given twice");
            }
            return tag;
        }));
        violations.throwIfAny();
        return new LocalizedText(checked);
    }

    public Set<LanguageTag> languages() {
        return texts.keySet();
    }

    public boolean has(LanguageTag language) {
        return texts.containsKey(language);
    }

    /** The text in {@code language}, or in {@code fallback} when there is none. */
    public String in(LanguageTag language, LanguageTag fallback) {
        return texts.getOrDefault(language, texts.get(fallback));
    }
}

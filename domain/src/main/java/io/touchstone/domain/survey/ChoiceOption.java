package io.touchstone.domain.survey;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** One option of a single-choice question: a stable id that answers name, and its label. */
public record ChoiceOption(String id, LocalizedText label) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public ChoiceOption {
        if (id == null || !FORM.matcher(id).matches()) {
            throw new InvalidValue("id", "option.id-invalid",
                    "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit");
        }
        Objects.requireNonNull(label, "label");
    }
}

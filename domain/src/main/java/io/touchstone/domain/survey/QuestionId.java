package io.touchstone.domain.survey;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.regex.Pattern;

/** A question's key within a survey, chosen by the survey's author (e.g. {@code nps}, {@code csat-delivery}). */
public record QuestionId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public QuestionId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValue("", "question.id-invalid",
                    "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

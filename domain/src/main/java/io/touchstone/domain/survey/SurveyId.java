package io.touchstone.domain.survey;

import java.util.Objects;
import java.util.UUID;

public record SurveyId(UUID value) {

    public SurveyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

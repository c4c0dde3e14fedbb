package io.touchstone.domain.response;

import io.touchstone.domain.survey.QuestionId;
import java.util.Objects;

public record Answer(QuestionId questionId, AnswerValue value) {

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(value, "value");
    }
}

package io.touchstone.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer, the same in requests and answers: exactly one of score, text and choice. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Answer")
public record AnswerJson(
        @Schema(examples = "nps") String questionId,
        @Schema(description = "For NPS (0-10), CSAT and CES questions", examples = "9") Integer score,
        @Schema(description = "For FREE_TEXT questions") String text,
        @Schema(description = "Option id, for SINGLE_CHOICE questions", examples = "web") String choice) {

    AnswerInput toInput() {
        return new AnswerInput(questionId, score, text, choice);
    }

    static AnswerJson of(Answer answer) {
        String questionId = answer.questionId().value();
        return switch (answer.value()) {
            case AnswerValue.Score(int score) -> new AnswerJson(questionId, score, null, null);
            case AnswerValue.Text(String text) -> new AnswerJson(questionId, null, text, null);
            case AnswerValue.Choice(String optionId) -> new AnswerJson(questionId, null, null, optionId);
        };
    }
}

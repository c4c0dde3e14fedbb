package io.touchstone.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchstone.application.port.in.SurveyDefinition.OptionDefinition;
import io.touchstone.application.port.in.SurveyDefinition.QuestionDefinition;
import io.touchstone.domain.survey.Question;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A survey question, the same in requests and answers. Only the settings of the question's type are present:
 * CSAT {@code scale} (3, 5, 7, 10) and {@code satisfiedFrom}; CES {@code scale} (5, 7, 10) and {@code orientation};
 * FREE_TEXT {@code maxLength}; SINGLE_CHOICE {@code options}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Question")
public record QuestionJson(
        @Schema(examples = "nps") String id,
        @Schema(enumeration = {"NPS", "CSAT", "CES", "FREE_TEXT", "SINGLE_CHOICE"}) String type,
        Integer scale,
        Integer satisfiedFrom,
        @Schema(enumeration = {"HIGHER_IS_EASIER", "HIGHER_IS_HARDER"}) String orientation,
        Integer maxLength,
        List<OptionJson> options,
        @Schema(description = "Wording per language tag", examples = "{\"cs\":\"Jak hodnotíte vaši zkušenost?\"}")
        Map<String, String> text) {

    @Schema(name = "Option")
    public record OptionJson(String id, Map<String, String> label) {
    }

    QuestionDefinition toDefinition() {
        List<OptionDefinition> optionDefinitions = options == null ? null : options.stream()
                .map(option -> option == null ? null : new OptionDefinition(option.id(), option.label()))
                .toList();
        return new QuestionDefinition(id, type, text, scale, satisfiedFrom, orientation, maxLength, optionDefinitions);
    }

    static QuestionJson of(Question question) {
        String id = question.id().value();
        String type = question.type().name();
        Map<String, String> text = Texts.of(question.text());
        return switch (question) {
            case Question.Nps nps -> new QuestionJson(id, type, null, null, null, null, null, text);
            case Question.Csat csat -> new QuestionJson(id, type, csat.points(), csat.satisfiedFrom(), null, null, null,
                    text);
            case Question.Ces ces -> new QuestionJson(id, type, ces.points(), null, ces.orientation().name(), null,
                    null, text);
            case Question.FreeText free -> new QuestionJson(id, type, null, null, null, free.maxLength(), null, text);
            case Question.SingleChoice choice -> new QuestionJson(id, type, null, null, null, null,
                    choice.options().stream()
                            .map(option -> new OptionJson(option.id(), Texts.of(option.label())))
                            .toList(),
                    text);
        };
    }
}

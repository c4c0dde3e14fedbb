package io.touchstone.application.service;

import io.touchstone.application.port.in.SurveyDefinition;
import io.touchstone.application.port.in.SurveyDefinition.OptionDefinition;
import io.touchstone.application.port.in.SurveyDefinition.QuestionDefinition;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.ChoiceOption;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.LocalizedText;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.QuestionType;
import io.touchstone.domain.survey.SurveyContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Checks a survey definition as the APIs deliver it and builds the domain's content, naming every bad field. */
final class SurveyDefinitions {

    private SurveyDefinitions() {
    }

    static SurveyContent toContent(SurveyDefinition definition) {
        Violations violations = new Violations();
        LanguageTag defaultLanguage = violations.at("defaultLanguage", () -> {
            if (definition.defaultLanguage() == null) {
                throw new InvalidValue("", "value.required", "must not be empty");
            }
            return LanguageTag.of(definition.defaultLanguage());
        });
        LocalizedText title = violations.at("title", () -> LocalizedText.of(definition.title()));
        List<Question> questions = new ArrayList<>();
        List<QuestionDefinition> defined = Objects.requireNonNullElse(definition.questions(), List.of());
        for (int i = 0; i < defined.size(); i++) {
            QuestionDefinition question = defined.get(i);
            Question built = violations.at("questions[" + i + "]", () -> toQuestion(question));
            if (built != null) {
                questions.add(built);
            }
        }
        violations.throwIfAny();
        return new SurveyContent(defaultLanguage, title, questions);
    }

    private static Question toQuestion(QuestionDefinition definition) {
        if (definition == null) {
            throw new InvalidValue("", "value.required", "must not be null");
        }
        Violations violations = new Violations();
        QuestionId id = violations.at("id", () -> new QuestionId(definition.id()));
        QuestionType type = violations.at("type", () -> type(definition.type()));
        LocalizedText text = violations.at("text", () -> LocalizedText.of(definition.text()));
        List<ChoiceOption> options = type == QuestionType.SINGLE_CHOICE ? options(violations, definition) : List.of();
        violations.throwIfAny();
        return switch (type) {
            case NPS -> new Question.Nps(id, text);
            case CSAT -> {
                int points = required("scale", definition.scale());
                yield definition.satisfiedFrom() == null
                        ? Question.Csat.withDefaultThreshold(id, text, points)
                        : new Question.Csat(id, text, points, definition.satisfiedFrom());
            }
            case CES -> new Question.Ces(id, text, required("scale", definition.scale()),
                    orientation(definition.orientation()));
            case FREE_TEXT -> new Question.FreeText(id, text,
                    Objects.requireNonNullElse(definition.maxLength(), Question.FreeText.DEFAULT_MAX_LENGTH));
            case SINGLE_CHOICE -> new Question.SingleChoice(id, text, options);
        };
    }

    private static List<ChoiceOption> options(Violations violations, QuestionDefinition definition) {
        List<OptionDefinition> defined = Objects.requireNonNullElse(definition.options(), List.of());
        List<ChoiceOption> options = new ArrayList<>();
        for (int i = 0; i < defined.size(); i++) {
            OptionDefinition option = defined.get(i);
            ChoiceOption built = violations.at("options[" + i + "]", () -> {
                if (option == null) {
                    throw new InvalidValue("", "value.required", "must not be null");
                }
                LocalizedText label;
                try {
                    label = LocalizedText.of(option.label());
                } catch (InvalidValue invalid) {
                    throw invalid.under("label");
                }
                return new ChoiceOption(option.id(), label);
            });
            if (built != null) {
                options.add(built);
            }
        }
        return options;
    }

    private static QuestionType type(String name) {
        if (name == null) {
            throw new InvalidValue("", "value.required", "must be one of " + Arrays.toString(QuestionType.values()));
        }
        try {
            return QuestionType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("", "question.type-unknown",
                    "unknown question type '" + name + "'; one of " + Arrays.toString(QuestionType.values()));
        }
    }

    private static CesOrientation orientation(String name) {
        if (name == null) {
            return CesOrientation.HIGHER_IS_EASIER;
        }
        try {
            return CesOrientation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("orientation", "question.orientation-unknown",
                    "one of " + Arrays.toString(CesOrientation.values()));
        }
    }

    private static int required(String field, Integer value) {
        if (value == null) {
            throw new InvalidValue(field, "value.required", "must be given for this question type");
        }
        return value;
    }
}

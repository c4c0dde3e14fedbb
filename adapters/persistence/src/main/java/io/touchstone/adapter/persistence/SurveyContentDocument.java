package io.touchstone.adapter.persistence;

import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.survey.ChoiceOption;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.LocalizedText;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a survey version's content in the {@code survey_version.content} column. */
record SurveyContentDocument(String defaultLanguage, Map<String, String> title, List<QuestionDocument> questions) {

    record QuestionDocument(String id, String type, Map<String, String> text, Integer scale, Integer satisfiedFrom,
            String orientation, Integer maxLength, List<OptionDocument> options) {
    }

    record OptionDocument(String id, Map<String, String> label) {
    }

    static SurveyContentDocument from(SurveyContent content) {
        return new SurveyContentDocument(content.defaultLanguage().value(), texts(content.title()),
                content.questions().stream().map(SurveyContentDocument::question).toList());
    }

    private static QuestionDocument question(Question question) {
        String id = question.id().value();
        Map<String, String> text = texts(question.text());
        String type = question.type().name();
        return switch (question) {
            case Question.Nps nps -> new QuestionDocument(id, type, text, null, null, null, null, null);
            case Question.Csat csat -> new QuestionDocument(id, type, text, csat.points(), csat.satisfiedFrom(), null,
                    null, null);
            case Question.Ces ces -> new QuestionDocument(id, type, text, ces.points(), null, ces.orientation().name(),
                    null, null);
            case Question.FreeText free -> new QuestionDocument(id, type, text, null, null, null, free.maxLength(),
                    null);
            case Question.SingleChoice choice -> new QuestionDocument(id, type, text, null, null, null, null,
                    choice.options().stream().map(o -> new OptionDocument(o.id(), texts(o.label()))).toList());
        };
    }

    SurveyContent toDomain() {
        return new SurveyContent(LanguageTag.of(defaultLanguage), text(title),
                questions.stream().map(SurveyContentDocument::toDomain).toList());
    }

    private static Question toDomain(QuestionDocument question) {
        QuestionId id = new QuestionId(question.id());
        LocalizedText text = text(question.text());
        return switch (question.type()) {
            case "NPS" -> new Question.Nps(id, text);
            case "CSAT" -> new Question.Csat(id, text, question.scale(), question.satisfiedFrom());
            case "CES" -> new Question.Ces(id, text, question.scale(), CesOrientation.valueOf(question.orientation()));
            case "FREE_TEXT" -> new Question.FreeText(id, text, question.maxLength());
            case "SINGLE_CHOICE" -> new Question.SingleChoice(id, text, question.options().stream()
                    .map(o -> new ChoiceOption(o.id(), text(o.label()))).toList());
            default -> throw new IllegalStateException("stored question of unknown type " + question.type());
        };
    }

    private static Map<String, String> texts(LocalizedText text) {
        Map<String, String> texts = new LinkedHashMap<>();
        text.texts().forEach((language, value) -> texts.put(language.value(), value));
        return texts;
    }

    private static LocalizedText text(Map<String, String> texts) {
        Map<LanguageTag, String> localized = new LinkedHashMap<>();
        texts.forEach((language, value) -> localized.put(LanguageTag.of(language), value));
        return new LocalizedText(localized);
    }
}

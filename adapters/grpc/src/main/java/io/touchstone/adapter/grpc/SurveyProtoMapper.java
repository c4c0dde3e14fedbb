package io.touchstone.adapter.grpc;

import io.touchstone.application.port.in.SurveyDefinition;
import io.touchstone.application.port.in.SurveyDefinition.OptionDefinition;
import io.touchstone.application.port.in.SurveyDefinition.QuestionDefinition;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.proto.v1.ChoiceOption;
import io.touchstone.proto.v1.Question;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.Survey;
import io.touchstone.proto.v1.SurveyContent;
import io.touchstone.proto.v1.SurveyStatus;
import io.touchstone.proto.v1.SurveyVersion;
import java.util.List;
import java.util.UUID;

/** Surveys: proto requests to the application's {@link SurveyDefinition}, domain surveys to proto. */
final class SurveyProtoMapper {

    static final String NOT_FOUND = "survey.not-found";

    private SurveyProtoMapper() {
    }

    static UUID surveyId(String value) {
        return CommonProtoMapper.id(value, "survey", NOT_FOUND);
    }

    /** The definition as the request states it; the application checks it. */
    static SurveyDefinition definition(SurveyContent content) {
        return new SurveyDefinition(
                CommonProtoMapper.emptyToNull(content.getDefaultLanguage()),
                CommonProtoMapper.texts(content.getTitle()),
                content.getQuestionsList().stream().map(SurveyProtoMapper::question).toList());
    }

    /** The definition's field paths are relative to the content, which requests carry in {@code content}. */
    static Throwable contentFields(Throwable failure) {
        return failure instanceof InvalidValue invalid ? invalid.under("content") : failure;
    }

    private static QuestionDefinition question(Question question) {
        return new QuestionDefinition(
                question.getId(),
                type(question),
                CommonProtoMapper.texts(question.getText()),
                question.hasScale() ? question.getScale() : null,
                question.hasSatisfiedFrom() ? question.getSatisfiedFrom() : null,
                orientation(question),
                question.hasMaxLength() ? question.getMaxLength() : null,
                question.getOptionsList().stream()
                        .map(option -> new OptionDefinition(option.getId(), CommonProtoMapper.texts(option.getLabel())))
                        .toList());
    }

    /** The application's name of the type; null when unspecified, the number when unknown to this server. */
    private static String type(Question question) {
        return switch (question.getType()) {
            case QUESTION_TYPE_UNSPECIFIED -> null;
            case QUESTION_TYPE_NPS -> io.touchstone.domain.survey.QuestionType.NPS.name();
            case QUESTION_TYPE_CSAT -> io.touchstone.domain.survey.QuestionType.CSAT.name();
            case QUESTION_TYPE_CES -> io.touchstone.domain.survey.QuestionType.CES.name();
            case QUESTION_TYPE_FREE_TEXT -> io.touchstone.domain.survey.QuestionType.FREE_TEXT.name();
            case QUESTION_TYPE_SINGLE_CHOICE -> io.touchstone.domain.survey.QuestionType.SINGLE_CHOICE.name();
            case UNRECOGNIZED -> String.valueOf(question.getTypeValue());
        };
    }

    /** Unspecified means the default (higher is easier), as the contract says. */
    private static String orientation(Question question) {
        return switch (question.getOrientation()) {
            case CES_ORIENTATION_UNSPECIFIED -> null;
            case CES_ORIENTATION_HIGHER_IS_EASIER -> CesOrientation.HIGHER_IS_EASIER.name();
            case CES_ORIENTATION_HIGHER_IS_HARDER -> CesOrientation.HIGHER_IS_HARDER.name();
            case UNRECOGNIZED -> String.valueOf(question.getOrientationValue());
        };
    }

    static Survey survey(io.touchstone.domain.survey.Survey survey) {
        return Survey.newBuilder()
                .setId(survey.id().value().toString())
                .setCreatedAt(CommonProtoMapper.timestamp(survey.createdAt()))
                .setLatest(version(survey.latest()))
                .setLatestPublishedVersion(survey.latestPublished()
                        .map(io.touchstone.domain.survey.SurveyVersion::number)
                        .orElse(0))
                .build();
    }

    static List<Survey> surveys(List<io.touchstone.domain.survey.Survey> surveys) {
        return surveys.stream().map(SurveyProtoMapper::survey).toList();
    }

    private static SurveyVersion version(io.touchstone.domain.survey.SurveyVersion version) {
        SurveyVersion.Builder proto = SurveyVersion.newBuilder()
                .setNumber(version.number())
                .setStatus(switch (version.status()) {
                    case DRAFT -> SurveyStatus.SURVEY_STATUS_DRAFT;
                    case PUBLISHED -> SurveyStatus.SURVEY_STATUS_PUBLISHED;
                })
                .setContent(content(version.content()))
                .setCreatedAt(CommonProtoMapper.timestamp(version.createdAt()));
        version.publishedAt().ifPresent(at -> proto.setPublishedAt(CommonProtoMapper.timestamp(at)));
        return proto.build();
    }

    private static SurveyContent content(io.touchstone.domain.survey.SurveyContent content) {
        return SurveyContent.newBuilder()
                .setDefaultLanguage(CommonProtoMapper.language(content.defaultLanguage()))
                .setTitle(CommonProtoMapper.localizedText(content.title()))
                .addAllQuestions(content.questions().stream().map(SurveyProtoMapper::question).toList())
                .build();
    }

    private static Question question(io.touchstone.domain.survey.Question question) {
        Question.Builder proto = Question.newBuilder()
                .setId(question.id().value())
                .setText(CommonProtoMapper.localizedText(question.text()));
        return switch (question) {
            case io.touchstone.domain.survey.Question.Nps nps -> proto.setType(QuestionType.QUESTION_TYPE_NPS).build();
            case io.touchstone.domain.survey.Question.Csat csat -> proto.setType(QuestionType.QUESTION_TYPE_CSAT)
                    .setScale(csat.points())
                    .setSatisfiedFrom(csat.satisfiedFrom())
                    .build();
            case io.touchstone.domain.survey.Question.Ces ces -> proto.setType(QuestionType.QUESTION_TYPE_CES)
                    .setScale(ces.points())
                    .setOrientation(orientation(ces.orientation()))
                    .build();
            case io.touchstone.domain.survey.Question.FreeText text ->
                    proto.setType(QuestionType.QUESTION_TYPE_FREE_TEXT).setMaxLength(text.maxLength()).build();
            case io.touchstone.domain.survey.Question.SingleChoice choice ->
                    proto.setType(QuestionType.QUESTION_TYPE_SINGLE_CHOICE)
                            .addAllOptions(choice.options().stream()
                                    .map(option -> ChoiceOption.newBuilder()
                                            .setId(option.id())
                                            .setLabel(CommonProtoMapper.localizedText(option.label()))
                                            .build())
                                    .toList())
                            .build();
        };
    }

    static io.touchstone.proto.v1.CesOrientation orientation(CesOrientation orientation) {
        return switch (orientation) {
            case HIGHER_IS_EASIER -> io.touchstone.proto.v1.CesOrientation.CES_ORIENTATION_HIGHER_IS_EASIER;
            case HIGHER_IS_HARDER -> io.touchstone.proto.v1.CesOrientation.CES_ORIENTATION_HIGHER_IS_HARDER;
        };
    }
}

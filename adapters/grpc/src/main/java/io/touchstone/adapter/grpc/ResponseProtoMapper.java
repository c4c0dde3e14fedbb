package io.touchstone.adapter.grpc;

import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import io.touchstone.application.port.in.SubmitResponseUseCase.Submission;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.LinkedInteraction;
import io.touchstone.proto.v1.Response;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SubmitResponseResponse;
import java.util.List;
import java.util.UUID;

/** Responses: submissions to the application's command, stored responses to proto. */
final class ResponseProtoMapper {

    static final String NOT_FOUND = "response.not-found";

    private ResponseProtoMapper() {
    }

    static UUID responseId(String value) {
        return CommonProtoMapper.id(value, "response", NOT_FOUND);
    }

    /**
     * The submission as the request states it; the application checks it. Empty strings mean "not given"; a survey id
     * that is not a UUID names no survey.
     */
    static SubmitResponseCommand command(SubmitResponseRequest request) {
        return new SubmitResponseCommand(
                CommonProtoMapper.emptyToNull(request.getIdempotencyKey()),
                CommonProtoMapper.optionalId(request.getSurveyId(), "survey", SurveyProtoMapper.NOT_FOUND),
                request.hasVersion() ? request.getVersion() : null,
                CommonProtoMapper.emptyToNull(request.getLanguage()),
                channel(request.getChannel()),
                CommonProtoMapper.emptyToNull(request.getRespondentRef()),
                request.getMetadataMap(),
                request.getAnswersList().stream().map(ResponseProtoMapper::answer).toList(),
                CommonProtoMapper.emptyToNull(request.getInteractionEventId()));
    }

    /** Exactly the value the oneof holds; none when it holds none (the application reports that). */
    private static AnswerInput answer(Answer answer) {
        return switch (answer.getValueCase()) {
            case SCORE -> new AnswerInput(answer.getQuestionId(), answer.getScore(), null, null);
            case TEXT -> new AnswerInput(answer.getQuestionId(), null, answer.getText(), null);
            case CHOICE -> new AnswerInput(answer.getQuestionId(), null, null, answer.getChoice());
            case VALUE_NOT_SET -> new AnswerInput(answer.getQuestionId(), null, null, null);
        };
    }

    static SubmitResponseResponse submitted(Submission submission) {
        return SubmitResponseResponse.newBuilder()
                .setResponse(response(submission.response()))
                .setReplayed(submission.replayed())
                .build();
    }

    static Response response(io.touchstone.domain.response.Response response) {
        Response.Builder proto = Response.newBuilder()
                .setId(response.id().value().toString())
                .setSurveyId(response.surveyId().value().toString())
                .setVersion(response.surveyVersion())
                .setLanguage(CommonProtoMapper.language(response.language()))
                .putAllMetadata(response.metadata())
                .addAllAnswers(response.answers().stream().map(ResponseProtoMapper::answer).toList())
                .setSubmittedAt(CommonProtoMapper.timestamp(response.submittedAt()));
        response.respondentRef().ifPresent(proto::setRespondentRef);
        response.channel().ifPresent(channel -> proto.setChannel(channel(channel)));
        response.interaction().ifPresent(link -> proto.setInteraction(interaction(link)));
        return proto.build();
    }

    private static LinkedInteraction interaction(io.touchstone.domain.response.LinkedInteraction link) {
        LinkedInteraction.Builder proto = LinkedInteraction.newBuilder()
                .setInteractionId(link.interaction().toString())
                .setJourneyId(link.journey().toString())
                .setStageId(link.stage().toString())
                .setTouchpointId(link.touchpoint().toString())
                .setTouchpointChannel(channel(link.channel()));
        link.employeeIfKnown().ifPresent(employee -> proto.setEmployee(employee.value()));
        link.teamIfKnown().ifPresent(team -> proto.setTeam(team.value()));
        link.locationIfKnown().ifPresent(location -> proto.setLocation(location.value()));
        return proto.build();
    }

    /** {@code CHANNEL_WEB} → {@code WEB}; unspecified → none. An unknown number stays unknown for the application. */
    static String channel(io.touchstone.proto.v1.Channel channel) {
        return switch (channel) {
            case CHANNEL_UNSPECIFIED -> null;
            case UNRECOGNIZED -> "UNRECOGNIZED";
            default -> channel.name().substring("CHANNEL_".length());
        };
    }

    static io.touchstone.proto.v1.Channel channel(io.touchstone.domain.response.Channel channel) {
        return io.touchstone.proto.v1.Channel.valueOf("CHANNEL_" + channel.name());
    }

    static List<Response> responses(List<io.touchstone.domain.response.Response> responses) {
        return responses.stream().map(ResponseProtoMapper::response).toList();
    }

    private static Answer answer(io.touchstone.domain.response.Answer answer) {
        Answer.Builder proto = Answer.newBuilder().setQuestionId(answer.questionId().value());
        return switch (answer.value()) {
            case AnswerValue.Score(int score) -> proto.setScore(score).build();
            case AnswerValue.Text(String text) -> proto.setText(text).build();
            case AnswerValue.Choice(String optionId) -> proto.setChoice(optionId).build();
        };
    }
}

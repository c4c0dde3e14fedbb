package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.proto.v1.SubmitResponseRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResponseProtoMapperTest {

    private static final String SURVEY = "0190f0a0-0000-7000-8000-000000000001";

    @Test
    void mapsEveryFieldAndExactlyTheValueTheOneofHolds() {
        SubmitResponseRequest request = SubmitResponseRequest.newBuilder()
                .setIdempotencyKey("key-1")
                .setSurveyId(SURVEY)
                .setVersion(2)
                .setLanguage("fa")
                .setRespondentRef("customer-7")
                .putMetadata("channel", "email")
                .addAnswers(io.touchstone.proto.v1.Answer.newBuilder().setQuestionId("nps").setScore(0))
                .addAnswers(io.touchstone.proto.v1.Answer.newBuilder().setQuestionId("why").setText(""))
                .addAnswers(io.touchstone.proto.v1.Answer.newBuilder().setQuestionId("pick").setChoice("a"))
                .addAnswers(io.touchstone.proto.v1.Answer.newBuilder().setQuestionId("none"))
                .build();

        SubmitResponseCommand command = ResponseProtoMapper.command(request);

        assertThat(command.idempotencyKey()).isEqualTo("key-1");
        assertThat(command.surveyId()).isEqualTo(UUID.fromString(SURVEY));
        assertThat(command.version()).isEqualTo(2);
        assertThat(command.language()).isEqualTo("fa");
        assertThat(command.respondentRef()).isEqualTo("customer-7");
        assertThat(command.metadata()).containsExactly(Map.entry("channel", "email"));
        assertThat(command.answers()).containsExactly(
                new AnswerInput("nps", 0, null, null),
                new AnswerInput("why", null, "", null),
                new AnswerInput("pick", null, null, "a"),
                new AnswerInput("none", null, null, null));
    }

    @Test
    void emptyStringsAndAnAbsentVersionMeanNotGiven() {
        SubmitResponseCommand command = ResponseProtoMapper.command(SubmitResponseRequest.getDefaultInstance());

        assertThat(command.idempotencyKey()).isNull();
        assertThat(command.surveyId()).isNull();
        assertThat(command.version()).isNull();
        assertThat(command.language()).isNull();
        assertThat(command.respondentRef()).isNull();
        assertThat(command.answers()).isEmpty();
    }

    @Test
    void aSurveyIdThatIsNoUuidNamesNoSurvey() {
        SubmitResponseRequest request = SubmitResponseRequest.newBuilder().setSurveyId("not-a-uuid").build();

        assertThatThrownBy(() -> ResponseProtoMapper.command(request))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.code()).isEqualTo("survey.not-found"));
        assertThatThrownBy(() -> ResponseProtoMapper.responseId("1-1-1-1-1"))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.code()).isEqualTo("response.not-found"));
    }

    @Test
    void aStoredResponseMapsBackWithItsRightToLeftText() {
        String persian = "حل کردن مشکلتان با ما چقدر آسان بود؟ خیلی آسان";
        Response response = Response.rehydrate(new ResponseId(UUID.randomUUID()), new TenantId(UUID.randomUUID()),
                new SurveyId(UUID.fromString(SURVEY)), 3, LanguageTag.of("fa"), null, null, Map.of("k", "v"),
                List.of(new Answer(new QuestionId("why"), new AnswerValue.Text(persian)),
                        new Answer(new QuestionId("nps"), new AnswerValue.Score(10))),
                Instant.parse("2026-01-02T03:04:05.123456Z"));

        io.touchstone.proto.v1.Response proto = ResponseProtoMapper.response(response);

        assertThat(proto.getId()).isEqualTo(response.id().value().toString());
        assertThat(proto.getSurveyId()).isEqualTo(SURVEY);
        assertThat(proto.getVersion()).isEqualTo(3);
        assertThat(proto.getLanguage()).isEqualTo("fa");
        assertThat(proto.getRespondentRef()).isEmpty();
        assertThat(proto.getMetadataMap()).containsExactly(Map.entry("k", "v"));
        assertThat(proto.getAnswers(0).getText()).isEqualTo(persian);
        assertThat(proto.getAnswers(1).getScore()).isEqualTo(10);
        assertThat(proto.getSubmittedAt().getSeconds()).isEqualTo(response.submittedAt().getEpochSecond());
        assertThat(proto.getSubmittedAt().getNanos()).isEqualTo(123_456_000);
    }
}

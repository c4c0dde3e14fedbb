package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.ListResponsesRequest;
import io.touchstone.proto.v1.ListResponsesResponse;
import io.touchstone.proto.v1.PageRequest;
import io.touchstone.proto.v1.Response;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SubmitResponseResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResponseGrpcIT extends GrpcTestSupport {

    private String key;
    private String surveyId;

    @BeforeEach
    void publishedSurvey() {
        key = tenant().adminKey();
        surveyId = publishedSurvey(key);
    }

    @Test
    void storesAResponseAndReturnsItAsStored() {
        Instant before = Instant.now().minusSeconds(1);
        SubmitResponseRequest request = submission(surveyId,
                score("nps", 9), score("csat", 4), score("ces", 6), text("why", "Rychlé vyřízení, děkuji."),
                choice("channel", "phone")).toBuilder()
                .setVersion(1)
                .setRespondentRef("customer-42")
                .putMetadata("ticket", "T-1001")
                .build();

        SubmitResponseResponse submitted = responses(key).submitResponse(request);

        assertThat(submitted.getReplayed()).isFalse();
        Response response = submitted.getResponse();
        assertThat(UUID.fromString(response.getId())).isNotNull();
        assertThat(response.getSurveyId()).isEqualTo(surveyId);
        assertThat(response.getVersion()).isEqualTo(1);
        assertThat(response.getLanguage()).isEqualTo("cs");
        assertThat(response.getRespondentRef()).isEqualTo("customer-42");
        assertThat(response.getMetadataMap()).containsExactly(entry("ticket", "T-1001"));
        assertThat(response.getAnswersList()).containsExactlyElementsOf(request.getAnswersList());
        Instant submittedAt = Instant.ofEpochSecond(response.getSubmittedAt().getSeconds(),
                response.getSubmittedAt().getNanos());
        assertThat(submittedAt).isBetween(before, Instant.now().plusSeconds(1));

        Response read = responses(key).getResponse(GetResponseRequest.newBuilder()
                .setResponseId(response.getId()).build()).getResponse();
        assertThat(read).isEqualTo(response);
    }

    @Test
    void anAbsentVersionAnswersTheLatestPublishedOne() {
        Response response = responses(key).submitResponse(submission(surveyId, score("nps", 10))).getResponse();

        assertThat(response.getVersion()).isEqualTo(1);
        assertThat(response.getRespondentRef()).isEmpty();
    }

    @Test
    void persianRightToLeftTextRoundTripsExactly() {
        String persian = "حل کردن مشکلتان با ما چقدر آسان بود؟ خیلی آسان بود، ممنون! \u200Fپشتیبانی ۲۴ ساعته";
        SubmitResponseRequest request = submission(surveyId, score("ces", 7), text("why", persian)).toBuilder()
                .setLanguage("fa")
                .putMetadata("note", persian)
                .build();

        Response stored = responses(key).submitResponse(request).getResponse();
        Response read = responses(key).getResponse(GetResponseRequest.newBuilder()
                .setResponseId(stored.getId()).build()).getResponse();

        assertThat(read.getLanguage()).isEqualTo("fa");
        assertThat(read.getAnswers(1).getText()).isEqualTo(persian);
        assertThat(read.getMetadataMap()).containsEntry("note", persian);
    }

    @Test
    void listsTheSurveysResponsesOldestFirstPageByPage() {
        String first = responses(key).submitResponse(submission(surveyId, score("nps", 1))).getResponse().getId();
        String second = responses(key).submitResponse(submission(surveyId, score("nps", 2))).getResponse().getId();
        String third = responses(key).submitResponse(submission(surveyId, score("nps", 3))).getResponse().getId();

        ListResponsesResponse page1 = responses(key).listResponses(ListResponsesRequest.newBuilder()
                .setSurveyId(surveyId).setPage(PageRequest.newBuilder().setPageSize(2)).build());
        ListResponsesResponse page2 = responses(key).listResponses(ListResponsesRequest.newBuilder()
                .setSurveyId(surveyId)
                .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(page1.getNextPageToken()))
                .build());

        assertThat(page1.getResponsesList()).extracting(Response::getId).containsExactly(first, second);
        assertThat(page1.getNextPageToken()).isNotEmpty();
        assertThat(page2.getResponsesList()).extracting(Response::getId).containsExactly(third);
        assertThat(page2.getNextPageToken()).isEmpty();
    }

    @Test
    void refusesAPageSizeOverTheLimitNamingTheField() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "page.limit-out-of-range",
                () -> responses(key).listResponses(ListResponsesRequest.newBuilder().setSurveyId(surveyId)
                        .setPage(PageRequest.newBuilder().setPageSize(101)).build()));
        assertField(status, "page.pageSize", "page.limit-out-of-range");
    }

    @Test
    void refusesAPageTokenItDidNotHandOut() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "page.cursor-invalid",
                () -> responses(key).listResponses(ListResponsesRequest.newBuilder().setSurveyId(surveyId)
                        .setPage(PageRequest.newBuilder().setPageToken("made-up")).build()));
        assertField(status, "page.pageToken", "page.cursor-invalid");
    }

    // --- idempotency ---------------------------------------------------------------------------------------------

    @Test
    void theSameKeyAndContentTwiceReplaysTheFirstResponseAndStoresOne() {
        SubmitResponseRequest request = submission(surveyId, score("nps", 8), text("why", "Dobré."));

        SubmitResponseResponse first = responses(key).submitResponse(request);
        SubmitResponseResponse retry = responses(key).submitResponse(request);

        assertThat(first.getReplayed()).isFalse();
        assertThat(retry.getReplayed()).isTrue();
        assertThat(retry.getResponse()).isEqualTo(first.getResponse());
        assertThat(storedResponses(key, surveyId)).extracting(Response::getId)
                .containsExactly(first.getResponse().getId());
    }

    @Test
    void theSameKeyWithOtherContentIsRefusedAndChangesNothing() {
        SubmitResponseRequest request = submission(surveyId, score("nps", 8));
        String firstId = responses(key).submitResponse(request).getResponse().getId();

        assertFails(Status.Code.ALREADY_EXISTS, "idempotency.key-reused",
                () -> responses(key).submitResponse(request.toBuilder().setAnswers(0, score("nps", 9)).build()));

        assertThat(storedResponses(key, surveyId)).extracting(Response::getId).containsExactly(firstId);
    }

    @Test
    void refusesAMissingIdempotencyKey() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "idempotency.key-invalid",
                () -> responses(key).submitResponse(submission(surveyId, score("nps", 8)).toBuilder()
                        .clearIdempotencyKey().build()));
        assertField(status, "idempotencyKey", "idempotency.key-invalid");
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    // --- refused submissions store nothing -----------------------------------------------------------------------

    @Test
    void refusesAnAnswerOutsideTheScale() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "answer.out-of-range",
                () -> responses(key).submitResponse(submission(surveyId, score("nps", 11))));
        assertField(status, "answers[0].score", "answer.out-of-range");
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void refusesAnAnswerToAnUnknownQuestion() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "answer.question-unknown",
                () -> responses(key).submitResponse(submission(surveyId, score("nps", 5), score("nope", 3))));
        assertField(status, "answers[1].questionId", "answer.question-unknown");
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void refusesAnAnswerOfTheWrongType() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "answer.wrong-type",
                () -> responses(key).submitResponse(submission(surveyId, text("nps", "deset"))));
        assertField(status, "answers[0].text", "answer.wrong-type");
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void refusesAnAnswerWithoutAValue() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "answer.value-count",
                () -> responses(key).submitResponse(submission(surveyId,
                        Answer.newBuilder().setQuestionId("nps").build())));
        assertField(status, "answers[0]", "answer.value-count");
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void reportsEveryProblemOfASubmissionAtOnce() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "answer.out-of-range",
                () -> responses(key).submitResponse(submission(surveyId,
                        score("nps", -1), choice("channel", "fax"), score("csat", 6))));

        assertThat(badRequest(status).getFieldViolationsList())
                .extracting(v -> v.getField() + " " + v.getReason())
                .containsExactly("answers[0].score answer.out-of-range",
                        "answers[1].choice answer.option-unknown",
                        "answers[2].score answer.out-of-range");
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void refusesALanguageTheSurveyIsNotOfferedIn() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "response.language-not-offered",
                () -> responses(key).submitResponse(submission(surveyId, score("nps", 5)).toBuilder()
                        .setLanguage("el").build()));
        assertField(status, "language", "response.language-not-offered");
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void refusesResponsesToADraft() {
        String draft = draftSurvey(key);

        assertFails(Status.Code.FAILED_PRECONDITION, "survey.not-published",
                () -> responses(key).submitResponse(submission(draft, score("nps", 5))));

        assertThat(storedResponses(key, draft)).isEmpty();
    }

    @Test
    void refusesAnUnknownVersion() {
        assertFails(Status.Code.NOT_FOUND, "survey.version-not-found",
                () -> responses(key).submitResponse(submission(surveyId, score("nps", 5)).toBuilder()
                        .setVersion(2).build()));
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void anUnknownSurveyIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> responses(key).submitResponse(submission(unknown, score("nps", 5))));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> responses(key).listResponses(ListResponsesRequest.newBuilder().setSurveyId(unknown).build()));
    }

    @Test
    void idsThatAreNoUuidAreNotFound() {
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> responses(key).submitResponse(submission("survey-1", score("nps", 5))));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> responses(key).listResponses(ListResponsesRequest.newBuilder().setSurveyId("x").build()));
        assertFails(Status.Code.NOT_FOUND, "response.not-found",
                () -> responses(key).getResponse(GetResponseRequest.newBuilder().setResponseId("42").build()));
        assertFails(Status.Code.NOT_FOUND, "response.not-found",
                () -> responses(key).getResponse(GetResponseRequest.getDefaultInstance()));
    }

    @Test
    void anUnknownResponseIsNotFound() {
        assertFails(Status.Code.NOT_FOUND, "response.not-found",
                () -> responses(key).getResponse(GetResponseRequest.newBuilder()
                        .setResponseId(UUID.randomUUID().toString()).build()));
    }

    @Test
    void refusesAMessageOverOneMebibyteAndStoresNothing() {
        String huge = "x".repeat(1024 * 1024 + 1);
        SubmitResponseRequest request = submission(surveyId, score("nps", 9), text("why", huge));

        try {
            responses(key).submitResponse(request);
            org.assertj.core.api.Assertions.fail("a message over 1 MiB was accepted");
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        }

        assertThat(storedResponses(key, surveyId)).isEmpty();
    }
}

package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.proto.v1.AuditAction;
import io.touchstone.proto.v1.AuditEvent;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.GetSurveyRequest;
import io.touchstone.proto.v1.GetSurveySummaryRequest;
import io.touchstone.proto.v1.ListAuditEventsRequest;
import io.touchstone.proto.v1.ListResponsesRequest;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.ReviseSurveyRequest;
import io.touchstone.proto.v1.Survey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant never sees another tenant's surveys, responses or figures: to it they do not exist. */
@QuarkusTest
class TenantIsolationGrpcIT extends GrpcTestSupport {

    private String keyA;
    private String keyB;
    private String surveyA;
    private String responseA;

    @BeforeEach
    void twoTenants() {
        keyA = tenant().adminKey();
        keyB = tenant().adminKey();
        surveyA = publishedSurvey(keyA);
        responseA = responses(keyA).submitResponse(submission(surveyA, score("nps", 10))).getResponse().getId();
    }

    @Test
    void anotherTenantsSurveyIsNotFound() {
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(keyB).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(surveyA).build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(keyB).reviseSurvey(ReviseSurveyRequest.newBuilder().setSurveyId(surveyA)
                        .setContent(standardContent()).build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(keyB).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(surveyA).build()));

        Survey unchanged = surveys(keyA).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(surveyA).build())
                .getSurvey();
        assertThat(unchanged.getLatest().getNumber()).isEqualTo(1);
    }

    @Test
    void anotherTenantsResponsesAreNotFound() {
        assertFails(Status.Code.NOT_FOUND, "response.not-found",
                () -> responses(keyB).getResponse(GetResponseRequest.newBuilder().setResponseId(responseA).build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> responses(keyB).listResponses(ListResponsesRequest.newBuilder().setSurveyId(surveyA).build()));
    }

    @Test
    void anotherTenantsSurveyTakesNoResponses() {
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> responses(keyB).submitResponse(submission(surveyA, score("nps", 0))));

        assertThat(storedResponses(keyA, surveyA)).extracting(r -> r.getId()).containsExactly(responseA);
    }

    @Test
    void anotherTenantsSummaryIsNotFound() {
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> metrics(keyB).getSurveySummary(GetSurveySummaryRequest.newBuilder()
                        .setSurveyId(surveyA).build()));
    }

    @Test
    void listsShowOnlyTheCallersOwnItems() {
        String surveyB = publishedSurvey(keyB);
        String responseB = responses(keyB).submitResponse(submission(surveyB, score("nps", 3))).getResponse().getId();

        assertThat(surveys(keyB).listSurveys(ListSurveysRequest.getDefaultInstance()).getSurveysList())
                .extracting(Survey::getId).containsExactly(surveyB);
        assertThat(surveys(keyA).listSurveys(ListSurveysRequest.getDefaultInstance()).getSurveysList())
                .extracting(Survey::getId).containsExactly(surveyA);
        assertThat(storedResponses(keyB, surveyB)).extracting(r -> r.getId()).containsExactly(responseB);
        assertThat(storedResponses(keyA, surveyA)).extracting(r -> r.getId()).containsExactly(responseA);
    }

    @Test
    void anotherTenantsAuditEventsAreNeverListed() {
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(keyB).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(surveyA).build()));

        assertThat(audit(keyB).listAuditEvents(ListAuditEventsRequest.getDefaultInstance()).getEventsList())
                .extracting(AuditEvent::getAction).containsExactly(AuditAction.AUDIT_ACTION_TENANT_CREATED);
        assertThat(audit(keyB).listAuditEvents(ListAuditEventsRequest.getDefaultInstance()).getEventsList())
                .extracting(AuditEvent::getTargetId).doesNotContain(surveyA);
        assertThat(audit(keyA).listAuditEvents(ListAuditEventsRequest.getDefaultInstance()).getEventsList())
                .extracting(AuditEvent::getAction)
                .containsExactly(AuditAction.AUDIT_ACTION_SURVEY_PUBLISHED, AuditAction.AUDIT_ACTION_TENANT_CREATED);
    }

    @Test
    void theSameIdempotencyKeyInTwoTenantsStoresTwoResponses() {
        String surveyB = publishedSurvey(keyB);
        var requestA = submission(surveyA, score("nps", 9));
        var requestB = requestA.toBuilder().setSurveyId(surveyB).build();

        var second = responses(keyA).submitResponse(requestA);
        var inB = responses(keyB).submitResponse(requestB);

        assertThat(second.getReplayed()).isFalse();
        assertThat(inB.getReplayed()).isFalse();
        assertThat(inB.getResponse().getId()).isNotEqualTo(second.getResponse().getId());
    }
}

package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.GetSurveyRequest;
import io.touchstone.proto.v1.GetSurveySummaryRequest;
import io.touchstone.proto.v1.ListResponsesRequest;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.ReviseSurveyRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every RPC needs a valid key in {@code x-api-key} and the scope its operation names. */
@QuarkusTest
class AuthenticationGrpcIT extends GrpcTestSupport {

    private TestTenant tenant;
    private String surveyId;

    @BeforeEach
    void tenantWithAPublishedSurvey() {
        tenant = tenant();
        surveyId = publishedSurvey(tenant.adminKey());
    }

    @Test
    void aCallWithoutAKeyIsUnauthenticated() {
        assertFails(Status.Code.UNAUTHENTICATED, "auth.credentials-missing",
                () -> surveys(null).listSurveys(ListSurveysRequest.getDefaultInstance()));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.credentials-missing",
                () -> responses(null).submitResponse(submission(surveyId, score("nps", 9))));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.credentials-missing",
                () -> metrics(null).getSurveySummary(GetSurveySummaryRequest.newBuilder()
                        .setSurveyId(surveyId).build()));
        assertThat(storedResponses(tenant.adminKey(), surveyId)).isEmpty();
    }

    @Test
    void anUnknownKeyIsUnauthenticated() {
        String wellFormedButUnknown = "tsk_0123456789abcdef01234567_" + "A".repeat(43);

        assertFails(Status.Code.UNAUTHENTICATED, "auth.key-invalid",
                () -> surveys(wellFormedButUnknown).listSurveys(ListSurveysRequest.getDefaultInstance()));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.key-invalid",
                () -> surveys("not a key at all").listSurveys(ListSurveysRequest.getDefaultInstance()));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.key-invalid",
                () -> responses(wellFormedButUnknown).submitResponse(submission(surveyId, score("nps", 9))));
        assertThat(storedResponses(tenant.adminKey(), surveyId)).isEmpty();
    }

    @Test
    void aKeyWithATamperedSecretIsUnauthenticated() {
        String admin = tenant.adminKey();
        char last = admin.charAt(admin.length() - 1);
        String tampered = admin.substring(0, admin.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertFails(Status.Code.UNAUTHENTICATED, "auth.key-invalid",
                () -> surveys(tampered).listSurveys(ListSurveysRequest.getDefaultInstance()));
    }

    @Test
    void aRevokedKeyIsUnauthenticated() {
        IssuedApiKey key = issueKey(tenant, null, Scope.RESPONSES_WRITE, Scope.SURVEYS_READ);
        surveys(key.secret()).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(surveyId).build());

        revoke(tenant, key);

        assertFails(Status.Code.UNAUTHENTICATED, "auth.key-revoked",
                () -> surveys(key.secret()).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(surveyId).build()));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.key-revoked",
                () -> responses(key.secret()).submitResponse(submission(surveyId, score("nps", 9))));
        assertThat(storedResponses(tenant.adminKey(), surveyId)).isEmpty();
    }

    @Test
    void anExpiredKeyIsUnauthenticated() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(1);
        IssuedApiKey key = issueKey(tenant, expiry, Scope.RESPONSES_WRITE);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 100);

        assertFails(Status.Code.UNAUTHENTICATED, "auth.key-expired",
                () -> responses(key.secret()).submitResponse(submission(surveyId, score("nps", 9))));
        assertThat(storedResponses(tenant.adminKey(), surveyId)).isEmpty();
    }

    @Test
    void eachRpcNeedsItsScope() {
        String responseId = responses(tenant.adminKey()).submitResponse(submission(surveyId, score("nps", 9)))
                .getResponse().getId();
        String readOnly = key(tenant, Scope.SURVEYS_READ);
        String writeOnly = key(tenant, Scope.RESPONSES_WRITE);

        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> surveys(readOnly).createSurvey(CreateSurveyRequest.newBuilder()
                        .setContent(standardContent()).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> surveys(readOnly).reviseSurvey(ReviseSurveyRequest.newBuilder().setSurveyId(surveyId)
                        .setContent(standardContent()).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> surveys(readOnly).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(surveyId)
                        .build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> surveys(writeOnly).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(surveyId).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> surveys(writeOnly).listSurveys(ListSurveysRequest.getDefaultInstance()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> responses(readOnly).submitResponse(submission(surveyId, score("nps", 9))));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> responses(writeOnly).getResponse(GetResponseRequest.newBuilder()
                        .setResponseId(responseId).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> responses(writeOnly).listResponses(ListResponsesRequest.newBuilder()
                        .setSurveyId(surveyId).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> metrics(writeOnly).getSurveySummary(GetSurveySummaryRequest.newBuilder()
                        .setSurveyId(surveyId).build()));

        assertThat(storedResponses(tenant.adminKey(), surveyId)).extracting(r -> r.getId())
                .containsExactly(responseId);
        assertThat(surveys(tenant.adminKey()).listSurveys(ListSurveysRequest.getDefaultInstance())
                .getSurveysList()).hasSize(1);
    }

    @Test
    void aKeyWithTheScopeIsEnough() {
        String writer = key(tenant, Scope.RESPONSES_WRITE);

        var submitted = responses(writer).submitResponse(submission(surveyId, score("nps", 9)));

        assertThat(submitted.getResponse().getSurveyId()).isEqualTo(surveyId);
    }
}

package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.AuditAction;
import io.touchstone.proto.v1.AuditEvent;
import io.touchstone.proto.v1.ListAuditEventsRequest;
import io.touchstone.proto.v1.ListAuditEventsResponse;
import io.touchstone.proto.v1.PageRequest;
import io.touchstone.proto.v1.PublishSurveyRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit log through gRPC: AuditService.ListAuditEvents, newest first, scope keys:admin. */
@QuarkusTest
class AuditGrpcIT extends GrpcTestSupport {

    @Test
    void listsEveryActionWithWhoWhatWhenAndFromWhere() {
        Instant before = Instant.now().minusSeconds(1);
        TestTenant tenant = tenant();
        var issued = issueKey(tenant, null, Scope.SURVEYS_READ);
        revoke(tenant, issued);
        String surveyId = publishedSurvey(tenant.adminKey());

        List<AuditEvent> events = audit(tenant.adminKey())
                .listAuditEvents(ListAuditEventsRequest.getDefaultInstance()).getEventsList();

        String keyId = issued.key().id().value().toString();
        assertThat(events).extracting(AuditEvent::getAction, AuditEvent::getTargetId, AuditEvent::getPrincipal)
                .containsExactly(
                        tuple(AuditAction.AUDIT_ACTION_SURVEY_PUBLISHED, surveyId, adminPrincipal(tenant)),
                        tuple(AuditAction.AUDIT_ACTION_API_KEY_REVOKED, keyId, "test-admin"),
                        tuple(AuditAction.AUDIT_ACTION_API_KEY_CREATED, keyId, "test-admin"),
                        tuple(AuditAction.AUDIT_ACTION_TENANT_CREATED, tenant.id().value().toString(), "test"));
        // the publication came over the network; the other actions were called in process, from no address
        assertThat(events).extracting(AuditEvent::getRemoteAddress).containsExactly("127.0.0.1", "", "", "");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getId()).isNotEmpty();
            Instant at = Instant.ofEpochSecond(event.getOccurredAt().getSeconds(), event.getOccurredAt().getNanos());
            assertThat(at).isBetween(before, Instant.now());
        });
    }

    @Test
    void pagesWithTokens() {
        TestTenant tenant = tenant();
        for (int i = 0; i < 3; i++) {
            key(tenant, Scope.SURVEYS_READ);
        }

        ListAuditEventsResponse first = audit(tenant.adminKey()).listAuditEvents(page(3, ""));
        ListAuditEventsResponse second = audit(tenant.adminKey()).listAuditEvents(page(3, first.getNextPageToken()));

        assertThat(first.getEventsList()).extracting(AuditEvent::getAction)
                .containsOnly(AuditAction.AUDIT_ACTION_API_KEY_CREATED).hasSize(3);
        assertThat(second.getEventsList()).extracting(AuditEvent::getAction)
                .containsExactly(AuditAction.AUDIT_ACTION_TENANT_CREATED);
        assertThat(second.getNextPageToken()).isEmpty();
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "page.cursor-invalid",
                () -> audit(tenant.adminKey()).listAuditEvents(page(3, "nonsense"))),
                "page.pageToken", "page.cursor-invalid");
    }

    @Test
    void aRefusedActionRecordsNothing() {
        TestTenant tenant = tenant();
        String surveyId = publishedSurvey(tenant.adminKey());
        List<AuditEvent> before = audit(tenant.adminKey())
                .listAuditEvents(ListAuditEventsRequest.getDefaultInstance()).getEventsList();

        assertFails(Status.Code.FAILED_PRECONDITION, "survey.already-published",
                () -> surveys(tenant.adminKey()).publishSurvey(PublishSurveyRequest.newBuilder()
                        .setSurveyId(surveyId).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> surveys(key(tenant, Scope.SURVEYS_READ)).publishSurvey(PublishSurveyRequest.newBuilder()
                        .setSurveyId(surveyId).build()));

        List<AuditEvent> after = audit(tenant.adminKey())
                .listAuditEvents(ListAuditEventsRequest.getDefaultInstance()).getEventsList();
        // the reading key's creation is the one new entry
        assertThat(after.subList(1, after.size())).isEqualTo(before);
        assertThat(after.getFirst().getAction()).isEqualTo(AuditAction.AUDIT_ACTION_API_KEY_CREATED);
    }

    @Test
    void readingNeedsTheKeysAdminScope() {
        TestTenant tenant = tenant();

        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> audit(key(tenant, Scope.SURVEYS_WRITE, Scope.METRICS_READ))
                        .listAuditEvents(ListAuditEventsRequest.getDefaultInstance()));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.credentials-missing",
                () -> audit(null).listAuditEvents(ListAuditEventsRequest.getDefaultInstance()));
    }

    private static ListAuditEventsRequest page(int size, String token) {
        return ListAuditEventsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(size).setPageToken(token)).build();
    }

    /** The principal of the tenant's admin key, as the service names it when the key authenticates. */
    private String adminPrincipal(TestTenant tenant) {
        return "api-key:" + apiKeys.list(new io.touchstone.application.port.in.Caller.Tenant(tenant.id(),
                        java.util.Set.of(Scope.KEYS_ADMIN), "test-admin")).await().atMost(TIMEOUT).stream()
                .filter(key -> key.name().equals("admin")).findFirst().orElseThrow().id().value();
    }
}

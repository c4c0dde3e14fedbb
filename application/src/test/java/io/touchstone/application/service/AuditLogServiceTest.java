package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionTenantCommand;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditLogServiceTest {

    private static final String ADDRESS = "198.51.100.23";

    private final ServiceHarness app = new ServiceHarness();

    @Test
    void recordsEveryAdministrativeActionWithWhoWhatWhenAndWhere() {
        ProvisionedTenant provisioned = await(app.provisioning.provision(app.operator.from("203.0.113.9"),
                new ProvisionTenantCommand("Acme", "Europe/Prague")));
        Caller admin = await(app.authentication.byApiKey(provisioned.adminKey().secret())).from(ADDRESS);
        app.clock.advance(Duration.ofSeconds(1));
        IssuedApiKey issued = await(app.apiKeys.create(admin, new CreateApiKeyCommand("ci", List.of("surveys:read"),
                null)));
        app.clock.advance(Duration.ofSeconds(1));
        await(app.apiKeys.revoke(admin, issued.key().id().value()));
        app.clock.advance(Duration.ofSeconds(1));
        Survey survey = await(app.surveys.create(admin, everyType()));
        await(app.surveys.publish(admin, survey.id().value()));

        Page<AuditEvent> log = await(app.audit.list(admin, PageRequest.of(null, null)));

        String adminKey = "api-key:" + provisioned.adminKey().key().id().value();
        assertThat(log.items()).extracting(AuditEvent::action, AuditEvent::targetId, AuditEvent::principal,
                        AuditEvent::occurredAt, AuditEvent::remoteAddress)
                .containsExactly(
                        tuple(AuditAction.SURVEY_PUBLISHED, survey.id().value().toString(), adminKey,
                                START.plusSeconds(3), Optional.of(ADDRESS)),
                        tuple(AuditAction.API_KEY_REVOKED, issued.key().id().value().toString(), adminKey,
                                START.plusSeconds(2), Optional.of(ADDRESS)),
                        tuple(AuditAction.API_KEY_CREATED, issued.key().id().value().toString(), adminKey,
                                START.plusSeconds(1), Optional.of(ADDRESS)),
                        tuple(AuditAction.TENANT_CREATED, provisioned.tenant().id().value().toString(), "operator",
                                START, Optional.of("203.0.113.9")));
        assertThat(log.items()).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(provisioned.tenant().id()));
        assertThat(log.nextCursor()).isEmpty();
    }

    @Test
    void anActionThatIsRefusedRecordsNothing() {
        Caller.Tenant admin = app.newTenant();
        Survey survey = app.publishedSurvey(admin, everyType());
        int before = app.adapters.auditLog.all().size();

        assertDomainFailure(app.apiKeys.revoke(admin, UUID.randomUUID()), NotFound.class, "api-key.not-found");
        assertDomainFailure(app.surveys.publish(admin, survey.id().value()), RuleViolated.class,
                "survey.already-published");
        assertAccessFailure(app.apiKeys.create(callerWithout(admin.tenantId(), Scope.KEYS_ADMIN),
                new CreateApiKeyCommand("k", List.of(), null)), Forbidden.class, "auth.scope-missing");
        assertThat(app.adapters.auditLog.all()).hasSize(before);
    }

    @Test
    void aTenantSeesOnlyItsOwnEntries() {
        Caller.Tenant mine = app.newTenant();
        Caller.Tenant theirs = app.newTenant();
        await(app.apiKeys.create(theirs, new CreateApiKeyCommand("theirs", List.of("surveys:read"), null)));

        List<AuditEvent> log = await(app.audit.list(mine, PageRequest.of(null, null))).items();

        assertThat(log).extracting(AuditEvent::action).containsExactly(AuditAction.TENANT_CREATED);
        assertThat(log).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(mine.tenantId()));
    }

    @Test
    void pagesThroughTheLogWithCursors() {
        Caller.Tenant admin = app.newTenant();
        for (int i = 0; i < 4; i++) {
            app.clock.advance(Duration.ofMillis(5));
            await(app.apiKeys.create(admin, new CreateApiKeyCommand("k" + i, List.of("surveys:read"), null)));
        }

        Page<AuditEvent> first = await(app.audit.list(admin, PageRequest.of(3, null)));
        Page<AuditEvent> second = await(app.audit.list(admin, PageRequest.of(3, first.nextCursor().orElseThrow())));

        assertThat(first.items()).extracting(AuditEvent::action).containsExactly(AuditAction.API_KEY_CREATED,
                AuditAction.API_KEY_CREATED, AuditAction.API_KEY_CREATED);
        assertThat(second.items()).extracting(AuditEvent::action).containsExactly(AuditAction.API_KEY_CREATED,
                AuditAction.TENANT_CREATED);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void readingNeedsTheKeysAdminScopeAndAValidCursor() {
        Caller.Tenant admin = app.newTenant();

        assertAccessFailure(app.audit.list(callerWithout(admin.tenantId(), Scope.KEYS_ADMIN),
                PageRequest.of(null, null)), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.audit.list(app.operator, PageRequest.of(null, null)), Forbidden.class,
                "auth.tenant-required");
        assertDomainFailure(app.audit.list(admin, PageRequest.of(null, "not-a-cursor")), InvalidValue.class,
                "page.cursor-invalid");
    }
}

package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertFails;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.error.Unavailable;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.domain.tenant.TenantStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantLifecycleServiceTest {

    private final ServiceHarness app = new ServiceHarness();

    @Test
    void suspendingDisablesTheClientAndEveryKeyAtOnce() {
        ProvisionedTenant acme = app.provision("Acme");
        var second = await(app.apiKeys.create(callerWith(acme.tenant().id(), Scope.KEYS_ADMIN),
                new io.touchstone.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand("reports",
                        java.util.List.of("surveys:read"), null)));

        await(app.lifecycle.suspend(app.operator, acme.tenant().id()));

        assertThat(app.identities.client(acme.tenant().id()).orElseThrow().enabled()).isFalse();
        assertAccessFailure(app.authentication.byApiKey(acme.adminKey().secret()), Unauthenticated.class,
                "auth.tenant-suspended");
        assertAccessFailure(app.authentication.byApiKey(second.secret()), Unauthenticated.class,
                "auth.tenant-suspended");
        assertThat(await(app.adapters.tenants.find(acme.tenant().id())).orElseThrow().status())
                .isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void suspendingAndDeletingAreInTheTenantsAuditLog() {
        ProvisionedTenant acme = app.provision("Acme");

        await(app.lifecycle.suspend(app.operator, acme.tenant().id()));
        await(app.lifecycle.delete(app.operator, acme.tenant().id()));

        assertThat(app.adapters.auditLog.all())
                .filteredOn(event -> event.tenantId().equals(acme.tenant().id()))
                .extracting(AuditEvent::action, AuditEvent::principal)
                .containsExactly(
                        tuple(AuditAction.TENANT_CREATED,
                                app.operator.principal()),
                        tuple(AuditAction.TENANT_SUSPENDED,
                                app.operator.principal()),
                        tuple(AuditAction.TENANT_DELETED,
                                app.operator.principal()));
    }

    @Test
    void anotherTenantsKeysKeepWorking() {
        ProvisionedTenant acme = app.provision("Acme");
        ProvisionedTenant other = app.provision("Other");

        await(app.lifecycle.suspend(app.operator, acme.tenant().id()));

        assertThat(await(app.authentication.byApiKey(other.adminKey().secret())).tenantWith(Scope.SURVEYS_READ))
                .isEqualTo(other.tenant().id());
        assertThat(app.identities.client(other.tenant().id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void deletingRemovesTheClientAndRefusesTheKeys() {
        ProvisionedTenant acme = app.provision("Acme");

        await(app.lifecycle.delete(app.operator, acme.tenant().id()));

        assertThat(app.identities.client(acme.tenant().id())).isEmpty();
        assertAccessFailure(app.authentication.byApiKey(acme.adminKey().secret()), Unauthenticated.class,
                "auth.key-invalid");
        assertDomainFailure(app.lifecycle.suspend(app.operator, acme.tenant().id()), NotFound.class,
                "tenant.not-found");
        assertDomainFailure(app.lifecycle.delete(app.operator, acme.tenant().id()), NotFound.class,
                "tenant.not-found");
    }

    @Test
    void anUnreachableIdentityProviderLeavesTheTenantActive() {
        ProvisionedTenant acme = app.provision("Acme");
        app.identities.unreachable(true);

        assertFails(app.lifecycle.suspend(app.operator, acme.tenant().id())).isInstanceOf(Unavailable.class);

        assertThat(await(app.authentication.byApiKey(acme.adminKey().secret())).tenantWith(Scope.SURVEYS_READ))
                .isEqualTo(acme.tenant().id());
    }

    @Test
    void anUnknownTenantIsNotFoundAndOnlyOperatorsMayAct() {
        ProvisionedTenant acme = app.provision("Acme");

        assertDomainFailure(app.lifecycle.suspend(app.operator, new TenantId(UUID.randomUUID())), NotFound.class,
                "tenant.not-found");
        assertAccessFailure(app.lifecycle.suspend(callerWith(acme.tenant().id(), Scope.values()),
                acme.tenant().id()), Forbidden.class, "auth.operator-required");
        assertAccessFailure(app.lifecycle.delete(callerWith(acme.tenant().id(), Scope.values()),
                acme.tenant().id()), Forbidden.class, "auth.operator-required");
        assertThat(app.identities.client(acme.tenant().id()).orElseThrow().enabled()).isTrue();
    }
}

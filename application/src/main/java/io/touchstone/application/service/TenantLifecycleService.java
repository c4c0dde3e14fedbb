package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageTenantsUseCase;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.TenantIdentities;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.domain.tenant.TenantStatus;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Suspends and deletes tenants. The identity provider is told first: when it cannot be reached the tenant stays as
 * it was and the operator may retry (both operations are idempotent). Then the tenant's status changes in one
 * transaction, which is what refuses its API keys.
 */
public final class TenantLifecycleService implements ManageTenantsUseCase {

    private final TenantRepository tenants;
    private final UnitOfWork unitOfWork;
    private final TenantIdentities identities;
    private final AuditTrail audit;

    public TenantLifecycleService(TenantRepository tenants, AuditLog auditLog, UnitOfWork unitOfWork,
            TenantIdentities identities, Clock clock) {
        this.tenants = tenants;
        this.unitOfWork = unitOfWork;
        this.identities = identities;
        this.audit = new AuditTrail(auditLog, clock);
    }

    @Override
    public Uni<Void> suspend(Caller caller, TenantId tenant) {
        return change(caller, tenant, identities::disable, Tenant::suspend, AuditAction.TENANT_SUSPENDED);
    }

    @Override
    public Uni<Void> delete(Caller caller, TenantId tenant) {
        return change(caller, tenant, identities::delete, Tenant::delete, AuditAction.TENANT_DELETED);
    }

    private Uni<Void> change(Caller caller, TenantId id, Function<TenantId, Uni<Void>> atIdentityProvider,
            Consumer<Tenant> change, AuditAction action) {
        return Uni.createFrom().item(() -> {
                    caller.requireOperator();
                    return id;
                })
                .flatMap(ignored -> unitOfWork.transactionally(id, () -> tenants.find(id)))
                .map(found -> found.filter(tenant -> tenant.status() != TenantStatus.DELETED)
                        .orElseThrow(() -> new NotFound("tenant.not-found", "no tenant with this id")))
                .call(ignored -> atIdentityProvider.apply(id))
                .flatMap(tenant -> unitOfWork.transactionally(id, () -> {
                    change.accept(tenant);
                    return tenants.update(tenant).chain(() -> audit.record(caller, id, action, id.value()));
                }));
    }
}

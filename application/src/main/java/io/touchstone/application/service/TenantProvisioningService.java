package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ProvisionTenantUseCase;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

public final class TenantProvisioningService implements ProvisionTenantUseCase {

    static final String ADMIN_KEY_NAME = "admin";

    private final TenantRepository tenants;
    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final ApiKeySecrets secrets;
    private final Clock clock;
    private final AuditTrail audit;

    public TenantProvisioningService(TenantRepository tenants, ApiKeyRepository keys, AuditLog auditLog,
            UnitOfWork unitOfWork, ApiKeySecrets secrets, Clock clock) {
        this.tenants = tenants;
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.secrets = secrets;
        this.clock = clock;
        this.audit = new AuditTrail(auditLog, clock);
    }

    @Override
    public Uni<ProvisionedTenant> provision(Caller caller, ProvisionTenantCommand command) {
        return Uni.createFrom().item(() -> {
            caller.requireOperator();
            Instant now = clock.instant();
            Tenant tenant = Tenant.create(new TenantId(Ids.next(clock)), command.name(), command.timeZone(), now);
            ApiKeySecrets.Generated generated = secrets.generate();
            ApiKey key = ApiKey.issue(new ApiKeyId(Ids.next(clock)), tenant.id(), ADMIN_KEY_NAME,
                    EnumSet.allOf(Scope.class), generated.lookupId(), generated.hash(), now, null);
            return new ProvisionedTenant(tenant, new IssuedApiKey(key, generated.presentable()));
        }).flatMap(provisioned -> unitOfWork.transactionally(provisioned.tenant().id(),
                        () -> tenants.add(provisioned.tenant())
                                .flatMap(ignored -> keys.add(provisioned.adminKey().key()))
                                .chain(() -> audit.record(caller, provisioned.tenant().id(),
                                        AuditAction.TENANT_CREATED, provisioned.tenant().id().value())))
                .replaceWith(provisioned));
    }
}

package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ProvisionTenantUseCase;
import io.touchstone.application.port.in.TenantClient;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.TenantIdentities;
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
import java.util.Optional;

public final class TenantProvisioningService implements ProvisionTenantUseCase {

    static final String ADMIN_KEY_NAME = "admin";

    private final TenantRepository tenants;
    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final ApiKeySecrets secrets;
    private final Clock clock;
    private final AuditTrail audit;
    private final TenantIdentities identities;

    public TenantProvisioningService(TenantRepository tenants, ApiKeyRepository keys, AuditLog auditLog,
            UnitOfWork unitOfWork, ApiKeySecrets secrets, Clock clock, TenantIdentities identities) {
        this.identities = identities;
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
            return new ProvisionedTenant(tenant, new IssuedApiKey(key, generated.presentable()), Optional.empty());
        }).flatMap(prepared -> withClient(caller, prepared));
    }

    /**
     * The tenant's client at the identity provider first (a failure there leaves nothing behind), then the rows in
     * one transaction; when the transaction fails, the client is removed again.
     */
    private Uni<ProvisionedTenant> withClient(Caller caller, ProvisionedTenant prepared) {
        TenantId id = prepared.tenant().id();
        return identities.create(id).flatMap(client -> unitOfWork.transactionally(id,
                        () -> tenants.add(prepared.tenant())
                                .flatMap(ignored -> keys.add(prepared.adminKey().key()))
                                .chain(() -> audit.record(caller, id, AuditAction.TENANT_CREATED, id.value())))
                .onFailure().call(failure -> client.isEmpty() ? Uni.createFrom().voidItem()
                        : identities.delete(id).onFailure().recoverWithNull())
                .replaceWith(new ProvisionedTenant(prepared.tenant(), prepared.adminKey(),
                        client.map(created -> new TenantClient(created.clientId(), created.secret())))));
    }
}

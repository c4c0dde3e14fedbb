package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ManageApiKeysUseCase;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public final class ApiKeyService implements ManageApiKeysUseCase {

    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final ApiKeySecrets secrets;
    private final Clock clock;
    private final AuditTrail audit;

    public ApiKeyService(ApiKeyRepository keys, AuditLog auditLog, UnitOfWork unitOfWork, ApiKeySecrets secrets,
            Clock clock) {
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.secrets = secrets;
        this.clock = clock;
        this.audit = new AuditTrail(auditLog, clock);
    }

    @Override
    public Uni<IssuedApiKey> create(Caller caller, CreateApiKeyCommand command) {
        return Uni.createFrom().item(() -> {
            TenantId tenant = caller.tenantWith(Scope.KEYS_ADMIN);
            ApiKeySecrets.Generated generated = secrets.generate();
            ApiKey key = ApiKey.issue(new ApiKeyId(Ids.next(clock)), tenant, command.name(), scopes(command.scopes()),
                    generated.lookupId(), generated.hash(), clock.instant(), command.expiresAt());
            return new IssuedApiKey(key, generated.presentable());
        }).flatMap(issued -> unitOfWork.transactionally(issued.key().tenantId(), () -> keys.add(issued.key())
                        .chain(() -> audit.record(caller, issued.key().tenantId(), AuditAction.API_KEY_CREATED,
                                issued.key().id().value())))
                .replaceWith(issued));
    }

    private static Set<Scope> scopes(List<String> names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (names == null) {
            return scopes;
        }
        Violations violations = new Violations();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Scope scope = violations.at("scopes[" + i + "]", () -> Scope.fromWireName("", name));
            if (scope != null) {
                scopes.add(scope);
            }
        }
        violations.throwIfAny();
        return scopes;
    }

    @Override
    public Uni<List<ApiKey>> list(Caller caller) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.KEYS_ADMIN))
                .flatMap(tenant -> unitOfWork.transactionally(tenant, () -> keys.list(tenant)));
    }

    @Override
    public Uni<RotatedApiKey> rotate(Caller caller, RotateApiKeyCommand command) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.KEYS_ADMIN))
                .flatMap(tenant -> unitOfWork.transactionally(tenant, () -> load(tenant, command.keyId())
                        .flatMap(previous -> {
                            Instant now = clock.instant();
                            Instant originalExpiry = previous.expiresAt().orElse(null);
                            previous.rotatedAt(now, command.overlap() == null ? ApiKey.DEFAULT_ROTATION_OVERLAP
                                    : command.overlap());
                            ApiKeySecrets.Generated generated = secrets.generate();
                            ApiKey successor = ApiKey.issue(new ApiKeyId(Ids.next(clock)), tenant, previous.name(),
                                    previous.scopes(), generated.lookupId(), generated.hash(), now, originalExpiry);
                            RotatedApiKey rotated = new RotatedApiKey(
                                    new IssuedApiKey(successor, generated.presentable()), previous);
                            return keys.update(previous)
                                    .chain(() -> keys.add(successor))
                                    .chain(() -> audit.record(caller, tenant, AuditAction.API_KEY_ROTATED,
                                            previous.id().value()))
                                    .replaceWith(rotated);
                        })));
    }

    private Uni<ApiKey> load(TenantId tenant, UUID keyId) {
        return keys.find(tenant, new ApiKeyId(keyId))
                .map(found -> found.orElseThrow(() -> new NotFound("api-key.not-found", "no API key " + keyId)));
    }

    @Override
    public Uni<ApiKey> revoke(Caller caller, UUID keyId) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.KEYS_ADMIN))
                .flatMap(tenant -> unitOfWork.transactionally(tenant, () -> keys.find(tenant, new ApiKeyId(keyId))
                        .map(found -> found.orElseThrow(() -> new NotFound("api-key.not-found",
                                "no API key " + keyId)))
                        .flatMap(key -> {
                            key.revoke(clock.instant());
                            return keys.update(key)
                                    .chain(() -> audit.record(caller, tenant, AuditAction.API_KEY_REVOKED,
                                            key.id().value()))
                                    .replaceWith(key);
                        })));
    }
}

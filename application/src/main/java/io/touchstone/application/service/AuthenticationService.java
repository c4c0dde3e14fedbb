package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.in.AuthenticateUseCase;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.ApiKey;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

public final class AuthenticationService implements AuthenticateUseCase {

    private static final String INVALID_KEY = "the API key is not valid";

    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;
    private final ApiKeySecrets secrets;
    private final Clock clock;
    private final Optional<byte[]> operatorTokenHash;

    /** {@code operatorToken} empty disables the operator API. */
    public AuthenticationService(ApiKeyRepository keys, UnitOfWork unitOfWork, ApiKeySecrets secrets, Clock clock,
            Optional<String> operatorToken) {
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.secrets = secrets;
        this.clock = clock;
        this.operatorTokenHash = operatorToken.filter(t -> !t.isBlank()).map(ApiKeySecrets::sha256);
    }

    @Override
    public Uni<Caller> byApiKey(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Uni.createFrom().failure(
                    new Unauthenticated("auth.credentials-missing", "send an API key in the X-API-Key header"));
        }
        Optional<ApiKeySecrets.Presented> presented = secrets.parse(presentedKey);
        if (presented.isEmpty()) {
            return Uni.createFrom().failure(new Unauthenticated("auth.key-invalid", INVALID_KEY));
        }
        return unitOfWork.transactionallyWithoutTenant(() -> keys.findByLookupId(presented.get().lookupId()))
                .map(found -> found.filter(key -> key.matches(presented.get().hash()))
                        .map(this::callerFor)
                        .orElseThrow(() -> new Unauthenticated("auth.key-invalid", INVALID_KEY)));
    }

    private Caller callerFor(ApiKey key) {
        return switch (key.stateAt(clock.instant())) {
            case ACTIVE -> new Caller.Tenant(key.tenantId(), key.scopes(), "api-key:" + key.id());
            case REVOKED -> throw new Unauthenticated("auth.key-revoked", "the API key was revoked");
            case EXPIRED -> throw new Unauthenticated("auth.key-expired", "the API key has expired");
        };
    }

    @Override
    public Caller byOperatorToken(String presentedToken) {
        if (operatorTokenHash.isEmpty()) {
            throw new Unauthenticated("auth.operator-disabled",
                    "no operator token is configured (touchstone.operator.token)");
        }
        if (presentedToken == null || presentedToken.isBlank()) {
            throw new Unauthenticated("auth.credentials-missing", "send the operator token as a bearer token");
        }
        if (!MessageDigest.isEqual(operatorTokenHash.get(), ApiKeySecrets.sha256(presentedToken))) {
            throw new Unauthenticated("auth.token-invalid", "the operator token is not valid");
        }
        return new Caller.Operator("operator");
    }
}

package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.in.AuthenticateUseCase;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.TokenVerifier;
import io.touchstone.application.port.out.TokenVerifier.VerifiedToken;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.domain.tenant.TenantStatus;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public final class AuthenticationService implements AuthenticateUseCase {

    /** Realm roles of access tokens; see {@link AuthenticateUseCase#byBearerToken}. */
    public static final String ROLE_SERVICE = "touchstone-service";
    public static final String ROLE_TENANT_ADMIN = "touchstone-tenant-admin";
    public static final String ROLE_CROSS_TENANT = "touchstone-cross-tenant";
    public static final String ROLE_OPERATOR = "touchstone-operator";

    /** The header (REST) and metadata key (gRPC) in which a cross-tenant service names the tenant. */
    public static final String TENANT_HEADER = "X-Tenant-Id";

    private static final String INVALID_KEY = "the API key is not valid";
    private static final Set<Scope> SERVICE_SCOPES = EnumSet.complementOf(EnumSet.of(Scope.KEYS_ADMIN));

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final UnitOfWork unitOfWork;
    private final ApiKeySecrets secrets;
    private final Clock clock;
    private final TokenVerifier tokens;
    private final Optional<byte[]> operatorTokenHash;
    private final ApiKeyUsage usage;

    /**
     * {@code operatorToken} empty: only access tokens with the operator role reach the operator API. {@code usage}
     * notes each successful key authentication in memory; it is stored in batches, not here.
     */
    public AuthenticationService(ApiKeyRepository keys, TenantRepository tenants, UnitOfWork unitOfWork,
            ApiKeySecrets secrets, Clock clock, TokenVerifier tokens, Optional<String> operatorToken,
            ApiKeyUsage usage) {
        this.keys = keys;
        this.tenants = tenants;
        this.usage = usage;
        this.unitOfWork = unitOfWork;
        this.secrets = secrets;
        this.clock = clock;
        this.tokens = tokens;
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
        return unitOfWork.transactionallyWithoutTenant(() -> keys.findByLookupId(presented.get().lookupId())
                .map(found -> found.filter(key -> key.matches(presented.get().hash()))
                        .orElseThrow(() -> new Unauthenticated("auth.key-invalid", INVALID_KEY)))
                .call(key -> tenants.statusOf(key.tenantId()).invoke(AuthenticationService::requireActive)))
                .map(this::callerFor);
    }

    /** A suspended or deleted tenant's keys are refused, all at once, without touching the keys themselves. */
    private static void requireActive(Optional<TenantStatus> status) {
        switch (status.orElse(TenantStatus.DELETED)) {
            case ACTIVE -> { }
            case SUSPENDED -> throw new Unauthenticated("auth.tenant-suspended", "the tenant is suspended");
            case DELETED -> throw new Unauthenticated("auth.key-invalid", INVALID_KEY);
        }
    }

    private Caller callerFor(ApiKey key) {
        return switch (key.stateAt(clock.instant())) {
            case ACTIVE -> {
                usage.record(key, clock.instant());
                yield new Caller.Tenant(key.tenantId(), key.scopes(), "api-key:" + key.id());
            }
            case REVOKED -> throw new Unauthenticated("auth.key-revoked", "the API key was revoked");
            case EXPIRED -> throw new Unauthenticated("auth.key-expired", "the API key has expired");
        };
    }

    @Override
    public Uni<Caller> byBearerToken(String presentedToken, String requestedTenant) {
        if (presentedToken == null || presentedToken.isBlank()) {
            return Uni.createFrom().failure(new Unauthenticated("auth.credentials-missing",
                    "send a bearer token in the Authorization header"));
        }
        String token = presentedToken.strip();
        if (operatorTokenHash.isPresent()
                && MessageDigest.isEqual(operatorTokenHash.get(), ApiKeySecrets.sha256(token))) {
            return Uni.createFrom().item(new Caller.Operator("operator"));
        }
        if (!looksLikeJwt(token)) {
            return Uni.createFrom().failure(new Unauthenticated("auth.token-invalid", "the bearer token is not valid"));
        }
        return tokens.verify(token).map(verified -> callerFor(verified, requestedTenant));
    }

    /** Three dot-separated parts (the last one is empty for an unsigned token, which the verifier refuses). */
    private static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return first > 0 && second > first + 1 && token.indexOf('.', second + 1) < 0;
    }

    private static Caller callerFor(VerifiedToken token, String requestedTenant) {
        String principal = "token:" + token.subject();
        Set<String> roles = token.roles();
        if (roles.contains(ROLE_SERVICE)) {
            Set<Scope> scopes = roles.contains(ROLE_TENANT_ADMIN) ? EnumSet.allOf(Scope.class) : SERVICE_SCOPES;
            return new Caller.Tenant(tenantOf(token, requestedTenant), scopes, principal);
        }
        if (roles.contains(ROLE_OPERATOR)) {
            return new Caller.Operator(principal);
        }
        throw new Forbidden("auth.role-missing",
                "the token holds none of the roles " + ROLE_SERVICE + ", " + ROLE_OPERATOR);
    }

    private static TenantId tenantOf(VerifiedToken token, String requestedTenant) {
        Optional<TenantId> own = token.tenantId().map(claim -> new TenantId(uuid(claim).orElseThrow(
                () -> new Forbidden("auth.tenant-invalid", "the token's tenant_id claim is not a tenant id"))));
        if (requestedTenant == null || requestedTenant.isBlank()) {
            return own.orElseThrow(() -> new Forbidden("auth.tenant-missing",
                    "the token names no tenant (claim tenant_id)"));
        }
        TenantId requested = new TenantId(uuid(requestedTenant.strip()).orElseThrow(() -> new InvalidValue(
                TENANT_HEADER, "tenant.id-invalid", "not a tenant id")));
        if (token.roles().contains(ROLE_CROSS_TENANT) || own.filter(requested::equals).isPresent()) {
            return requested;
        }
        throw new Forbidden("auth.cross-tenant-forbidden",
                "only a service with the role " + ROLE_CROSS_TENANT + " may name another tenant");
    }

    private static Optional<UUID> uuid(String text) {
        try {
            UUID parsed = UUID.fromString(text);
            // UUID.fromString accepts shortened groups; only the canonical form names a tenant
            return parsed.toString().equalsIgnoreCase(text) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}

package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;

/** Turns a presented credential into a {@link Caller}, or fails with {@code Unauthenticated}. */
public interface AuthenticateUseCase {

    /** An API key as presented in {@code X-API-Key} / {@code x-api-key}; null or blank means none was presented. */
    Uni<Caller> byApiKey(String presentedKey);

    /**
     * A bearer token ({@code Authorization: Bearer …}): the operator token of the service's configuration, or an
     * access token of the identity provider, whose realm roles decide the caller:
     * <ul>
     * <li>{@code touchstone-service}: a {@link Caller.Tenant} of the token's {@code tenant_id} claim, with every
     * scope but {@code keys:admin} ({@code touchstone-tenant-admin} adds it). With {@code touchstone-cross-tenant}
     * the tenant may instead be named per request ({@code requestedTenant}); without it, a requested tenant other
     * than the token's is forbidden;</li>
     * <li>{@code touchstone-operator} (and not {@code touchstone-service}): the {@link Caller.Operator};</li>
     * <li>none of them: forbidden.</li>
     * </ul>
     *
     * @param requestedTenant the tenant named in {@code X-Tenant-Id} / {@code x-tenant-id}; null when absent
     */
    Uni<Caller> byBearerToken(String presentedToken, String requestedTenant);
}

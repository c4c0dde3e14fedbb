package io.touchstone.application.service;

import io.touchstone.application.port.out.RateLimiter.Limit;
import io.touchstone.domain.tenant.TenantId;
import java.util.Map;
import java.util.Objects;

/** The limit of every API key: the tenant's own when the operator set one, otherwise the default. */
public record RateLimitPolicy(Limit defaultLimit, Map<TenantId, Limit> perTenant) {

    public RateLimitPolicy {
        Objects.requireNonNull(defaultLimit, "defaultLimit");
        perTenant = Map.copyOf(perTenant);
    }

    public Limit limitFor(TenantId tenant) {
        return perTenant.getOrDefault(tenant, defaultLimit);
    }
}

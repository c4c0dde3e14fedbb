package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ApiKeyRepository {

    Uni<Void> add(ApiKey key);

    /** Stores the key's revocation and expiry times (the rest never changes); the key must exist. */
    Uni<Void> update(ApiKey key);

    Uni<Optional<ApiKey>> find(TenantId tenantId, ApiKeyId id);

    /** Across all tenants: the key whose public lookup id this is (used to authenticate). */
    Uni<Optional<ApiKey>> findByLookupId(String lookupId);

    /**
     * Records when the tenant's keys were last used: one batch per flush, never per request. A stored time is only
     * ever moved forward; keys that no longer exist are skipped.
     */
    Uni<Void> recordUse(TenantId tenantId, Map<ApiKeyId, Instant> lastUsed);

    /** The tenant's keys, oldest first. */
    Uni<List<ApiKey>> list(TenantId tenantId);
}

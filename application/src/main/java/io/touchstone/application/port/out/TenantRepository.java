package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.domain.tenant.TenantStatus;
import java.util.Optional;

public interface TenantRepository {

    Uni<Void> add(Tenant tenant);

    Uni<Optional<Tenant>> find(TenantId id);

    /** Stores the tenant's status; the tenant must exist. */
    Uni<Void> update(Tenant tenant);

    /** Across all tenants: the status of the tenant of an API key being authenticated (empty: no such tenant). */
    Uni<Optional<TenantStatus>> statusOf(TenantId id);
}

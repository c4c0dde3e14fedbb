package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.util.Optional;

public interface TenantRepository {

    Uni<Void> add(Tenant tenant);

    Uni<Optional<Tenant>> find(TenantId id);
}

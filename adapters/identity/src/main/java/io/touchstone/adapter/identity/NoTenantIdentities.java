package io.touchstone.adapter.identity;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.TenantIdentities;
import io.touchstone.domain.tenant.TenantId;
import java.util.Optional;

/** No identity provider is configured for provisioning: tenants get no client, and there is none to disable. */
public final class NoTenantIdentities implements TenantIdentities {

    @Override
    public Uni<Optional<ClientCredentials>> create(TenantId tenant) {
        return Uni.createFrom().item(Optional.empty());
    }

    @Override
    public Uni<Void> disable(TenantId tenant) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> delete(TenantId tenant) {
        return Uni.createFrom().voidItem();
    }
}

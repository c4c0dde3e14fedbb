package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.Tenant;
import java.util.Optional;

/**
 * An operator creates a tenant; the tenant's first API key (with every scope) and the credentials of its client at the
 * identity provider (when one is configured) are returned once.
 */
public interface ProvisionTenantUseCase {

    record ProvisionTenantCommand(String name, String timeZone) {
    }

    record ProvisionedTenant(Tenant tenant, IssuedApiKey adminKey, Optional<TenantClient> client) {
    }

    Uni<ProvisionedTenant> provision(Caller caller, ProvisionTenantCommand command);
}

package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.Tenant;

/** An operator creates a tenant; the tenant's first API key (with every scope) is returned once. */
public interface ProvisionTenantUseCase {

    record ProvisionTenantCommand(String name, String timeZone) {
    }

    record ProvisionedTenant(Tenant tenant, IssuedApiKey adminKey) {
    }

    Uni<ProvisionedTenant> provision(Caller caller, ProvisionTenantCommand command);
}

package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.TenantId;

/**
 * An operator suspends a tenant (its client at the identity provider and all its API keys stop working at once) or
 * deletes it (its client is removed, its keys are refused; its rows are kept, marked deleted).
 */
public interface ManageTenantsUseCase {

    Uni<Void> suspend(Caller caller, TenantId tenant);

    Uni<Void> delete(Caller caller, TenantId tenant);
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.tenant.TenantId;
import java.util.Optional;

/**
 * Finds the recorded interaction a response names by the reporting system's event id, with what a response about it
 * inherits (journey, stage, touchpoint and its channel, employee, team, location). Sees only the tenant's own
 * interactions: another tenant's event id is not found.
 */
public interface InteractionLinks {

    /** The tenant's interaction recorded under {@code eventId}; empty when the tenant has none. */
    Uni<Optional<LinkedInteraction>> find(TenantId tenant, String eventId);
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Journeys with their stages and touchpoints, as one aggregate each. */
public interface JourneyRepository {

    Uni<Void> add(Journey journey);

    /**
     * Stores the journey as it is now: its name, the order and names of its stages, new stages and touchpoints, and
     * its touchpoints' status and survey. Stages and touchpoints are never removed.
     */
    Uni<Void> update(Journey journey);

    Uni<Optional<Journey>> find(TenantId tenantId, JourneyId id);

    /**
     * Like {@link #find}, and holds the journey for the rest of the transaction: another transaction that asks to
     * change the same journey waits until this one ends, so that checks over the whole journey (unique names, the
     * number of stages) see every change made before.
     */
    Uni<Optional<Journey>> findForChange(TenantId tenantId, JourneyId id);

    /** The tenant's journeys in id (creation) order. */
    Uni<List<Journey>> list(TenantId tenantId, KeysetPage page);
}

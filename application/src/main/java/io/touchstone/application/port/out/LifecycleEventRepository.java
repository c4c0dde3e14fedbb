package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.tenant.TenantId;
import java.util.Optional;

/** Recorded customer lifecycle events, unique per tenant by the reporting system's event id. */
public interface LifecycleEventRepository {

    /**
     * Stores the event. Fails with {@link InteractionRepository.DuplicateEventId} when the tenant has a lifecycle event
     * with its event id already; then nothing is stored.
     */
    Uni<Void> add(LifecycleEvent event);

    Uni<Optional<LifecycleEvent>> findByEventId(TenantId tenantId, EventId eventId);
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.tenant.TenantId;
import java.util.Optional;

/** Recorded interactions, unique per tenant by the reporting system's event id. */
public interface InteractionRepository {

    /**
     * Stores the interaction. Fails with {@link DuplicateEventId} when the tenant has an interaction with its event id
     * already (possibly stored by a concurrent call); then nothing is stored.
     */
    Uni<Void> add(Interaction interaction);

    Uni<Optional<Interaction>> findByEventId(TenantId tenantId, EventId eventId);

    /** The event id is taken already. */
    final class DuplicateEventId extends RuntimeException {

        public DuplicateEventId(Throwable cause) {
            super("event id already recorded", cause, false, false);
        }
    }
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/** Looks up one of a tenant's touchpoints, with where it sits in its journey, for what happens at it. */
public interface Touchpoints {

    /** A touchpoint with its journey, stage, channel and status. */
    record TouchpointRef(TouchpointId id, JourneyId journey, StageId stage, Channel channel, TouchpointStatus status) {

        public TouchpointRef {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(journey, "journey");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The tenant's touchpoint {@code id}; empty when the tenant has none with that id. */
    Uni<Optional<TouchpointRef>> find(TenantId tenant, TouchpointId id);
}

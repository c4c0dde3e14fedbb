package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionLinks;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.tenant.TenantId;
import java.util.Optional;

/**
 * The interaction a response names, looked up in the fakes the way the database joins its tables: the interaction by
 * (tenant, event id), then its touchpoint in the same tenant for journey, stage and channel. Both lookups obey the
 * fakes' row-level security.
 */
public final class InMemoryInteractionLinks implements InteractionLinks {

    private final InMemoryInteractionRepository interactions;
    private final Touchpoints touchpoints;

    public InMemoryInteractionLinks(InMemoryInteractionRepository interactions, Touchpoints touchpoints) {
        this.interactions = interactions;
        this.touchpoints = touchpoints;
    }

    @Override
    public Uni<Optional<LinkedInteraction>> find(TenantId tenant, String eventId) {
        EventId id;
        try {
            id = new EventId(eventId);
        } catch (InvalidValue notAnEventId) {
            return Uni.createFrom().item(Optional.empty());
        }
        return interactions.findByEventId(tenant, id).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().item(Optional.<LinkedInteraction>empty())
                : link(tenant, found.get()));
    }

    private Uni<Optional<LinkedInteraction>> link(TenantId tenant, Interaction interaction) {
        InteractionContent content = interaction.content();
        return touchpoints.find(tenant, content.touchpoint()).map(touchpoint -> touchpoint.map(at ->
                new LinkedInteraction(interaction.id(), at.journey(), at.stage(), at.id(), at.channel(),
                        content.employee(), content.team(), content.location())));
    }
}

package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.tenant.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Interactions keyed like the table's unique index, (tenant, event id); instants kept as PostgreSQL keeps them. */
public final class InMemoryInteractionRepository implements InteractionRepository, InMemoryStore {

    private record Key(TenantId tenantId, EventId eventId) {
    }

    private final Map<Key, Interaction> interactions = new HashMap<>();

    @Override
    public Uni<Void> add(Interaction interaction) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(interaction.tenantId(), "an interaction");
                Key key = new Key(interaction.tenantId(), interaction.eventId());
                if (interactions.containsKey(key)) {
                    throw new DuplicateEventId(null);
                }
                interactions.put(key, copy(interaction));
                return null;
            }
        });
    }

    @Override
    public Uni<Optional<Interaction>> findByEventId(TenantId tenantId, EventId eventId) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return Optional.<Interaction>empty();
                }
                return Optional.ofNullable(interactions.get(new Key(tenantId, eventId)));
            }
        });
    }

    /** Every stored interaction of every tenant. */
    public synchronized List<Interaction> all() {
        return List.copyOf(interactions.values());
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<Key, Interaction> saved = new HashMap<>(interactions);
        return () -> {
            synchronized (this) {
                interactions.clear();
                interactions.putAll(saved);
            }
        };
    }

    private static Interaction copy(Interaction interaction) {
        InteractionContent c = interaction.content();
        return Interaction.rehydrate(interaction.id(), interaction.tenantId(), new InteractionContent(c.eventId(),
                c.touchpoint(), c.customer(), c.occurredAt(), c.outcome(), c.duration(), c.employee(), c.team(),
                c.location(), c.attributes()), Timestamps.asStored(interaction.recordedAt()));
    }
}

package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionRepository.DuplicateEventId;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.tenant.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lifecycle events keyed like the table's unique index, (tenant, event id). */
public final class InMemoryLifecycleEventRepository implements LifecycleEventRepository, InMemoryStore {

    private record Key(TenantId tenantId, EventId eventId) {
    }

    private final Map<Key, LifecycleEvent> events = new HashMap<>();

    @Override
    public Uni<Void> add(LifecycleEvent event) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(event.tenantId(), "a lifecycle event");
                Key key = new Key(event.tenantId(), event.eventId());
                if (events.containsKey(key)) {
                    throw new DuplicateEventId(null);
                }
                events.put(key, LifecycleEvent.rehydrate(event.id(), event.tenantId(), event.content(),
                        Timestamps.asStored(event.recordedAt())));
                return null;
            }
        });
    }

    @Override
    public Uni<Optional<LifecycleEvent>> findByEventId(TenantId tenantId, EventId eventId) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return Optional.<LifecycleEvent>empty();
                }
                return Optional.ofNullable(events.get(new Key(tenantId, eventId)));
            }
        });
    }

    public synchronized List<LifecycleEvent> all() {
        return List.copyOf(events.values());
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<Key, LifecycleEvent> saved = new HashMap<>(events);
        return () -> {
            synchronized (this) {
                events.clear();
                events.putAll(saved);
            }
        };
    }
}

package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionRepository.DuplicateEventId;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.domain.interaction.CustomerRef;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleEventContent;
import io.touchstone.domain.interaction.LifecycleEventId;
import io.touchstone.domain.interaction.LifecycleKind;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class HibernateLifecycleEventRepository implements LifecycleEventRepository {

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateLifecycleEventRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> add(LifecycleEvent event) {
        LifecycleEventContent content = event.content();
        LifecycleEventEntity entity = new LifecycleEventEntity();
        entity.tenantId = event.tenantId().value();
        entity.id = event.id().value();
        entity.eventId = content.eventId().value();
        entity.customerRef = content.customer().value();
        entity.kind = content.kind().name();
        entity.occurredAt = content.occurredAt();
        entity.reason = content.reason();
        entity.attributes = content.attributes();
        entity.recordedAt = event.recordedAt();
        return sessions.withSession(session -> session.persist(entity).call(session::flush))
                .onFailure(failure -> UniqueViolation.of(failure, "customer_lifecycle_event_event_id"))
                .transform(DuplicateEventId::new);
    }

    @Override
    public Uni<Optional<LifecycleEvent>> findByEventId(TenantId tenantId, EventId eventId) {
        return sessions.withSession(session -> session
                        .createSelectionQuery("from LifecycleEventEntity where tenantId = :tenantId"
                                + " and eventId = :eventId", LifecycleEventEntity.class)
                        .setParameter("tenantId", tenantId.value())
                        .setParameter("eventId", eventId.value())
                        .getSingleResultOrNull())
                .map(entity -> Optional.ofNullable(entity).map(HibernateLifecycleEventRepository::toDomain));
    }

    private static LifecycleEvent toDomain(LifecycleEventEntity entity) {
        return LifecycleEvent.rehydrate(new LifecycleEventId(entity.id), new TenantId(entity.tenantId),
                new LifecycleEventContent(new EventId(entity.eventId), new CustomerRef(entity.customerRef),
                        LifecycleKind.valueOf(entity.kind), entity.occurredAt, entity.reason, entity.attributes),
                entity.recordedAt);
    }
}

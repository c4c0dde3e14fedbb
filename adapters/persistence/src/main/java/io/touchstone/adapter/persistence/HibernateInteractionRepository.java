package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.domain.interaction.CustomerRef;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.Outcome;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class HibernateInteractionRepository implements InteractionRepository {

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateInteractionRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> add(Interaction interaction) {
        InteractionContent content = interaction.content();
        InteractionEntity entity = new InteractionEntity();
        entity.tenantId = interaction.tenantId().value();
        entity.id = interaction.id().value();
        entity.eventId = content.eventId().value();
        entity.touchpointId = content.touchpoint().value();
        entity.customerRef = content.customer().value();
        entity.occurredAt = content.occurredAt();
        entity.outcome = content.outcome().name();
        entity.durationMicros = content.duration() == null ? null
                : content.duration().getSeconds() * 1_000_000L + content.duration().getNano() / 1_000;
        entity.employee = content.employee() == null ? null : content.employee().value();
        entity.team = content.team() == null ? null : content.team().value();
        entity.location = content.location() == null ? null : content.location().value();
        entity.attributes = content.attributes();
        entity.recordedAt = interaction.recordedAt();
        return sessions.withSession(session -> session.persist(entity).call(session::flush))
                .onFailure(failure -> UniqueViolation.of(failure, "interaction_event_id"))
                .transform(DuplicateEventId::new);
    }

    @Override
    public Uni<Optional<Interaction>> findByEventId(TenantId tenantId, EventId eventId) {
        return sessions.withSession(session -> session
                        .createSelectionQuery("from InteractionEntity where tenantId = :tenantId"
                                + " and eventId = :eventId", InteractionEntity.class)
                        .setParameter("tenantId", tenantId.value())
                        .setParameter("eventId", eventId.value())
                        .getSingleResultOrNull())
                .map(entity -> Optional.ofNullable(entity).map(HibernateInteractionRepository::toDomain));
    }

    private static Interaction toDomain(InteractionEntity entity) {
        InteractionContent content = new InteractionContent(new EventId(entity.eventId),
                new TouchpointId(entity.touchpointId), new CustomerRef(entity.customerRef), entity.occurredAt,
                Outcome.valueOf(entity.outcome),
                entity.durationMicros == null ? null : Duration.ofNanos(entity.durationMicros * 1_000L),
                entity.employee == null ? null : new StaffRef(entity.employee),
                entity.team == null ? null : new StaffRef(entity.team),
                entity.location == null ? null : new LocationRef(entity.location),
                entity.attributes);
        return Interaction.rehydrate(new InteractionId(entity.id), new TenantId(entity.tenantId), content,
                entity.recordedAt);
    }
}

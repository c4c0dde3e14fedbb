package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionLinks;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The interaction a response names, in one statement of the current transaction: the interaction by the tenant's
 * unique event id (V10), joined within the tenant to its touchpoint (V9) for journey, stage and channel.
 */
@ApplicationScoped
public class HibernateInteractionLinks implements InteractionLinks {

    private static final String FIND = """
            select i.id, t.journey_id, t.stage_id, t.id, t.channel, i.employee, i.team, i.location
              from interaction i
              join touchpoint t on t.tenant_id = i.tenant_id and t.id = i.touchpoint_id
             where i.tenant_id = :tenantId and i.event_id = :eventId
            """;

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateInteractionLinks(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Optional<LinkedInteraction>> find(TenantId tenant, String eventId) {
        return sessions.withSession(session -> session.createNativeQuery(FIND, Object[].class)
                        .setParameter("tenantId", tenant.value())
                        .setParameter("eventId", eventId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> ResponseLinks.of((UUID) row[0], (UUID) row[1],
                        (UUID) row[2], (UUID) row[3], (String) row[4], (String) row[5], (String) row[6],
                        (String) row[7])));
    }
}

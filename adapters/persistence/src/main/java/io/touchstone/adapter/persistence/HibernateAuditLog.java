package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/** The audit log in table {@code audit_event} (V3), which the service's role may only read and append to. */
@ApplicationScoped
public class HibernateAuditLog implements AuditLog {

    private static final Map<String, AuditAction> ACTIONS = Arrays.stream(AuditAction.values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::wireName, Function.identity()));

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateAuditLog(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> append(AuditEvent event) {
        AuditEventEntity entity = new AuditEventEntity();
        entity.tenantId = event.tenantId().value();
        entity.id = event.id();
        entity.occurredAt = event.occurredAt();
        entity.principal = event.principal();
        entity.action = event.action().wireName();
        entity.targetId = event.targetId();
        entity.remoteAddress = event.remoteAddress().orElse(null);
        return sessions.withSession(session -> session.persist(entity).call(session::flush));
    }

    @Override
    public Uni<List<AuditEvent>> list(TenantId tenantId, KeysetPage page) {
        String below = page.after().isPresent() ? " and id < :after" : "";
        return sessions.withSession(session -> {
                    Mutiny.SelectionQuery<AuditEventEntity> query = session
                            .createSelectionQuery("from AuditEventEntity where tenantId = :tenantId" + below
                                    + " order by id desc", AuditEventEntity.class)
                            .setParameter("tenantId", tenantId.value())
                            .setMaxResults(page.limit());
                    page.after().ifPresent(after -> query.setParameter("after", after));
                    return query.getResultList();
                })
                .map(entities -> entities.stream().map(HibernateAuditLog::toDomain).toList());
    }

    private static AuditEvent toDomain(AuditEventEntity entity) {
        AuditAction action = ACTIONS.get(entity.action);
        if (action == null) {
            throw new IllegalStateException("unknown audit action '" + entity.action + "' stored");
        }
        return new AuditEvent(entity.id, new TenantId(entity.tenantId), entity.occurredAt, entity.principal, action,
                entity.targetId, Optional.ofNullable(entity.remoteAddress));
    }
}

package io.touchstone.platform.support;

import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** What the database holds of a tenant's events, read with plain SQL through the service's own connection. */
public final class StoredEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StoredEvents() {
    }

    /** The event ids of the tenant's stored interactions, one per row (a doubled event would show twice), sorted. */
    public static List<String> interactionEventIds(UnitOfWork unitOfWork, Mutiny.SessionFactory sessions,
            String tenantId) {
        return eventIds(unitOfWork, sessions, tenantId, "interaction");
    }

    /** The event ids of the tenant's stored lifecycle events, one per row, sorted. */
    public static List<String> lifecycleEventIds(UnitOfWork unitOfWork, Mutiny.SessionFactory sessions,
            String tenantId) {
        return eventIds(unitOfWork, sessions, tenantId, "customer_lifecycle_event");
    }

    private static List<String> eventIds(UnitOfWork unitOfWork, Mutiny.SessionFactory sessions, String tenantId,
            String table) {
        TenantId tenant = new TenantId(UUID.fromString(tenantId));
        return unitOfWork.transactionally(tenant, () -> sessions.withSession(session -> session
                        .createNativeQuery("select event_id from " + table + " order by event_id", String.class)
                        .getResultList()))
                .await().atMost(TIMEOUT);
    }
}

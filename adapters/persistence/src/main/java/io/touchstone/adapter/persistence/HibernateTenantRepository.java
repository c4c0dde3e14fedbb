package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.domain.tenant.TenantStatus;
import java.util.Locale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class HibernateTenantRepository implements TenantRepository {

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateTenantRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> add(Tenant tenant) {
        TenantEntity entity = new TenantEntity();
        entity.id = tenant.id().value();
        entity.name = tenant.name();
        entity.timeZone = tenant.timeZone().getId();
        entity.createdAt = tenant.createdAt();
        entity.status = stored(tenant.status());
        return sessions.withSession(session -> session.persist(entity).call(session::flush));
    }

    @Override
    public Uni<Void> update(Tenant tenant) {
        return sessions.withSession(session -> session.find(TenantEntity.class, tenant.id().value())
                .onItem().ifNull().failWith(() -> new IllegalStateException("tenant " + tenant.id() + " is not stored"))
                .invoke(entity -> entity.status = stored(tenant.status()))
                .call(session::flush)
                .replaceWithVoid());
    }

    /**
     * Through {@code tenant_status} (V5 migration), which hands out the status of one tenant and nothing else, since
     * authentication asks before it knows the tenant.
     */
    @Override
    public Uni<Optional<TenantStatus>> statusOf(TenantId id) {
        return sessions.withSession(session -> session
                        .createNativeQuery("select tenant_status(:id)", String.class)
                        .setParameter("id", id.value())
                        .getSingleResultOrNull())
                .map(status -> Optional.ofNullable(status).map(HibernateTenantRepository::status));
    }

    private static String stored(TenantStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static TenantStatus status(String stored) {
        return TenantStatus.valueOf(stored.toUpperCase(Locale.ROOT));
    }

    @Override
    public Uni<Optional<Tenant>> find(TenantId id) {
        return sessions.withSession(session -> session.find(TenantEntity.class, id.value()))
                .map(entity -> Optional.ofNullable(entity).map(e -> Tenant.rehydrate(new TenantId(e.id), e.name,
                        e.timeZone, e.createdAt, status(e.status))));
    }
}

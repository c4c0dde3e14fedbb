package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
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
        return sessions.withSession(session -> session.persist(entity).call(session::flush));
    }

    @Override
    public Uni<Optional<Tenant>> find(TenantId id) {
        return sessions.withSession(session -> session.find(TenantEntity.class, id.value()))
                .map(entity -> Optional.ofNullable(entity).map(e -> Tenant.rehydrate(new TenantId(e.id), e.name,
                        e.timeZone, e.createdAt)));
    }
}

package io.touchstone.adapter.persistence;

import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One Hibernate Reactive session and transaction per use case. The repositories join it through
 * {@code withSession}, which finds the session on the current Vert.x context. Work started off a Vert.x thread
 * (tests, schedulers) is moved onto a fresh duplicated context first, flagged safe (used by this transaction
 * alone), as Hibernate Reactive requires.
 * <p>
 * A transaction for a tenant first sets {@code touchstone.tenant_id} for that transaction only; the row-level
 * security policies of the schema show and accept only rows of that tenant. Without it no tenant's rows are visible.
 */
@ApplicationScoped
public class HibernateUnitOfWork implements UnitOfWork {

    /** The setting the row-level security policies compare {@code tenant_id} with (see the V2 migration). */
    static final String TENANT_SETTING = "touchstone.tenant_id";

    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;

    @Inject
    public HibernateUnitOfWork(Mutiny.SessionFactory sessions, Vertx vertx) {
        this.sessions = sessions;
        this.vertx = vertx;
    }

    @Override
    public <T> Uni<T> transactionally(TenantId tenant, Supplier<Uni<T>> work) {
        String tenantId = tenant.value().toString();
        return onVertxContext(() -> sessions.withTransaction((session, tx) -> session
                .createNativeQuery("select set_config('" + TENANT_SETTING + "', :tenant, true)", String.class)
                .setParameter("tenant", tenantId)
                .getSingleResult()
                .chain(ignored -> work.get())));
    }

    @Override
    public <T> Uni<T> transactionallyWithoutTenant(Supplier<Uni<T>> work) {
        return onVertxContext(() -> sessions.withTransaction((session, tx) -> work.get()));
    }

    /**
     * Runs the transaction on a Vert.x context, as Hibernate Reactive requires, and lets it finish on its own once
     * started: when the caller goes away (a client disconnects mid-request), the transaction still commits or rolls
     * back on its own context instead of being torn down from another thread. Its result is then dropped; a retry
     * under the same idempotency key finds whatever it stored.
     * <p>
     * The transaction is made on the context it runs on, and where it runs is decided when it is subscribed to: a
     * caller on an event loop's own context (a timer, as the platform's periodic jobs use) is not on a duplicated
     * context, and Hibernate Reactive refuses a session made there.
     */
    private <T> Uni<T> onVertxContext(Supplier<Uni<T>> transaction) {
        return Uni.createFrom().emitter(emitter -> {
            if (VertxContext.isOnDuplicatedContext()) {
                transaction.get().subscribe().with(emitter::complete, emitter::fail);
                return;
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> transaction.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}

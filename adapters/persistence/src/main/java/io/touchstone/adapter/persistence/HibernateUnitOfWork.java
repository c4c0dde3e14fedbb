package io.touchstone.adapter.persistence;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.UnitOfWork;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One Hibernate Reactive session and transaction per use case. The repositories join it through
 * {@code withSession}, which finds the session on the current Vert.x context. Work started off a Vert.x thread
 * (tests, schedulers) is moved onto a fresh duplicated context first, as Hibernate Reactive requires.
 */
@ApplicationScoped
public class HibernateUnitOfWork implements UnitOfWork {

    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;

    @Inject
    public HibernateUnitOfWork(Mutiny.SessionFactory sessions, Vertx vertx) {
        this.sessions = sessions;
        this.vertx = vertx;
    }

    @Override
    public <T> Uni<T> transactionally(Supplier<Uni<T>> work) {
        Uni<T> transaction = sessions.withTransaction((session, tx) -> work.get());
        if (VertxContext.isOnDuplicatedContext()) {
            return transaction;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> transaction.subscribe()
                .with(emitter::complete, emitter::fail)));
    }
}

package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.UnitOfWork;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Transactions over in-memory stores: the stores are snapshotted when a transaction starts and put back when it
 * fails or is cancelled, so that a failed transaction leaves no write behind. A transaction started inside another
 * one on the same thread joins it. Transactions of concurrent threads are not isolated from each other.
 */
public class InMemoryUnitOfWork implements UnitOfWork {

    private final List<InMemoryStore> stores;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();

    public InMemoryUnitOfWork(InMemoryStore... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public <T> Uni<T> transactionally(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (inTransaction.get()) {
                return work.get();
            }
            List<Runnable> restore = stores.stream().map(InMemoryStore::snapshot).toList();
            inTransaction.set(true);
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                started = Uni.createFrom().failure(e);
            }
            return started.onTermination().invoke((item, failure, cancelled) -> {
                inTransaction.set(false);
                if (failure != null || cancelled) {
                    restore.reversed().forEach(Runnable::run);
                    rollbacks.incrementAndGet();
                } else {
                    commits.incrementAndGet();
                }
            });
        });
    }

    public int commits() {
        return commits.get();
    }

    public int rollbacks() {
        return rollbacks.get();
    }
}

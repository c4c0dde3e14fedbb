package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Transactions over in-memory stores: the stores are snapshotted when a transaction starts and put back when it
 * fails or is cancelled, so that a failed transaction leaves no write behind. A transaction started inside another
 * one on the same thread joins it, if it is for the same tenant. Transactions of concurrent threads are not isolated
 * from each other. Like the database's row-level security, the fakes show a transaction only its tenant's rows and
 * refuse rows of other tenants (see {@link RowSecurity}); the tenant of every transaction is recorded.
 */
public class InMemoryUnitOfWork implements UnitOfWork {

    private final List<InMemoryStore> stores;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();
    private final List<Optional<TenantId>> tenants = new ArrayList<>();

    public InMemoryUnitOfWork(InMemoryStore... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public <T> Uni<T> transactionally(TenantId tenant, Supplier<Uni<T>> work) {
        Objects.requireNonNull(tenant, "tenant");
        return run(tenant, work);
    }

    @Override
    public <T> Uni<T> transactionallyWithoutTenant(Supplier<Uni<T>> work) {
        return run(null, work);
    }

    private <T> Uni<T> run(TenantId tenant, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (inTransaction.get()) {
                if (!Objects.equals(RowSecurity.tenant(), tenant)) {
                    return Uni.createFrom().failure(new IllegalStateException(
                            "a transaction for " + tenant + " cannot join one for " + RowSecurity.tenant()));
                }
                return work.get();
            }
            List<Runnable> restore = stores.stream().map(InMemoryStore::snapshot).toList();
            inTransaction.set(true);
            RowSecurity.enter(tenant);
            synchronized (tenants) {
                tenants.add(Optional.ofNullable(tenant));
            }
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                started = Uni.createFrom().failure(e);
            }
            return started.onTermination().invoke((item, failure, cancelled) -> {
                inTransaction.set(false);
                RowSecurity.leave();
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

    /** The tenant of every transaction started so far, in order; empty for a transaction without tenant. */
    public List<Optional<TenantId>> tenants() {
        synchronized (tenants) {
            return List.copyOf(tenants);
        }
    }
}

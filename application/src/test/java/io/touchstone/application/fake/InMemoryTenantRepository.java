package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.domain.tenant.TenantStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Tenants in a map; stores and hands out copies, as a database would. */
public class InMemoryTenantRepository implements TenantRepository, InMemoryStore {

    private final Map<TenantId, Tenant> tenants = new HashMap<>();
    private RuntimeException nextAddFails;

    /** The next {@link #add} fails with {@code failure}, as a database could. */
    public synchronized void failNextAdd(RuntimeException failure) {
        nextAddFails = failure;
    }

    @Override
    public Uni<Void> add(Tenant tenant) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (nextAddFails != null) {
                    RuntimeException failure = nextAddFails;
                    nextAddFails = null;
                    throw failure;
                }
                RowSecurity.checkWrite(tenant.id(), "a tenant");
                if (tenants.containsKey(tenant.id())) {
                    throw new IllegalStateException("tenant " + tenant.id() + " is stored already");
                }
                tenants.put(tenant.id(), copy(tenant));
                return null;
            }
        });
    }

    @Override
    public Uni<Optional<Tenant>> find(TenantId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(id)) {
                    return Optional.<Tenant>empty();
                }
                return Optional.ofNullable(tenants.get(id)).map(InMemoryTenantRepository::copy);
            }
        });
    }

    @Override
    public Uni<Void> update(Tenant tenant) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(tenant.id(), "a tenant");
                if (!tenants.containsKey(tenant.id())) {
                    throw new IllegalStateException("tenant " + tenant.id() + " is not stored");
                }
                tenants.put(tenant.id(), copy(tenant));
                return null;
            }
        });
    }

    /** Like the database's security-definer function: across tenants, for authentication. */
    @Override
    public Uni<Optional<TenantStatus>> statusOf(TenantId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                return Optional.ofNullable(tenants.get(id)).map(Tenant::status);
            }
        });
    }

    /** The time zone of a stored tenant, read as storage reads it for its own statistics (no row security). */
    public synchronized Optional<java.time.ZoneId> timeZone(TenantId id) {
        return Optional.ofNullable(tenants.get(id)).map(Tenant::timeZone);
    }

    public synchronized int size() {
        return tenants.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<TenantId, Tenant> saved = new HashMap<>(tenants);
        return () -> {
            synchronized (this) {
                tenants.clear();
                tenants.putAll(saved);
            }
        };
    }

    private static Tenant copy(Tenant tenant) {
        return Tenant.rehydrate(tenant.id(), tenant.name(), tenant.timeZone().getId(),
                Timestamps.asStored(tenant.createdAt()), tenant.status());
    }
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.TenantId;
import java.util.function.Supplier;

/**
 * Runs one use case's reads and writes as one transaction: all of its writes land, or none does. A transaction works
 * for one tenant: storage shows it only that tenant's rows and refuses rows of any other tenant, whatever the
 * repositories ask for (row-level security behind their own filtering).
 */
public interface UnitOfWork {

    /** Runs {@code work} as one transaction for {@code tenant}. */
    <T> Uni<T> transactionally(TenantId tenant, Supplier<Uni<T>> work);

    /**
     * Runs {@code work} as one transaction for no tenant, for the steps that come before a tenant is known: finding
     * an API key by its public lookup id. No tenant's rows are visible or writable otherwise.
     */
    <T> Uni<T> transactionallyWithoutTenant(Supplier<Uni<T>> work);
}

package io.touchstone.application.fake;

import io.touchstone.domain.tenant.TenantId;
import java.util.Objects;

/**
 * The fakes' stand-in for the database's row-level security: inside an in-memory transaction, tenant-scoped reads
 * see only the rows of the transaction's tenant (none when it has no tenant) and writes of another tenant's rows are
 * refused, so that a service that runs its work for the wrong tenant fails its tests. Calls made outside any
 * transaction, as tests make to seed or inspect a fake directly, are not checked.
 */
final class RowSecurity {

    /** The tenant a transaction works for; {@code tenant} is null for a transaction without tenant. */
    private record Scope(TenantId tenant) {
    }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private RowSecurity() {
    }

    static boolean inTransaction() {
        return CURRENT.get() != null;
    }

    /** The tenant of the transaction on this thread; null without tenant or outside any transaction. */
    static TenantId tenant() {
        Scope scope = CURRENT.get();
        return scope == null ? null : scope.tenant();
    }

    static void enter(TenantId tenant) {
        CURRENT.set(new Scope(tenant));
    }

    static void leave() {
        CURRENT.remove();
    }

    /** Whether a row of {@code rowTenant} is visible to the transaction on this thread. */
    static boolean visible(TenantId rowTenant) {
        Scope scope = CURRENT.get();
        return scope == null || Objects.equals(scope.tenant(), rowTenant);
    }

    /** Refuses to write a row of {@code rowTenant} in a transaction for another tenant or for none. */
    static void checkWrite(TenantId rowTenant, String what) {
        if (!visible(rowTenant)) {
            throw new IllegalStateException("row-level security refuses " + what + " of tenant " + rowTenant
                    + " in a transaction for " + (tenant() == null ? "no tenant" : "tenant " + tenant()));
        }
    }
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.tenant.TenantId;
import java.util.List;

/**
 * Each tenant's append-only audit log. Appending joins the current transaction, so an entry lands together with the
 * action it records, or not at all. There is no way to change or remove an entry.
 */
public interface AuditLog {

    Uni<Void> append(AuditEvent event);

    /**
     * The tenant's entries newest first (descending id): at most {@code page.limit()} entries whose id is less than
     * {@code page.after()} when given.
     */
    Uni<List<AuditEvent>> list(TenantId tenantId, KeysetPage page);
}

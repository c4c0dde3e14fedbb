package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.audit.AuditEvent;

/** A tenant's admin reads its audit log (scope {@code keys:admin}), newest entry first. */
public interface ReadAuditLogUseCase {

    Uni<Page<AuditEvent>> list(Caller caller, PageRequest page);
}

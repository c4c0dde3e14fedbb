package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.in.ReadAuditLogUseCase;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.tenant.Scope;

public final class AuditLogService implements ReadAuditLogUseCase {

    private final AuditLog log;
    private final UnitOfWork unitOfWork;

    public AuditLogService(AuditLog log, UnitOfWork unitOfWork) {
        this.log = log;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Uni<Page<AuditEvent>> list(Caller caller, PageRequest page) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.KEYS_ADMIN))
                .flatMap(tenant -> unitOfWork.transactionally(tenant,
                        () -> log.list(tenant, Cursors.keyset(page))))
                .map(events -> Cursors.page(events, page, AuditEvent::id));
    }
}

package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;

/** How the services record an administrative action: inside the action's own transaction, after its writes. */
final class AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    Uni<Void> record(Caller caller, TenantId tenant, AuditAction action, Object target) {
        return Uni.createFrom().deferred(() -> log.append(new AuditEvent(Ids.next(clock), tenant, clock.instant(),
                caller.principal(), action, target.toString(), Optional.ofNullable(caller.remoteAddress()))));
    }
}

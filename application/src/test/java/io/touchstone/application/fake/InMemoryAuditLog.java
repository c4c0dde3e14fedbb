package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Audit entries in a list that only grows (but for a failed transaction's, which are rolled back). */
public class InMemoryAuditLog implements AuditLog, InMemoryStore {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public Uni<Void> append(AuditEvent event) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(event.tenantId(), "an audit event");
                if (events.stream().anyMatch(stored -> stored.tenantId().equals(event.tenantId())
                        && stored.id().equals(event.id()))) {
                    throw new IllegalStateException("audit event " + event.id() + " is stored already");
                }
                events.add(asStored(event));
                return null;
            }
        });
    }

    @Override
    public Uni<List<AuditEvent>> list(TenantId tenantId, KeysetPage page) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return List.<AuditEvent>of();
                }
                return events.stream()
                        .filter(event -> event.tenantId().equals(tenantId))
                        .filter(event -> page.after().map(after -> UuidOrder.AS_STORED.compare(event.id(), after) < 0)
                                .orElse(true))
                        .sorted(Comparator.comparing(AuditEvent::id, UuidOrder.AS_STORED).reversed())
                        .limit(page.limit())
                        .toList();
            }
        });
    }

    /** Every entry of every tenant, in the order they were appended. */
    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }

    @Override
    public synchronized Runnable snapshot() {
        List<AuditEvent> saved = new ArrayList<>(events);
        return () -> {
            synchronized (this) {
                events.clear();
                events.addAll(saved);
            }
        };
    }

    private static AuditEvent asStored(AuditEvent event) {
        return new AuditEvent(event.id(), event.tenantId(), Timestamps.asStored(event.occurredAt()), event.principal(),
                event.action(), event.targetId(), event.remoteAddress());
    }
}

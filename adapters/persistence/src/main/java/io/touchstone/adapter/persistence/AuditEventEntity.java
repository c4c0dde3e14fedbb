package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "audit_event")
@IdClass(TenantScopedKey.class)
class AuditEventEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(nullable = false)
    String principal;

    @Column(nullable = false)
    String action;

    @Column(name = "target_id", nullable = false)
    String targetId;

    @Column(name = "remote_address")
    String remoteAddress;
}

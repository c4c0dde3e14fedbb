package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "customer_lifecycle_event")
@IdClass(TenantScopedKey.class)
class LifecycleEventEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(name = "event_id", nullable = false)
    String eventId;

    @Column(name = "customer_ref", nullable = false)
    String customerRef;

    /** A {@code LifecycleKind} name. */
    @Column(nullable = false)
    String kind;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, String> attributes;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;
}

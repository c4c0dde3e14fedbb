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
@Table(name = "interaction")
@IdClass(TenantScopedKey.class)
class InteractionEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(name = "event_id", nullable = false)
    String eventId;

    @Column(name = "touchpoint_id", nullable = false)
    UUID touchpointId;

    @Column(name = "customer_ref", nullable = false)
    String customerRef;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    /** An {@code Outcome} name. */
    @Column(nullable = false)
    String outcome;

    /** Microseconds; null when not reported. */
    @Column(name = "duration_us")
    Long durationMicros;

    String employee;

    String team;

    String location;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, String> attributes;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;
}

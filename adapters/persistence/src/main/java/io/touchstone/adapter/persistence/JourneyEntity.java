package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "journey")
@IdClass(TenantScopedKey.class)
class JourneyEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(nullable = false)
    String name;

    String description;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}

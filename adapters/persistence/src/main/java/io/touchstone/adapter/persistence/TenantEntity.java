package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant")
class TenantEntity {

    @Id
    UUID id;

    @Column(nullable = false)
    String name;

    @Column(name = "time_zone", nullable = false)
    String timeZone;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** {@code active}, {@code suspended} or {@code deleted} (V5). */
    @Column(nullable = false)
    String status;
}

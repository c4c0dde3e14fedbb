package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "journey_stage")
@IdClass(TenantScopedKey.class)
class JourneyStageEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(name = "journey_id", nullable = false)
    UUID journeyId;

    /** Place in the journey, from 0. */
    @Column(name = "position", nullable = false)
    int ordinal;

    @Column(nullable = false)
    String name;
}

package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "touchpoint")
@IdClass(TenantScopedKey.class)
class TouchpointEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(name = "journey_id", nullable = false)
    UUID journeyId;

    @Column(name = "stage_id", nullable = false)
    UUID stageId;

    /** Place in the stage, from 0. */
    @Column(name = "position", nullable = false)
    int ordinal;

    @Column(nullable = false)
    String name;

    /** A {@code Channel} name. */
    @Column(nullable = false)
    String channel;

    /** A {@code TouchpointStatus} name. */
    @Column(nullable = false)
    String status;

    @Column(name = "retired_at")
    Instant retiredAt;

    @Column(name = "survey_id")
    UUID surveyId;
}

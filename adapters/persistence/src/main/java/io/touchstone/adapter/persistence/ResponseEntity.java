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
@Table(name = "response")
@IdClass(TenantScopedKey.class)
class ResponseEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(name = "survey_id", nullable = false)
    UUID surveyId;

    @Column(name = "survey_version", nullable = false)
    int surveyVersion;

    @Column(nullable = false)
    String language;

    /** A {@code Channel} name; null when the response did not say. */
    String channel;

    @Column(name = "respondent_ref")
    String respondentRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, String> metadata;

    @Column(name = "submitted_at", nullable = false)
    Instant submittedAt;

    @Column(name = "idempotency_key", nullable = false)
    String idempotencyKey;

    @Column(nullable = false)
    String fingerprint;

    /** The interaction the response is about, and the copies it inherited from it; all null when it named none. */
    @Column(name = "interaction_id")
    UUID interactionId;

    @Column(name = "journey_id")
    UUID journeyId;

    @Column(name = "stage_id")
    UUID stageId;

    @Column(name = "touchpoint_id")
    UUID touchpointId;

    /** A {@code Channel} name: the touchpoint's, whatever channel the response itself names. */
    @Column(name = "touchpoint_channel")
    String touchpointChannel;

    String employee;

    String team;

    String location;
}

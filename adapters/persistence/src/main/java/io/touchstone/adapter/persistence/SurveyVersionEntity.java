package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "survey_version")
@IdClass(SurveyVersionEntity.Key.class)
class SurveyVersionEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    @Column(name = "survey_id")
    UUID surveyId;

    @Id
    int version;

    @Column(nullable = false)
    String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    SurveyContentDocument content;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "published_at")
    Instant publishedAt;

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        UUID tenantId;
        UUID surveyId;
        int version;

        public Key() {
        }

        Key(UUID tenantId, UUID surveyId, int version) {
            this.tenantId = tenantId;
            this.surveyId = surveyId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(surveyId, key.surveyId) && version == key.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, surveyId, version);
        }
    }
}

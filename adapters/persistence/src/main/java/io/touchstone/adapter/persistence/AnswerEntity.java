package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "answer")
@IdClass(AnswerEntity.Key.class)
class AnswerEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    @Column(name = "response_id")
    UUID responseId;

    @Id
    @Column(name = "question_id")
    String questionId;

    @Column(nullable = false)
    int position;

    @Column(name = "survey_id", nullable = false)
    UUID surveyId;

    @Column(name = "survey_version", nullable = false)
    int surveyVersion;

    Integer score;

    @Column(name = "text_value")
    String textValue;

    String choice;

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        UUID tenantId;
        UUID responseId;
        String questionId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(responseId, key.responseId) && Objects.equals(questionId, key.questionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, responseId, questionId);
        }
    }
}

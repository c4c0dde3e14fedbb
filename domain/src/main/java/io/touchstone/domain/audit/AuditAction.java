package io.touchstone.domain.audit;

/** The administrative actions the audit log records, with the names both APIs show. */
public enum AuditAction {
    TENANT_CREATED("tenant.created"),
    TENANT_SUSPENDED("tenant.suspended"),
    TENANT_DELETED("tenant.deleted"),
    API_KEY_CREATED("api-key.created"),
    API_KEY_REVOKED("api-key.revoked"),
    API_KEY_ROTATED("api-key.rotated"),
    SURVEY_PUBLISHED("survey.published"),
    JOURNEY_CREATED("journey.created"),
    TOUCHPOINT_RETIRED("touchpoint.retired");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

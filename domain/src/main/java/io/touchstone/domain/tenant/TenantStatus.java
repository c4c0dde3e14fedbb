package io.touchstone.domain.tenant;

/** Whether a tenant's credentials are accepted: only an active tenant's API keys and client authenticate. */
public enum TenantStatus {
    ACTIVE,
    /** Its API keys and its identity-provider client are disabled; its data stays. */
    SUSPENDED,
    /** Its identity-provider client is removed and its API keys are refused; the rows are kept for now. */
    DELETED
}

package io.touchstone.domain.audit;

import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a tenant's append-only audit log: who ({@code principal}: an API key id like {@code api-key:<uuid>}
 * or a token subject, never a secret) did what ({@code action} on {@code targetId}), when, and from which network
 * address as the inbound adapter saw it (absent when unknown). Entries are never changed once written.
 */
public record AuditEvent(UUID id, TenantId tenantId, Instant occurredAt, String principal, AuditAction action,
        String targetId, Optional<String> remoteAddress) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetId, "targetId");
        remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress").filter(a -> !a.isBlank());
    }
}

package io.touchstone.adapter.rest;

import io.touchstone.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the tenant's audit log. */
public record AuditEventView(
        UUID id,
        @Schema(enumeration = {"tenant.created", "api-key.created", "api-key.revoked", "api-key.rotated",
                "survey.published"})
        String action,
        @Schema(description = "Id of what the action was done to: the tenant, API key (for a rotation: "
                + "the rotated key) or survey")
        String targetId,
        @Schema(description = "Who: the API key (api-key:<id>) or the token subject", examples = "api-key:0190…")
        String principal,
        Instant occurredAt,
        @Schema(description = "The client's network address as the service saw it; null when unknown")
        String remoteAddress) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id(), event.action().wireName(), event.targetId(), event.principal(),
                Timestamps.of(event.occurredAt()), event.remoteAddress().orElse(null));
    }
}

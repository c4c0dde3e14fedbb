package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.domain.tenant.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just created: the {@link ApiKeyView} fields and the secret, which is never shown again. */
public record IssuedApiKeyView(
        UUID id,
        String name,
        List<String> scopes,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        @Schema(enumeration = {"ACTIVE", "EXPIRED", "REVOKED"}) String state,
        @Schema(description = "The whole key, to send as X-API-Key; shown only in this answer")
        String secret) {

    static IssuedApiKeyView of(IssuedApiKey issued, Instant now) {
        ApiKey key = issued.key();
        return new IssuedApiKeyView(key.id().value(), key.name(), ApiKeyView.scopes(key), ApiKeyView.prefix(key),
                Timestamps.of(key.createdAt()), Timestamps.of(key.expiresAt().orElse(null)),
                Timestamps.of(key.revokedAt().orElse(null)),
                key.stateAt(now).name(), issued.secret());
    }

    @Override
    public String toString() {
        return "IssuedApiKeyView[id=" + id + ", prefix=" + prefix + "]";
    }
}

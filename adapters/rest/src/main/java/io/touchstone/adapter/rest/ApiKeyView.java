package io.touchstone.adapter.rest;

import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.Scope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as its tenant sees it: never its secret. */
public record ApiKeyView(
        UUID id,
        String name,
        @Schema(examples = "[\"surveys:read\",\"responses:write\"]") List<String> scopes,
        @Schema(description = "The public start of the key (tsk_<lookup id>), to recognise it by")
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        @Schema(description = "When the key last authenticated a request; stored in batches, so it may lag by up to"
                + " the flush interval (30 s by default); null if never")
        Instant lastUsedAt,
        @Schema(enumeration = {"ACTIVE", "EXPIRED", "REVOKED"}) String state) {

    /** Keys read {@code tsk_<lookup id>_<secret>}; the part before the secret is public and names the key. */
    private static final String KEY_PREFIX = "tsk_";

    static ApiKeyView of(ApiKey key, Instant now) {
        return new ApiKeyView(key.id().value(), key.name(), scopes(key), prefix(key), Timestamps.of(key.createdAt()),
                Timestamps.of(key.expiresAt().orElse(null)), Timestamps.of(key.revokedAt().orElse(null)),
                Timestamps.of(key.lastUsedAt().orElse(null)), key.stateAt(now).name());
    }

    static List<String> scopes(ApiKey key) {
        return key.scopes().stream().sorted().map(Scope::wireName).toList();
    }

    static String prefix(ApiKey key) {
        return KEY_PREFIX + key.lookupId();
    }
}

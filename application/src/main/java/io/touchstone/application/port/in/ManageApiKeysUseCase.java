package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.ApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's admin creates, lists, rotates and revokes its API keys (scope {@code keys:admin}). */
public interface ManageApiKeysUseCase {

    record CreateApiKeyCommand(String name, List<String> scopes, Instant expiresAt) {
    }

    Uni<IssuedApiKey> create(Caller caller, CreateApiKeyCommand command);

    Uni<List<ApiKey>> list(Caller caller);

    Uni<ApiKey> revoke(Caller caller, UUID keyId);

    /** {@code overlap} null means {@link ApiKey#DEFAULT_ROTATION_OVERLAP}. */
    record RotateApiKeyCommand(UUID keyId, Duration overlap) {
    }

    /** The successor (a new key with its secret, shown once) and the rotated key, now expiring. */
    record RotatedApiKey(IssuedApiKey successor, ApiKey previous) {
    }

    /**
     * Issues a new key with the same name, scopes and expiry as {@code keyId}, which keeps working for the overlap
     * window only, so that integrations can switch to the new secret without an outage.
     */
    Uni<RotatedApiKey> rotate(Caller caller, RotateApiKeyCommand command);
}

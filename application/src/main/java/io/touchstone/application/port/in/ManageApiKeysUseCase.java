package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's admin creates, lists and revokes its API keys (scope {@code keys:admin}). */
public interface ManageApiKeysUseCase {

    record CreateApiKeyCommand(String name, List<String> scopes, Instant expiresAt) {
    }

    Uni<IssuedApiKey> create(Caller caller, CreateApiKeyCommand command);

    Uni<List<ApiKey>> list(Caller caller);

    Uni<ApiKey> revoke(Caller caller, UUID keyId);
}

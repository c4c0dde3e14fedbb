package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.ManageApiKeysUseCase.RotatedApiKey;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rotation: the new key with its secret (shown once) and the old key, which now expires after the overlap. */
public record RotatedApiKeyView(
        @Schema(description = "The successor, with the same name, scopes and expiry") IssuedApiKeyView apiKey,
        @Schema(description = "The rotated key; expiresAt is the end of the overlap") ApiKeyView previous) {

    static RotatedApiKeyView of(RotatedApiKey rotated, Instant now) {
        return new RotatedApiKeyView(IssuedApiKeyView.of(rotated.successor(), now),
                ApiKeyView.of(rotated.previous(), now));
    }
}

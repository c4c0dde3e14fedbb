package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.ManageApiKeysUseCase.RotateApiKeyCommand;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RotateApiKeyRequest(
        @Schema(description = "How long the old key keeps working, 1..604800 seconds (7 days); default 86400 (24 h)",
                examples = "3600") Long overlapSeconds) {

    static RotateApiKeyCommand toCommand(RotateApiKeyRequest body, UUID keyId) {
        Long seconds = body == null ? null : body.overlapSeconds();
        return new RotateApiKeyCommand(keyId, seconds == null ? null : Duration.ofSeconds(seconds));
    }
}

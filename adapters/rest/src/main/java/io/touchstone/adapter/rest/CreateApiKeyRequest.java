package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateApiKeyRequest(
        @Schema(examples = "CRM integration") String name,
        @Schema(description = "keys:admin, surveys:read, surveys:write, responses:write, responses:read, "
                + "metrics:read", examples = "[\"surveys:read\",\"responses:write\"]") List<String> scopes,
        @Schema(description = "Optional end of validity", examples = "2027-01-01T00:00:00Z") Instant expiresAt) {

    CreateApiKeyCommand toCommand() {
        return new CreateApiKeyCommand(name, scopes, expiresAt);
    }
}

package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionTenantCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ProvisionTenantRequest(
        @Schema(examples = "Acme") String name,
        @Schema(description = "IANA time zone", examples = "Europe/Prague") String timeZone) {

    ProvisionTenantCommand toCommand() {
        return new ProvisionTenantCommand(name, timeZone);
    }
}

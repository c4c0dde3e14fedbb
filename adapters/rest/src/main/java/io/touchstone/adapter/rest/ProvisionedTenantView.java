package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new tenant and its first API key, which holds every scope; the key's secret is shown this one time. */
public record ProvisionedTenantView(
        TenantView tenant,
        @Schema(description = "The tenant's first key, with every scope; its secret is shown only here")
        IssuedApiKeyView apiKey) {

    static ProvisionedTenantView of(ProvisionedTenant provisioned, Instant now) {
        return new ProvisionedTenantView(TenantView.of(provisioned.tenant()),
                IssuedApiKeyView.of(provisioned.adminKey(), now));
    }
}

package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new tenant, its first API key, which holds every scope, and its client at the identity provider; both secrets are
 * shown this one time.
 */
public record ProvisionedTenantView(
        TenantView tenant,
        @Schema(description = "The tenant's first key, with every scope; its secret is shown only here")
        IssuedApiKeyView apiKey,
        @Schema(description = "The tenant's confidential client at the identity provider (client-credentials grant) "
                + "for its server-side integrations; its secret is shown only here. Absent when the service has no "
                + "identity provider configured", nullable = true)
        ClientView client) {

    /** A client id and its secret. */
    public record ClientView(String clientId, String secret) {
    }

    static ProvisionedTenantView of(ProvisionedTenant provisioned, Instant now) {
        return new ProvisionedTenantView(TenantView.of(provisioned.tenant()),
                IssuedApiKeyView.of(provisioned.adminKey(), now),
                provisioned.client().map(client -> new ClientView(client.clientId(), client.secret())).orElse(null));
    }
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenants' own clients at the identity provider (Keycloak): a confidential client per tenant whose
 * client-credentials tokens act for that tenant. Every operation fails with {@code Unavailable}
 * ({@code identity.unavailable}) when the provider cannot be reached or refuses it. Secrets are never logged.
 */
public interface TenantIdentities {

    /**
     * Creates the tenant's client and returns its credentials, the only time the secret is handed out; empty when no
     * identity provider is configured.
     */
    Uni<Optional<ClientCredentials>> create(TenantId tenant);

    /** Disables the tenant's client (no more tokens); nothing to do when it has none. */
    Uni<Void> disable(TenantId tenant);

    /** Removes the tenant's client; nothing to do when it has none. */
    Uni<Void> delete(TenantId tenant);

    /** A client id and its secret; {@link #toString()} leaves the secret out. */
    record ClientCredentials(String clientId, String secret) {

        public ClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", secret=…]";
        }
    }
}

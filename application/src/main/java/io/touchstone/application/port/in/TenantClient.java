package io.touchstone.application.port.in;

import java.util.Objects;

/**
 * A tenant's client at the identity provider, as just created: its id and its secret, shown this one time.
 * {@link #toString()} leaves the secret out.
 */
public record TenantClient(String clientId, String secret) {

    public TenantClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "TenantClient[clientId=" + clientId + ", secret=…]";
    }
}

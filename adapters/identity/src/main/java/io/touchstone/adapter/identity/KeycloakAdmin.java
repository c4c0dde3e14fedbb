package io.touchstone.adapter.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Touchstone reaches the Keycloak admin API to manage tenants' clients.
 *
 * @param baseUrl      Keycloak's root URL, e.g. {@code https://sso.example.com} (the admin API lies under
 *                     {@code /admin/realms/<realm>})
 * @param realm        the realm of the tenants' clients, which also holds the admin client
 * @param clientId     a confidential client of that realm with a service account holding the {@code realm-management}
 *                     roles {@code manage-clients}, {@code view-clients}, {@code manage-users} and {@code view-realm}
 * @param clientSecret its secret; left out of {@link #toString()}
 * @param audience     the audience the tenants' tokens must carry
 * @param tenantClaim  the claim that names a token's tenant
 * @param timeout      the longest wait for one answer of Keycloak
 */
public record KeycloakAdmin(URI baseUrl, String realm, String clientId, String clientSecret, String audience,
        String tenantClaim, Duration timeout) {

    public KeycloakAdmin {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        Objects.requireNonNull(timeout, "timeout");
    }

    String realmUrl() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + "/realms/" + realm;
    }

    String adminUrl() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + "/admin/realms/" + realm;
    }

    @Override
    public String toString() {
        return "KeycloakAdmin[baseUrl=" + baseUrl + ", realm=" + realm + ", clientId=" + clientId + ", clientSecret=…]";
    }
}

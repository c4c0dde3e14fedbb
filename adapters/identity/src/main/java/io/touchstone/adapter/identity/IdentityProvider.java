package io.touchstone.adapter.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where access tokens come from and what they must say.
 *
 * @param issuer        the {@code iss} every token must carry, e.g. {@code https://sso.example.com/realms/touchstone}
 * @param jwksUrl       where the issuer publishes its signing keys (JWKS)
 * @param audience      an {@code aud} every token must include
 * @param clockSkew     tolerance when checking {@code exp} and {@code nbf}
 * @param tenantClaim   the claim naming the tenant of a service token
 * @param keysRefetchAfter the least time between two fetches of the keys (a token signed with an unknown key id
 *                      triggers one, so that rotated keys are picked up but random key ids cannot flood the issuer)
 */
public record IdentityProvider(String issuer, URI jwksUrl, String audience, Duration clockSkew, String tenantClaim,
        Duration keysRefetchAfter) {

    public IdentityProvider {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        Objects.requireNonNull(keysRefetchAfter, "keysRefetchAfter");
    }

    /** Keycloak publishes a realm's keys at {@code <issuer>/protocol/openid-connect/certs}. */
    public static URI keycloakJwksUrl(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/protocol/openid-connect/certs");
    }
}

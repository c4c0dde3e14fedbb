package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an access token issued by the service's identity provider (signature against the provider's keys,
 * issuer, audience, expiry) and hands back its claims. Fails with {@code Unauthenticated}: {@code auth.token-expired}
 * for an expired token, {@code auth.token-invalid} for any other defect, {@code auth.tokens-disabled} when no
 * identity provider is configured. Never logs or repeats the token.
 */
public interface TokenVerifier {

    Uni<VerifiedToken> verify(String token);

    /** The claims of a verified token that Touchstone uses. */
    record VerifiedToken(String subject, Set<String> roles, Optional<String> tenantId) {

        public VerifiedToken {
            Objects.requireNonNull(subject, "subject");
            roles = Set.copyOf(roles);
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }
}

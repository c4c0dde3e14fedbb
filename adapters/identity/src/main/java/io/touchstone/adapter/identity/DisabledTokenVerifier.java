package io.touchstone.adapter.identity;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.out.TokenVerifier;

/** No identity provider is configured: every access token is refused; API keys and the operator token still work. */
public final class DisabledTokenVerifier implements TokenVerifier {

    @Override
    public Uni<VerifiedToken> verify(String token) {
        return Uni.createFrom().failure(new Unauthenticated("auth.tokens-disabled",
                "access tokens are not accepted: no identity provider is configured (touchstone.identity.issuer)"));
    }
}

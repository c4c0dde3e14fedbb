package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.out.TokenVerifier;
import java.util.HashMap;
import java.util.Map;

/** Knows the tokens it was told about; any other token is invalid. */
public final class FakeTokenVerifier implements TokenVerifier {

    private final Map<String, Uni<VerifiedToken>> answers = new HashMap<>();

    /** A token that verifies to {@code claims}. */
    public FakeTokenVerifier accept(String token, VerifiedToken claims) {
        answers.put(token, Uni.createFrom().item(claims));
        return this;
    }

    /** A token that fails with {@code code}, e.g. {@code auth.token-expired}. */
    public FakeTokenVerifier refuse(String token, String code) {
        answers.put(token, Uni.createFrom().failure(new Unauthenticated(code, "refused: " + code)));
        return this;
    }

    @Override
    public Uni<VerifiedToken> verify(String token) {
        return answers.getOrDefault(token,
                Uni.createFrom().failure(new Unauthenticated("auth.token-invalid", "the bearer token is not valid")));
    }
}

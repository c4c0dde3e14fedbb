package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;

/** Turns a presented credential into a {@link Caller}, or fails with {@code Unauthenticated}. */
public interface AuthenticateUseCase {

    /** An API key as presented in {@code X-API-Key} / {@code x-api-key}; null or blank means none was presented. */
    Uni<Caller> byApiKey(String presentedKey);

    /** The operator bearer token of the service's configuration. */
    Caller byOperatorToken(String presentedToken);
}

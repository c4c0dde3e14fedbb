package io.touchstone.application.error;

import java.time.Duration;

/** The caller asks too often; it may try again after {@link #retryAfter()}. */
public final class RateLimited extends AccessException {

    private final Duration retryAfter;

    public RateLimited(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

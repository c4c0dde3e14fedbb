package io.touchstone.application.error;

/**
 * A system the use case depends on (the identity provider) could not be reached or refused the request; nothing was
 * changed, and the caller may try again later. Carries a stable {@link #code()} such as {@code identity.unavailable}.
 */
public final class Unavailable extends RuntimeException {

    private final String code;

    public Unavailable(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

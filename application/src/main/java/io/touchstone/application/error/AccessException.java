package io.touchstone.application.error;

/** The caller may not do what it asked: who it is is unknown, it lacks a permission, or it asks too often. */
public abstract sealed class AccessException extends RuntimeException
        permits Unauthenticated, Forbidden, RateLimited {

    private final String code;

    protected AccessException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public final String code() {
        return code;
    }
}

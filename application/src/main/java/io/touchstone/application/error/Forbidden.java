package io.touchstone.application.error;

/** The caller is known but lacks the permission (scope or role) the operation needs. */
public final class Forbidden extends AccessException {

    public Forbidden(String code, String message) {
        super(code, message);
    }
}

package io.touchstone.application.error;

/** No valid credential was presented. The message never repeats the credential. */
public final class Unauthenticated extends AccessException {

    public Unauthenticated(String code, String message) {
        super(code, message);
    }
}

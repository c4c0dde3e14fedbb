package io.touchstone.domain.shared.error;

/** The thing asked for does not exist for the caller (also used for things of another tenant). */
public final class NotFound extends DomainException {

    public NotFound(String code, String message) {
        super(code, message);
    }
}

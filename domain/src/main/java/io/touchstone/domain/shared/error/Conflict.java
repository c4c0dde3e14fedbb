package io.touchstone.domain.shared.error;

/** The operation clashes with something that exists already (for example a reused idempotency key). */
public final class Conflict extends DomainException {

    public Conflict(String code, String message) {
        super(code, message);
    }
}

package io.touchstone.domain.shared.error;

/**
 * The thing asked for does not exist for the caller (also used for things of another tenant). When a field of the
 * request named it (rather than the path), {@link #field()} says which.
 */
public final class NotFound extends DomainException {

    private final String field;

    public NotFound(String code, String message) {
        this(code, message, "");
    }

    public NotFound(String code, String message, String field) {
        super(code, message);
        this.field = field == null ? "" : field;
    }

    /** The request field that named the missing thing, e.g. {@code interactionEventId}; empty when none did. */
    public String field() {
        return field;
    }
}

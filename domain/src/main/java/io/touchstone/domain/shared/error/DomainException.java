package io.touchstone.domain.shared.error;

/**
 * A failure the domain reports on purpose. Every failure has a stable {@link #code()} (for example
 * {@code survey.not-published}) that clients can rely on; the message is for humans and may change.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidValue, NotFound, RuleViolated, Conflict {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public final String code() {
        return code;
    }
}

package io.touchstone.domain.shared.error;

/** The input is well formed, but the current state does not allow the operation. */
public final class RuleViolated extends DomainException {

    public RuleViolated(String code, String message) {
        super(code, message);
    }
}

package io.touchstone.domain.interaction;

/**
 * The tenant's own pseudonymous reference of a customer (no personal data needed): 1-128 characters, no control
 * characters, kept exactly as given.
 */
public record CustomerRef(String value) {

    public CustomerRef {
        value = Refs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

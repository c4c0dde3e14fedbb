package io.touchstone.domain.interaction;

/** The tenant's reference of where an interaction happened (a store, a branch): 1-128 characters, no controls. */
public record LocationRef(String value) {

    public LocationRef {
        value = Refs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

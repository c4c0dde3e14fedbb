package io.touchstone.domain.interaction;

/** The tenant's reference of an employee or a team that served an interaction: 1-128 characters, no controls. */
public record StaffRef(String value) {

    public StaffRef {
        value = Refs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

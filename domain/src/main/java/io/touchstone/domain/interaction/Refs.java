package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.error.InvalidValue;

/** The checks shared by the references an event carries: customer, employee, team, location. */
final class Refs {

    static final int MAX_LENGTH = 128;

    private Refs() {
    }

    /** Refuses null, blank, more than 128 characters and control characters; the value is kept as given. */
    static String check(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("", "value.required", "must not be empty");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValue("", "value.too-long", "must have at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue("", "value.control-character", "must not contain control characters");
        }
        return value;
    }
}

package io.touchstone.domain.shared;

import io.touchstone.domain.shared.error.InvalidValue;

/** Checks shared by the value objects that hold user-supplied text. */
public final class Text {

    private Text() {
    }

    /** Returns {@code value} stripped; refuses null, blank or longer than {@code maxLength} characters. */
    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, "value.required", "must not be empty");
        }
        return bounded(field, value.strip(), maxLength);
    }

    /** Like {@link #required} but null stays null. */
    public static String optional(String field, String value, int maxLength) {
        return value == null ? null : required(field, value, maxLength);
    }

    public static String bounded(String field, String value, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidValue(field, "value.too-long", "must have at most " + maxLength + " characters");
        }
        return value;
    }
}

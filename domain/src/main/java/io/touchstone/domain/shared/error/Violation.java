package io.touchstone.domain.shared.error;

import java.util.Objects;

/**
 * One reason why a value was refused: which field (a path such as {@code questions[2].scale}, empty for the
 * whole input), a stable code and a human-readable description.
 */
public record Violation(String field, String code, String description) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }

    Violation under(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        if (field.isEmpty()) {
            return new Violation(prefix, code, description);
        }
        String separator = field.startsWith("[") ? "" : ".";
        return new Violation(prefix + separator + field, code, description);
    }
}

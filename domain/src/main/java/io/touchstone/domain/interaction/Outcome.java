package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.error.InvalidValue;

/** How an interaction ended: handled to its end, or given up by the customer (a dropped call, a left chat). */
public enum Outcome {
    COMPLETED, ABANDONED;

    /** The outcome named {@code name}; {@code interaction.outcome-unknown} otherwise. */
    public static Outcome parse(String name) {
        if (name == null) {
            throw new InvalidValue("", "value.required", "must not be empty");
        }
        for (Outcome outcome : values()) {
            if (outcome.name().equals(name)) {
                return outcome;
            }
        }
        throw new InvalidValue("", "interaction.outcome-unknown", "'" + name + "' is not COMPLETED or ABANDONED");
    }
}

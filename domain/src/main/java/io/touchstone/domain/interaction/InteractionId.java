package io.touchstone.domain.interaction;

import java.util.Objects;
import java.util.UUID;

public record InteractionId(UUID value) {

    public InteractionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

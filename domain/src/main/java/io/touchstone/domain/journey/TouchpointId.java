package io.touchstone.domain.journey;

import java.util.Objects;
import java.util.UUID;

public record TouchpointId(UUID value) {

    public TouchpointId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

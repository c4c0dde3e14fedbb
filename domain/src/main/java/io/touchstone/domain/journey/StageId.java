package io.touchstone.domain.journey;

import java.util.Objects;
import java.util.UUID;

public record StageId(UUID value) {

    public StageId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

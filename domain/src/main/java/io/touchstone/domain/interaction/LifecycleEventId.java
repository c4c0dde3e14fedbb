package io.touchstone.domain.interaction;

import java.util.Objects;
import java.util.UUID;

public record LifecycleEventId(UUID value) {

    public LifecycleEventId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

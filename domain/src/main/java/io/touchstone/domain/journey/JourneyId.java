package io.touchstone.domain.journey;

import java.util.Objects;
import java.util.UUID;

public record JourneyId(UUID value) {

    public JourneyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package io.touchstone.domain.response;

import java.util.Objects;
import java.util.UUID;

public record ResponseId(UUID value) {

    public ResponseId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package io.touchstone.application.port.out;

import java.util.Optional;
import java.util.UUID;

/** A page asked of storage: at most {@code limit} rows whose id is greater than {@code after}, in id order. */
public record KeysetPage(int limit, Optional<UUID> after) {
}

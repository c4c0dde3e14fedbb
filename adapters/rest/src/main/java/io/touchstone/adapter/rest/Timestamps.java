package io.touchstone.adapter.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the API shows them: to the microsecond, the precision they are stored with. A freshly created object
 * and the same object read back later (or replayed) therefore look the same.
 */
final class Timestamps {

    private Timestamps() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package io.touchstone.application.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PostgreSQL keeps {@code timestamptz} to the microsecond; the fakes keep instants the same way. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant asStored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}

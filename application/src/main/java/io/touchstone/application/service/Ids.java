package io.touchstone.application.service;

import io.touchstone.domain.shared.UuidV7;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Time-ordered identifiers for new aggregates. */
final class Ids {

    private Ids() {
    }

    static UUID next(Clock clock) {
        return UuidV7.generate(clock.instant(), ThreadLocalRandom.current());
    }
}

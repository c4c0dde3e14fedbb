package io.touchstone.adapter.persistence;

import java.time.Duration;

/** Test helpers around {@link ResponseRollup}. */
final class Rollups {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Rollups() {
    }

    /** Rolls up until nothing is pending in any tenant; returns how many responses that took. */
    static int rollUpEverything(ResponseRollup rollup) {
        int total = 0;
        for (int rolled = -1; rolled != 0; total += rolled) {
            rolled = rollup.rollUpPending(10_000).await().atMost(TIMEOUT);
        }
        return total;
    }
}

package io.touchstone.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Bounds a load run in time and in number of requests; shared by all workers of the run. */
final class Budget {

    private final long deadline;
    private final AtomicLong left;

    Budget(Duration duration, long maxRequests) {
        this.deadline = System.nanoTime() + duration.toNanos();
        this.left = new AtomicLong(maxRequests);
    }

    /** Takes one request from the budget: false once the time is up or the count is spent. */
    boolean take() {
        return System.nanoTime() - deadline < 0 && left.getAndDecrement() > 0;
    }
}

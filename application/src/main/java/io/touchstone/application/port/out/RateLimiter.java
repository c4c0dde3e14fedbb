package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Objects;

/**
 * Counts requests per key against a rate with a burst (a token bucket: {@code burst} requests at once, then one every
 * {@code 1 / requestsPerSecond} seconds). Every key has state of its own: one key at its limit never delays another.
 */
public interface RateLimiter {

    /** {@code requestsPerSecond} on average, at most {@code burst} at once after a quiet spell. */
    record Limit(double requestsPerSecond, int burst) {

        public Limit {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("requestsPerSecond must be positive: " + requestsPerSecond);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1: " + burst);
            }
        }

        /** The time one request adds to the bucket, in microseconds (at least one). */
        public long intervalMicros() {
            return Math.max(1, Math.round(1_000_000d / requestsPerSecond));
        }
    }

    /** Allowed, or refused with the time after which the same request would be allowed. */
    record Decision(Duration retryAfter) {

        public static final Decision ALLOWED = new Decision(Duration.ZERO);

        public Decision {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative");
            }
        }

        public static Decision refused(Duration retryAfter) {
            return new Decision(retryAfter);
        }

        public boolean allowed() {
            return retryAfter.isZero();
        }
    }

    /** Counts one request against {@code key} if {@code limit} allows it; a refused request is not counted. */
    Uni<Decision> acquire(String key, Limit limit);
}

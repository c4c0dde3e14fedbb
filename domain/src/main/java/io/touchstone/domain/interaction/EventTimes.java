package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.error.InvalidValue;
import java.time.Duration;
import java.time.Instant;

/**
 * When an event may have happened: not more than {@link #MAX_CLOCK_SKEW} after the service's clock (the reporting
 * system's clock may run a little ahead), and not before its tenant was created. Times are kept to the microsecond
 * (as the database keeps them), so that a retry compares equal to what was stored.
 */
public final class EventTimes {

    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private EventTimes() {
    }

    /**
     * Checks {@code occurredAt} of an event of kind {@code prefix} ({@code interaction}, {@code lifecycle}):
     * {@code <prefix>.occurred-in-future}, {@code <prefix>.before-tenant}, both on field {@code occurredAt}.
     */
    public static void check(String prefix, Instant occurredAt, Instant tenantCreatedAt, Instant now) {
        if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValue("occurredAt", prefix + ".occurred-in-future", "occurred at " + occurredAt
                    + ", more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes after the service's time " + now);
        }
        if (occurredAt.isBefore(tenantCreatedAt)) {
            throw new InvalidValue("occurredAt", prefix + ".before-tenant",
                    "occurred at " + occurredAt + ", before the tenant was created (" + tenantCreatedAt + ")");
        }
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}

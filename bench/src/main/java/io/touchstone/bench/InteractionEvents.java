package io.touchstone.bench;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.touchstone.proto.v1.Interaction;
import io.touchstone.proto.v1.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * The interactions the load reports: each under its own event id {@code <prefix>-<worker>-<n>}, at one of the
 * journey's touchpoints, about 10 % of them ABANDONED, with an employee (of 60), a team (of 8), a location (of 5), a
 * customer (of 100,000) and a duration. Everything but the time follows from the event id; a request is built once
 * and kept, so a resent event carries exactly the content sent the first time.
 */
final class InteractionEvents {

    private static final String[] SEGMENTS = {"consumer", "consumer", "small-business", "enterprise"};

    private final List<String> touchpoints;
    private final String keyPrefix;

    InteractionEvents(List<String> touchpoints, String keyPrefix) {
        if (touchpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one touchpoint is needed");
        }
        this.touchpoints = List.copyOf(touchpoints);
        this.keyPrefix = keyPrefix;
    }

    Interaction event(int worker, long n, Instant occurredAt) {
        long mix = mix(worker * 1_000_003L + n);
        boolean abandoned = Math.floorMod(mix, 10) == 0;
        long seconds = abandoned ? 5 + Math.floorMod(mix >> 8, 120) : 30 + Math.floorMod(mix >> 8, 900);
        return Interaction.newBuilder()
                .setEventId(keyPrefix + "-" + worker + "-" + n)
                .setTouchpointId(touchpoints.get((int) Math.floorMod(mix >> 16, touchpoints.size())))
                .setCustomerRef("customer-" + Math.floorMod(mix >> 20, 100_000))
                .setOccurredAt(Timestamp.newBuilder()
                        .setSeconds(occurredAt.getEpochSecond())
                        .setNanos(occurredAt.getNano() / 1000 * 1000)) // the service keeps microseconds
                .setOutcome(abandoned ? Outcome.OUTCOME_ABANDONED : Outcome.OUTCOME_COMPLETED)
                .setDuration(Duration.newBuilder().setSeconds(seconds))
                .setEmployee("employee-" + Math.floorMod(mix >> 28, 60))
                .setTeam("team-" + Math.floorMod(mix >> 36, 8))
                .setLocation("location-" + Math.floorMod(mix >> 40, 5))
                .putAttributes("segment", SEGMENTS[(int) Math.floorMod(mix >> 44, SEGMENTS.length)])
                .build();
    }

    /** A well-spread hash of the counter (SplitMix64's finaliser), so that neighbouring events differ. */
    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}

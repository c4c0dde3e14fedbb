package io.touchstone.domain.shared;

import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation time. */
public final class UuidV7 {

    private UuidV7() {
    }

    public static UUID generate(Instant now, RandomGenerator random) {
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}

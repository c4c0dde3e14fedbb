package io.touchstone.application.fake;

import java.util.Comparator;
import java.util.UUID;

/**
 * The order PostgreSQL gives {@code uuid} values: byte by byte, unsigned. {@link UUID#compareTo} compares signed
 * longs and so disagrees for ids whose first or ninth byte is 0x80 or more.
 */
public final class UuidOrder {

    public static final Comparator<UUID> AS_STORED = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private UuidOrder() {
    }
}

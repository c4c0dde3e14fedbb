package io.touchstone.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30.123456Z");
    /** How PostgreSQL orders uuid values: byte by byte, unsigned. */
    private static final Comparator<UUID> UNSIGNED = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    @Test
    void carriesVersionSevenAndTheRfcVariantWhateverTheRandomBits() {
        RandomGenerator allOnes = () -> -1L;
        RandomGenerator allZeros = () -> 0L;
        Random seeded = new Random(7);

        List<UUID> ids = new ArrayList<>(List.of(UuidV7.generate(NOW, allOnes), UuidV7.generate(NOW, allZeros)));
        for (int i = 0; i < 1_000; i++) {
            ids.add(UuidV7.generate(NOW, seeded));
        }

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void startsWithTheUnixMillisecondsInItsTopFortyEightBits() {
        UUID id = UuidV7.generate(NOW, new Random(1));

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
        assertThat(id.toString().replace("-", "").substring(0, 12))
                .isEqualTo(HexFormat.of().toHexDigits(NOW.toEpochMilli()).substring(4));
    }

    @Test
    void keepsTheRandomBitsItIsGiven() {
        UUID ones = UuidV7.generate(NOW, () -> -1L);
        UUID zeros = UuidV7.generate(NOW, () -> 0L);

        assertThat(ones.getMostSignificantBits() & 0xFFFFL).isEqualTo(0x7FFFL);
        assertThat(ones.getLeastSignificantBits()).isEqualTo(0xBFFF_FFFF_FFFF_FFFFL);
        assertThat(zeros.getMostSignificantBits() & 0xFFFFL).isEqualTo(0x7000L);
        assertThat(zeros.getLeastSignificantBits()).isEqualTo(0x8000_0000_0000_0000L);
    }

    @Test
    void laterMillisecondsSortLaterInEveryOrdering() {
        Random random = new Random(42);
        List<UUID> inTimeOrder = new ArrayList<>();
        Instant instant = Instant.parse("1999-12-31T23:59:59.998Z");
        for (int i = 0; i < 500; i++) {
            inTimeOrder.add(UuidV7.generate(instant, random));
            instant = instant.plusMillis(1 + random.nextInt(5_000));
        }

        assertThat(inTimeOrder).isSortedAccordingTo(UNSIGNED);
        assertThat(inTimeOrder).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(inTimeOrder).isSortedAccordingTo(Comparator.comparing(UUID::toString));
    }

    @Test
    void idsOfTheSameMillisecondShareTheirPrefixAndDifferInTheRest() {
        Random random = new Random(3);
        UUID first = UuidV7.generate(NOW, random);
        UUID second = UuidV7.generate(NOW.plusNanos(500_000), random);

        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(second.getMostSignificantBits() >>> 16);
        assertThat(first).isNotEqualTo(second);
    }
}

package io.touchstone.adapter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.RateLimiter.Decision;
import io.touchstone.application.port.out.RateLimiter.Limit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    private final AtomicLong micros = new AtomicLong(1_000_000_000L);
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(micros::get);

    private void advance(Duration by) {
        micros.addAndGet(by.toNanos() / 1_000);
    }

    private int allowedInARow(String key, Limit limit) {
        int allowed = 0;
        while (limiter.decide(key, limit).allowed()) {
            allowed++;
        }
        return allowed;
    }

    @Test
    void aQuietKeyMayBurstThenWaitsOneIntervalPerRequest() {
        Limit limit = new Limit(50, 100);

        assertThat(allowedInARow("k", limit)).isEqualTo(100);
        assertThat(limiter.decide("k", limit).retryAfter()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void theRetryAfterIsTheTimeUntilOneRequestFitsAgain() {
        Limit limit = new Limit(2, 3);
        allowedInARow("k", limit);

        advance(Duration.ofMillis(100));
        Decision refused = limiter.decide("k", limit);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(400));
        advance(Duration.ofMillis(399));
        assertThat(limiter.decide("k", limit).allowed()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(limiter.decide("k", limit).allowed()).isTrue();
        assertThat(limiter.decide("k", limit).retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusedRequestsAreNotCounted() {
        Limit limit = new Limit(1, 1);
        assertThat(limiter.decide("k", limit).allowed()).isTrue();
        for (int i = 0; i < 10; i++) {
            limiter.decide("k", limit);
        }

        advance(Duration.ofSeconds(1));

        assertThat(limiter.decide("k", limit).allowed()).isTrue();
    }

    @Test
    void theRateHoldsOverAWindowOfSustainedLoad() {
        Limit limit = new Limit(10, 5);
        int allowed = allowedInARow("k", limit);
        for (int ms = 0; ms < 10_000; ms++) {
            advance(Duration.ofMillis(1));
            if (limiter.decide("k", limit).allowed()) {
                allowed++;
            }
        }

        // the burst, then 10 per second for 10 s
        assertThat(allowed).isEqualTo(5 + 100);
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheBurst() {
        Limit limit = new Limit(10, 5);
        allowedInARow("k", limit);

        advance(Duration.ofHours(1));

        assertThat(allowedInARow("k", limit)).isEqualTo(5);
    }

    @Test
    void fractionalRatesWork() {
        Limit limit = new Limit(0.5, 1);
        assertThat(limiter.decide("k", limit).allowed()).isTrue();

        assertThat(limiter.decide("k", limit).retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSaturatedKeyLeavesOtherKeysAlone() {
        Limit limit = new Limit(1, 2);
        allowedInARow("saturated", limit);

        assertThat(allowedInARow("other", limit)).isEqualTo(2);
        assertThat(limiter.decide("saturated", limit).allowed()).isFalse();
    }

    @Test
    void keysWhoseBucketIsFullAgainAreForgotten() {
        Limit limit = new Limit(100, 10);
        for (int i = 0; i <= InMemoryRateLimiter.SWEEP_ABOVE_KEYS; i++) {
            limiter.decide("key-" + i, limit);
        }
        // sweeps run at most every 10 s
        advance(Duration.ofSeconds(11));

        limiter.decide("late", limit);

        assertThat(limiter.keys()).isEqualTo(1);
    }
}

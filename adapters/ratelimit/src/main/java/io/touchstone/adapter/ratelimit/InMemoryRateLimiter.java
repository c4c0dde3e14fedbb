package io.touchstone.adapter.ratelimit;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.RateLimiter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The limits of one replica, in its memory: with several replicas each one allows the full limit, so a key may reach
 * replicas times its limit. Used when configured ({@code touchstone.rate-limit.store=memory}) and while Redis is
 * unreachable.
 *
 * <p>A token bucket kept as one number per key (the generic cell rate algorithm): the time at which the key's bucket
 * is empty again ({@code tat}). A request adds {@code interval = 1 / rate} to it; it is allowed while the bucket then
 * holds at most {@code burst} intervals, i.e. {@code tat + interval - burst * interval <= now}. Every key has its own
 * number, changed by compare-and-set: no lock, no waiting, one key never slows another.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    static final int SWEEP_ABOVE_KEYS = 10_000;
    private static final long SWEEP_EVERY_MICROS = 10_000_000;

    private final ConcurrentHashMap<String, AtomicLong> emptyAt = new ConcurrentHashMap<>();
    private final LongSupplier nowMicros;
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    /** {@code nowMicros}: a monotonic time in microseconds (tests pass a fake one). */
    public InMemoryRateLimiter(LongSupplier nowMicros) {
        this.nowMicros = nowMicros;
    }

    /** A limiter on the JVM's monotonic clock. */
    public static InMemoryRateLimiter onSystemTime() {
        return new InMemoryRateLimiter(() -> System.nanoTime() / 1_000);
    }

    @Override
    public Uni<Decision> acquire(String key, Limit limit) {
        return Uni.createFrom().item(decide(key, limit));
    }

    /** Decides at once, on the calling thread. */
    Decision decide(String key, Limit limit) {
        long now = nowMicros.getAsLong();
        long interval = limit.intervalMicros();
        long capacity = interval * limit.burst();
        AtomicLong tat = emptyAt.get(key);
        if (tat == null) {
            tat = emptyAt.computeIfAbsent(key, ignored -> new AtomicLong(Long.MIN_VALUE));
        }
        while (true) {
            long stored = tat.get();
            long next = Math.max(stored, now) + interval;
            long allowedAt = next - capacity;
            if (allowedAt > now) {
                return Decision.refused(Duration.of(allowedAt - now, ChronoUnit.MICROS));
            }
            if (tat.compareAndSet(stored, next)) {
                sweepIfLarge(now);
                return Decision.ALLOWED;
            }
        }
    }

    /** Forgets keys whose bucket is full again (they behave exactly as unknown keys), at most every 10 s. */
    private void sweepIfLarge(long now) {
        long due = nextSweep.get();
        if (emptyAt.size() <= SWEEP_ABOVE_KEYS || now < due || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_MICROS)) {
            return;
        }
        emptyAt.forEach((key, tat) -> {
            if (tat.get() <= now) {
                emptyAt.remove(key, tat);
            }
        });
    }

    int keys() {
        return emptyAt.size();
    }
}

package io.touchstone.adapter.ratelimit;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.RateLimiter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.RedisAPI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The limits of all replicas together, in the shared Redis: the same token bucket as {@link InMemoryRateLimiter}, one
 * Redis key per API key, decided by one Lua script (atomic in Redis) on Redis' own clock, so replicas whose clocks
 * differ still agree. Non-blocking: the reactive client answers on the event loop.
 *
 * <p>When Redis fails or does not answer within the timeout, the request is decided by the in-memory fallback instead
 * (the limit then holds per replica), and Redis is tried again after {@code retryRedisAfter}. The outage is logged
 * once, and its end once.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);

    /** KEYS[1]: the bucket; ARGV: interval (µs), burst. Answers 0 (allowed, counted) or the wait in µs. */
    static final String SCRIPT = """
            local interval = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local tat = tonumber(redis.call('GET', KEYS[1]))
            if tat == nil or tat < now then tat = now end
            local nextTat = tat + interval
            local allowedAt = nextTat - interval * burst
            if allowedAt > now then return allowedAt - now end
            redis.call('SET', KEYS[1], string.format('%d', nextTat), 'PX', math.ceil((nextTat - now) / 1000))
            return 0
            """;

    private final RedisAPI redis;
    private final String keyPrefix;
    private final Duration timeout;
    private final long retryRedisAfterNanos;
    private final RateLimiter fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong fallbackUntil = new AtomicLong(System.nanoTime());

    public RedisRateLimiter(RedisAPI redis, String keyPrefix, Duration timeout, Duration retryRedisAfter,
            RateLimiter fallback) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.retryRedisAfterNanos = retryRedisAfter.toNanos();
        this.fallback = fallback;
    }

    /**
     * Opens a connection and has Redis compile the script, so that the first request does not pay for both. A failure
     * here only means that the first requests find Redis unreachable, as they would anyway.
     */
    public Uni<Void> warmUp() {
        return redis.script(List.of("LOAD", SCRIPT)).replaceWithVoid();
    }

    @Override
    public Uni<Decision> acquire(String key, Limit limit) {
        if (System.nanoTime() - fallbackUntil.get() < 0) {
            return fallback.acquire(key, limit);
        }
        // the request goes on where it came from: a timeout fires on another thread
        Context caller = Vertx.currentContext();
        return redis.eval(List.of(SCRIPT, "1", keyPrefix + key, Long.toString(limit.intervalMicros()),
                        Integer.toString(limit.burst())))
                .ifNoItem().after(timeout).fail()
                .map(answer -> {
                    if (degraded.compareAndSet(true, false)) {
                        LOG.info("Redis answers again: rate limits hold across all replicas again");
                    }
                    long waitMicros = answer.toLong();
                    return waitMicros <= 0 ? Decision.ALLOWED
                            : Decision.refused(Duration.of(waitMicros, ChronoUnit.MICROS));
                })
                .onFailure().recoverWithUni(failure -> {
                    fallbackUntil.set(System.nanoTime() + retryRedisAfterNanos);
                    if (degraded.compareAndSet(false, true)) {
                        LOG.warnf("Redis is unreachable (%s): rate limits hold per replica, in memory, until it answers"
                                + " again", failure.toString());
                    }
                    return fallback.acquire(key, limit);
                })
                .emitOn(next -> {
                    if (caller == null || Vertx.currentContext() == caller) {
                        next.run();
                    } else {
                        caller.runOnContext(ignored -> next.run());
                    }
                });
    }
}

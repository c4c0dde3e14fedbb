package io.touchstone.adapter.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.RateLimiter;
import io.touchstone.application.port.out.RateLimiter.Decision;
import io.touchstone.application.port.out.RateLimiter.Limit;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.core.Context;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real Redis on 127.0.0.1:6379 ({@code .ci/run} starts it). */
class RedisRateLimiterIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PREFIX = "touchstone-test:rate-limit:";

    private static Vertx vertx;
    private static Redis shared;
    private static Redis unreachable;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        shared = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        unreachable = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:1"));
    }

    @AfterAll
    static void close() {
        shared.close();
        unreachable.close();
        vertx.closeAndAwait();
    }

    private static RedisRateLimiter replica(Redis redis) {
        return new RedisRateLimiter(RedisAPI.api(redis), PREFIX, Duration.ofSeconds(2), Duration.ofSeconds(5),
                InMemoryRateLimiter.onSystemTime());
    }

    private static Decision acquire(RateLimiter limiter, String key, Limit limit) {
        return limiter.acquire(key, limit).await().atMost(WAIT);
    }

    @Test
    void twoReplicasSharingRedisShareTheLimit() {
        RateLimiter first = replica(shared);
        RateLimiter second = replica(shared);
        String key = "api-key:" + UUID.randomUUID();
        Limit limit = new Limit(0.5, 6);

        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            decisions.add(acquire(i % 2 == 0 ? first : second, key, limit));
        }
        Decision seventhOnFirst = acquire(first, key, limit);
        Decision seventhOnSecond = acquire(second, key, limit);

        assertThat(decisions).allMatch(Decision::allowed);
        assertThat(seventhOnFirst.allowed()).isFalse();
        assertThat(seventhOnSecond.allowed()).isFalse();
        // one request fits again 2 s (one interval) after the burst was used up
        assertThat(seventhOnSecond.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(seventhOnSecond.retryAfter()).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    void aSaturatedKeyLeavesOtherKeysAlone() {
        RateLimiter limiter = replica(shared);
        Limit limit = new Limit(0.5, 3);
        String saturated = "api-key:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            acquire(limiter, saturated, limit);
        }

        String other = "api-key:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(acquire(limiter, other, limit).allowed()).isTrue();
        }
    }

    @Test
    void theBucketExpiresInRedisWhenItIsFullAgain() {
        RedisAPI api = RedisAPI.api(shared);
        String key = "api-key:" + UUID.randomUUID();
        acquire(replica(shared), key, new Limit(10, 5));

        long ttl = api.pttl(PREFIX + key).await().atMost(WAIT).toLong();

        assertThat(ttl).isBetween(1L, 100L);
    }

    @Test
    void aRedisThatDoesNotAnswerIsLeftAfterTheTimeoutOnTheCallersContext() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Redis mute = Redis.createClient(vertx,
                    new RedisOptions().setConnectionString("redis://127.0.0.1:" + silent.getLocalPort()));
            RateLimiter limiter = new RedisRateLimiter(RedisAPI.api(mute), PREFIX, Duration.ofMillis(200),
                    Duration.ofSeconds(5), InMemoryRateLimiter.onSystemTime());
            Context context = vertx.getDelegate().getOrCreateContext();
            CompletableFuture<Boolean> onCallersContext = new CompletableFuture<>();
            CompletableFuture<Decision> decided = new CompletableFuture<>();

            context.runOnContext(ignored -> limiter.acquire("api-key:" + UUID.randomUUID(), new Limit(1, 1))
                    .subscribe().with(decision -> {
                        onCallersContext.complete(io.vertx.core.Vertx.currentContext() == context);
                        decided.complete(decision);
                    }, decided::completeExceptionally));

            assertThat(decided.get(5, TimeUnit.SECONDS).allowed()).isTrue();
            assertThat(onCallersContext.get()).isTrue();
            mute.close();
        }
    }

    @Test
    void withoutRedisTheReplicaStillLimitsInMemory() {
        RateLimiter limiter = replica(unreachable);
        String key = "api-key:" + UUID.randomUUID();
        Limit limit = new Limit(0.5, 3);

        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            allowed.add(acquire(limiter, key, limit).allowed());
        }

        assertThat(allowed).containsExactly(true, true, true, false, false);
    }
}

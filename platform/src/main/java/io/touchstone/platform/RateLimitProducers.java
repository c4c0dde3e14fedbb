package io.touchstone.platform;

import io.touchstone.adapter.ratelimit.InMemoryRateLimiter;
import io.touchstone.adapter.ratelimit.RedisRateLimiter;
import io.touchstone.application.port.out.RateLimiter;
import io.touchstone.application.port.out.RateLimiter.Limit;
import io.touchstone.application.service.RateLimitPolicy;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The rate limiter chosen by {@code touchstone.rate-limit.store} and the limits of {@code touchstone.rate-limit.*}. */
@ApplicationScoped
public class RateLimitProducers {

    private static final Logger LOG = Logger.getLogger(RateLimitProducers.class);

    private Redis redis;

    @Produces
    @Singleton
    RateLimiter rateLimiter(TouchstoneConfig config, Vertx vertx) {
        TouchstoneConfig.RateLimit settings = config.rateLimit();
        InMemoryRateLimiter inMemory = InMemoryRateLimiter.onSystemTime();
        return switch (settings.store()) {
            case MEMORY -> {
                LOG.info("Rate limits are kept in memory: each replica allows every key its full limit");
                yield inMemory;
            }
            case REDIS -> {
                // connects on first use; requests beyond the pool wait in its queue, within the timeout
                redis = Redis.createClient(vertx, new RedisOptions()
                        .setConnectionString(settings.redisUrl())
                        .setMaxPoolSize(settings.redisPoolSize())
                        .setMaxPoolWaiting(1024));
                RedisRateLimiter limiter = new RedisRateLimiter(RedisAPI.api(redis), settings.redisKeyPrefix(),
                        settings.redisTimeout(), settings.redisRetryAfter(), inMemory);
                limiter.warmUp().subscribe().with(
                        ready -> LOG.infof("Rate limits are kept in Redis at %s", redisAddress(settings.redisUrl())),
                        failure -> LOG.infof("Redis is not reachable yet (%s)", failure.toString()));
                yield limiter;
            }
        };
    }

    /** The URL without a password, for the log. */
    private static String redisAddress(String url) {
        return url.replaceFirst("//[^@/]*@", "//");
    }

    @PreDestroy
    void close() {
        if (redis != null) {
            redis.close();
        }
    }

    @Produces
    @Singleton
    RateLimitPolicy rateLimitPolicy(TouchstoneConfig config) {
        TouchstoneConfig.RateLimit settings = config.rateLimit();
        Map<TenantId, Limit> perTenant = new HashMap<>();
        settings.tenants().forEach((tenant, limit) -> perTenant.put(tenantId(tenant), new Limit(
                limit.requestsPerSecond(),
                limit.burst().orElse((int) Math.max(1, Math.ceil(2 * limit.requestsPerSecond()))))));
        return new RateLimitPolicy(new Limit(settings.requestsPerSecond(), settings.burst()), perTenant);
    }

    private static TenantId tenantId(String configured) {
        try {
            return new TenantId(UUID.fromString(configured));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("touchstone.rate-limit.tenants: '" + configured
                    + "' is not a tenant id (a UUID)", e);
        }
    }
}

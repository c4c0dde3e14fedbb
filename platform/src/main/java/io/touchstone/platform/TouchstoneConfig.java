package io.touchstone.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Touchstone's own configuration keys (prefix {@code touchstone}); see the README for each one. */
@ConfigMapping(prefix = "touchstone")
public interface TouchstoneConfig {

    Operator operator();

    ApiKeys apiKeys();

    interface ApiKeys {
        /** How often the last-used times of API keys, noted in memory per request, are stored. */
        @WithDefault("30s")
        Duration usageFlushInterval();
    }

    Db db();

    Metrics metrics();

    /** The metrics engine's pre-aggregated histograms. */
    interface Metrics {
        /** How often new responses are added to the histograms; {@code 0s} stops it (queries stay exact). */
        @WithDefault("1s")
        Duration rollupInterval();

        /** The most responses of one tenant added to the histograms in one transaction. */
        @WithDefault("5000")
        int rollupBatch();

        /**
         * The fewest responses with which an employee or team is listed on the staff leaderboard (at least 1); a
         * request may raise it, never lower it.
         */
        @WithDefault("5")
        int staffMinResponses();
    }

    Identity identity();

    /** The identity provider (Keycloak realm) whose access tokens internal services and operators present. */
    interface Identity {
        /** The realm's issuer URL; without one, access tokens are refused ({@code auth.tokens-disabled}). */
        Optional<String> issuer();

        /**
         * Where the issuer publishes its signing keys; default: Keycloak's
         * {@code <issuer>/protocol/openid-connect/certs}.
         */
        Optional<String> jwksUrl();

        /** An audience every token must include. */
        @WithDefault("touchstone")
        String audience();

        /** Tolerance when checking a token's expiry. */
        @WithDefault("30s")
        Duration clockSkew();

        /** The claim naming the tenant of a service's token. */
        @WithDefault("tenant_id")
        String tenantClaim();

        /** Least time between two fetches of the signing keys (a token with an unknown key id triggers one). */
        @WithDefault("30s")
        Duration keysRefetchAfter();

        /** The Keycloak admin API, through which tenants' clients are created, disabled and removed. */
        Admin admin();
    }

    /** Without a URL and a client id, tenants are provisioned without a client at the identity provider. */
    interface Admin {
        /** Keycloak's root URL, e.g. {@code https://sso.example.com}. */
        Optional<String> url();

        /** The realm of the tenants' clients, which holds the admin client too. */
        @WithDefault("touchstone")
        String realm();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** The longest wait for one answer of the admin API. */
        @WithDefault("10s")
        Duration timeout();
    }

    RateLimit rateLimit();

    interface Operator {
        /** Bearer token of the operator API; without one the operator API answers 401. */
        Optional<String> token();
    }

    /** Database of the test profile (lets parallel test runs use separate databases). */
    Optional<String> testDb();

    interface Db {
        /** Host, port and name of the PostgreSQL database; the datasource URLs are built from them. */
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("5432")
        int port();

        @WithDefault("touchstone")
        String name();

        /** Create the database named in the JDBC URL when it does not exist (dev and test profiles). */
        @WithDefault("false")
        boolean createIfMissing();

        /** Drop every object of the schema before migrating (test profile only). */
        @WithDefault("false")
        boolean cleanAtStart();
    }

    /** Per-key rate limits of requests authenticated with an API key. */
    interface RateLimit {

        /** Count requests against their key's limit at all. */
        @WithDefault("true")
        boolean enabled();

        /** Where the buckets live: {@code redis} (shared by all replicas) or {@code memory} (per replica). */
        @WithDefault("redis")
        Store store();

        /** The default limit of every key: requests per second on average ... */
        @WithDefault("50")
        double requestsPerSecond();

        /** ... and at most this many at once. */
        @WithDefault("100")
        int burst();

        /** A tenant's own limit for each of its keys, by tenant id. */
        Map<String, TenantLimit> tenants();

        /** The shared Redis, e.g. {@code redis://:password@redis:6379/0}. */
        @WithDefault("redis://127.0.0.1:6379")
        String redisUrl();

        /** Connections to Redis per replica. */
        @WithDefault("8")
        int redisPoolSize();

        /** Longest wait for Redis before the request is decided in memory instead. */
        @WithDefault("500ms")
        Duration redisTimeout();

        /** After Redis failed, how long requests are decided in memory before Redis is tried again. */
        @WithDefault("5s")
        Duration redisRetryAfter();

        /** Prefix of the Redis keys (one key per API key). */
        @WithDefault("touchstone:rate-limit:")
        String redisKeyPrefix();

        enum Store {
            REDIS, MEMORY
        }

        interface TenantLimit {
            double requestsPerSecond();

            /** Default: twice the rate (at least 1). */
            OptionalInt burst();
        }
    }
}

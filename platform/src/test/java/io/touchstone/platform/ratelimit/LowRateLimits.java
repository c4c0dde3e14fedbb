package io.touchstone.platform.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Limits low enough to reach in a test: every key 0.2 requests per second (one every 5 s) in bursts of 4, and the
 * tenant {@link #OWN_LIMIT_TENANT} its own 1 per second in bursts of 2. Buckets in the real Redis.
 */
public class LowRateLimits implements QuarkusTestProfile {

    public static final String OWN_LIMIT_TENANT = "0190a0b0-0000-7000-8000-00000000ab1e";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "touchstone.rate-limit.store", "redis",
                "touchstone.rate-limit.requests-per-second", "0.2",
                "touchstone.rate-limit.burst", "4",
                "touchstone.rate-limit.tenants." + OWN_LIMIT_TENANT + ".requests-per-second", "1",
                "touchstone.rate-limit.tenants." + OWN_LIMIT_TENANT + ".burst", "2");
    }
}

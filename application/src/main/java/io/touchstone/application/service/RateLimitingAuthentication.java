package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.RateLimited;
import io.touchstone.application.port.in.AuthenticateUseCase;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.out.RateLimiter;

/**
 * Counts every request authenticated with an API key against that key's limit, after the key was authenticated (so
 * the tenant is known) and before anything else is done: REST and gRPC pass through here alike. A request over the
 * limit fails with {@link RateLimited} {@code rate-limit.exceeded} and does nothing.
 */
public final class RateLimitingAuthentication implements AuthenticateUseCase {

    public static final String EXCEEDED = "rate-limit.exceeded";

    private final AuthenticateUseCase authenticate;
    private final RateLimiter limiter;
    private final RateLimitPolicy policy;

    public RateLimitingAuthentication(AuthenticateUseCase authenticate, RateLimiter limiter, RateLimitPolicy policy) {
        this.authenticate = authenticate;
        this.limiter = limiter;
        this.policy = policy;
    }

    @Override
    public Uni<Caller> byApiKey(String presentedKey) {
        return authenticate.byApiKey(presentedKey).call(this::count);
    }

    private Uni<Void> count(Caller caller) {
        if (!(caller instanceof Caller.Tenant tenant)) {
            return Uni.createFrom().voidItem();
        }
        RateLimiter.Limit limit = policy.limitFor(tenant.tenantId());
        return limiter.acquire(tenant.principal(), limit).map(decision -> {
            if (!decision.allowed()) {
                throw new RateLimited(EXCEEDED, "this API key is limited to " + format(limit.requestsPerSecond())
                        + " requests per second (bursts of " + limit.burst() + "); try again later",
                        decision.retryAfter());
            }
            return null;
        });
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    /** Access tokens and the operator token are not counted: the limits are per API key. */
    @Override
    public Uni<Caller> byBearerToken(String presentedToken, String requestedTenant) {
        return authenticate.byBearerToken(presentedToken, requestedTenant);
    }
}

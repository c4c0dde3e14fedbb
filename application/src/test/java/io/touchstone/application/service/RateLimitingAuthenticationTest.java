package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertFails;
import static io.touchstone.application.service.ServiceHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.RateLimited;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.out.RateLimiter;
import io.touchstone.application.port.out.RateLimiter.Decision;
import io.touchstone.application.port.out.RateLimiter.Limit;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitingAuthenticationTest {

    private static final Limit DEFAULT = new Limit(50, 100);
    private static final Limit LOW = new Limit(2, 3);

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant limitedTenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();
    private final RecordingLimiter limiter = new RecordingLimiter();
    private final RateLimitingAuthentication authentication = new RateLimitingAuthentication(app.authentication,
            limiter, new RateLimitPolicy(DEFAULT, Map.of(limitedTenant.tenantId(), LOW)));

    @Test
    void everyRequestWithAKeyCountsAgainstThatKeyWithItsTenantsLimit() {
        String limitedKey = app.provision("limited").adminKey().secret();
        Caller caller = await(authentication.byApiKey(limitedKey));
        String otherKey = app.provision("other").adminKey().secret();
        await(authentication.byApiKey(otherKey));

        assertThat(limiter.counted).hasSize(2);
        assertThat(limiter.counted.get(0).key()).isEqualTo(caller.principal()).startsWith("api-key:");
        assertThat(limiter.counted).extracting(Counted::limit).containsExactly(DEFAULT, DEFAULT);
    }

    @Test
    void theTenantsOwnLimitReplacesTheDefault() {
        RateLimitPolicy policy = new RateLimitPolicy(DEFAULT, Map.of(limitedTenant.tenantId(), LOW));

        assertThat(policy.limitFor(limitedTenant.tenantId())).isEqualTo(LOW);
        assertThat(policy.limitFor(otherTenant.tenantId())).isEqualTo(DEFAULT);
        assertThat(policy.limitFor(new TenantId(java.util.UUID.randomUUID()))).isEqualTo(DEFAULT);
    }

    @Test
    void aRefusedRequestIsRateLimitedWithTheWaitOfTheLimiter() {
        String key = app.provision("busy").adminKey().secret();
        limiter.refuseFor = Optional.of(Duration.ofMillis(1500));

        assertAccessFailure(authentication.byApiKey(key), RateLimited.class, "rate-limit.exceeded");
        assertFails(authentication.byApiKey(key)).isInstanceOfSatisfying(RateLimited.class, limited ->
                assertThat(limited.retryAfter()).isEqualTo(Duration.ofMillis(1500)));
    }

    @Test
    void anUnauthenticatedRequestIsNotCounted() {
        assertAccessFailure(authentication.byApiKey("tsk_nonsense"), Unauthenticated.class, "auth.key-invalid");

        assertThat(limiter.counted).isEmpty();
    }

    @Test
    void theOperatorIsNotCounted() {
        assertThat(authentication.byBearerToken(ServiceHarness.OPERATOR_TOKEN, null).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(Caller.Operator.class);

        assertThat(limiter.counted).isEmpty();
    }

    record Counted(String key, Limit limit) {
    }

    static final class RecordingLimiter implements RateLimiter {

        final List<Counted> counted = new ArrayList<>();
        Optional<Duration> refuseFor = Optional.empty();

        @Override
        public Uni<Decision> acquire(String key, Limit limit) {
            counted.add(new Counted(key, limit));
            return Uni.createFrom().item(refuseFor.map(Decision::refused).orElse(Decision.ALLOWED));
        }
    }
}

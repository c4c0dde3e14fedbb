package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.SURVEY;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.application.service.ApiKeySecrets;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.platform.ratelimit.LowRateLimits;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Requests with an API key over the key's limit are refused with 429, a Retry-After and a problem body. */
@QuarkusTest
@TestProfile(LowRateLimits.class)
class RateLimitIT {

    @Inject
    TenantRepository tenants;

    @Inject
    ApiKeyRepository keys;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    ApiKeySecrets secrets;

    private static int listSurveys(String apiKey) {
        return asTenant(apiKey).get("/api/v1/surveys").statusCode();
    }

    @Test
    void aKeyOverItsLimitIsRefusedWith429RetryAfterAndAProblem() {
        String key = newTenant().adminKey();
        for (int i = 0; i < 4; i++) {
            assertThat(listSurveys(key)).as("request %d of the burst", i + 1).isEqualTo(200);
        }

        var refused = problem(asTenant(key).get("/api/v1/surveys").then(), 429, "rate-limit.exceeded", null);

        // one request every 5 s: the next fits within 5 s
        assertThat(Integer.parseInt(refused.extract().header("Retry-After"))).isBetween(1, 5);
    }

    @Test
    void aRefusedRequestDoesNothingAndOtherKeysOfTheTenantHaveLimitsOfTheirOwn() {
        RestFixtures.Tenant tenant = newTenant();
        String reader = keyWith(tenant.adminKey(), "surveys:read");
        for (int i = 0; i < 3; i++) {
            listSurveys(tenant.adminKey());
        }

        problem(json(asTenant(tenant.adminKey()), SURVEY).post("/api/v1/surveys").then(), 429,
                "rate-limit.exceeded", null);

        asTenant(reader).get("/api/v1/surveys").then().statusCode(200).body("items", empty());
    }

    @Test
    void oneTenantAtItsLimitLeavesAnotherTenantAlone() throws Exception {
        String saturating = newTenant().adminKey();
        String other = newTenant().adminKey();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> fromSaturating = new ArrayList<>();
            List<Future<Integer>> fromOther = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                fromSaturating.add(pool.submit(() -> listSurveys(saturating)));
                if (i % 10 == 5) {
                    fromOther.add(pool.submit(() -> listSurveys(other)));
                }
            }

            assertThat(statuses(fromOther)).containsOnly(200).hasSize(4);
            List<Integer> saturated = statuses(fromSaturating);
            assertThat(saturated).containsOnly(200, 429);
            assertThat(saturated.stream().filter(status -> status == 429).count()).isGreaterThanOrEqualTo(35);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTenantWithItsOwnLimitIsHeldToIt() {
        String key = keyOfTheTenantWithItsOwnLimit();

        assertThat(listSurveys(key)).isEqualTo(200);
        assertThat(listSurveys(key)).isEqualTo(200);
        var refused = problem(asTenant(key).get("/api/v1/surveys").then(), 429, "rate-limit.exceeded", null);

        // 1 per second, not the default one every 5 s
        assertThat(refused.extract().header("Retry-After")).isEqualTo("1");
    }

    private static List<Integer> statuses(List<Future<Integer>> futures) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get());
        }
        return statuses;
    }

    /** A new key of the tenant whose id the profile configures (the tenant is stored once per test run). */
    private String keyOfTheTenantWithItsOwnLimit() {
        TenantId tenantId = new TenantId(UUID.fromString(LowRateLimits.OWN_LIMIT_TENANT));
        Instant now = Instant.now();
        ApiKeySecrets.Generated generated = secrets.generate();
        ApiKey key = ApiKey.issue(new ApiKeyId(UUID.randomUUID()), tenantId, "own limit",
                EnumSet.allOf(Scope.class), generated.lookupId(), generated.hash(), now, null);
        await(unitOfWork.transactionally(tenantId, () -> tenants.find(tenantId)
                .flatMap(found -> found.isPresent() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : tenants.add(Tenant.create(tenantId, "Own limit", "UTC", now)))
                .flatMap(ignored -> keys.add(key))));
        return generated.presentable();
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }
}

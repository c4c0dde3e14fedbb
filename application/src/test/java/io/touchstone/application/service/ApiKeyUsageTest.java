package io.touchstone.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import io.touchstone.domain.tenant.ApiKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Key use is noted in memory on every authentication and stored only when flushed, in one batch per tenant. */
class ApiKeyUsageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ServiceHarness app = new ServiceHarness();

    @Test
    void authenticatingWritesNothingUntilTheFlushStoresTheLatestUse() {
        ProvisionedTenant tenant = app.provision("Usage");
        String secret = tenant.adminKey().secret();
        app.authentication.byApiKey(secret).await().atMost(TIMEOUT);
        app.clock.advance(Duration.ofSeconds(7));
        app.authentication.byApiKey(secret).await().atMost(TIMEOUT);
        Instant latest = app.clock.instant();
        app.clock.advance(Duration.ofSeconds(3));

        assertThat(app.adapters.keys.recordUseCalls).isZero();
        assertThat(lastUsed(tenant)).isNull();

        app.usage.flush().await().atMost(TIMEOUT);

        assertThat(app.adapters.keys.recordUseCalls).isEqualTo(1);
        assertThat(lastUsed(tenant)).isEqualTo(latest);
        assertThat(app.usage.pendingKeys()).isZero();
    }

    @Test
    void aFlushWithNothingNewWritesNothing() {
        app.usage.flush().await().atMost(TIMEOUT);

        assertThat(app.adapters.keys.recordUseCalls).isZero();
    }

    @Test
    void keysOfSeveralTenantsAreStoredOneBatchPerTenant() {
        ProvisionedTenant one = app.provision("One");
        ProvisionedTenant two = app.provision("Two");
        for (int i = 0; i < 5; i++) {
            app.authentication.byApiKey(one.adminKey().secret()).await().atMost(TIMEOUT);
            app.authentication.byApiKey(two.adminKey().secret()).await().atMost(TIMEOUT);
        }

        app.usage.flush().await().atMost(TIMEOUT);

        assertThat(app.adapters.keys.recordUseCalls).isEqualTo(2);
        assertThat(lastUsed(one)).isNotNull();
        assertThat(lastUsed(two)).isNotNull();
    }

    @Test
    void aRefusedKeyIsNotNoted() {
        app.authentication.byApiKey("tsk_0123456789abcdef01234567_" + "x".repeat(43))
                .onFailure().recoverWithNull().await().atMost(TIMEOUT);

        assertThat(app.usage.pendingKeys()).isZero();
    }

    /** Read straight from the store: authenticating here would note another use. */
    private Instant lastUsed(ProvisionedTenant tenant) {
        ApiKey key = tenant.adminKey().key();
        return app.adapters.unitOfWork.transactionally(key.tenantId(), () -> app.adapters.keys.find(key.tenantId(),
                key.id())).await().atMost(TIMEOUT).flatMap(ApiKey::lastUsedAt).orElse(null);
    }
}

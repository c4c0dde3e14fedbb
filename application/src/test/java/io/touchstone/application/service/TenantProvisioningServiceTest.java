package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.Unavailable;
import io.touchstone.application.fake.FakeTenantIdentities;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionTenantCommand;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import io.touchstone.application.port.in.TenantClient;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantProvisioningServiceTest {

    private final ServiceHarness app = new ServiceHarness();

    @Test
    void anOperatorCreatesATenantWithAnAdminKeyOfEveryScope() {
        ProvisionedTenant provisioned = await(app.provisioning.provision(app.operator,
                new ProvisionTenantCommand("  Nákupní dům Praha ", "Europe/Prague")));

        Tenant stored = await(app.adapters.tenants.find(provisioned.tenant().id())).orElseThrow();
        assertThat(stored.name()).isEqualTo("Nákupní dům Praha");
        assertThat(stored.timeZone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(stored.createdAt()).isEqualTo(START);
        ApiKey key = await(app.adapters.keys.list(stored.id())).getFirst();
        assertThat(key.id()).isEqualTo(provisioned.adminKey().key().id());
        assertThat(key.name()).isEqualTo("admin");
        assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.values());
        assertThat(key.expiresAt()).isEmpty();
        assertThat(key.stateAt(START)).isEqualTo(ApiKey.State.ACTIVE);
        assertThat(provisioned.tenant().id().value().version()).isEqualTo(7);
    }

    @Test
    void theAdminKeyIsShownOnceAndAuthenticatesForTheNewTenant() {
        ProvisionedTenant provisioned = app.provision("Acme");
        String secret = provisioned.adminKey().secret();

        Caller caller = await(app.authentication.byApiKey(secret));

        assertThat(secret).matches("tsk_[0-9a-f]{24}_[A-Za-z0-9_-]{43}");
        assertThat(caller).isEqualTo(new Caller.Tenant(provisioned.tenant().id(), java.util.EnumSet.allOf(Scope.class),
                "api-key:" + provisioned.adminKey().key().id()));
        assertThat(provisioned.adminKey().toString()).doesNotContain(secret);
    }

    @Test
    void provisioningWorksForTheNewTenantAndAuthenticationForNoTenant() {
        ProvisionedTenant provisioned = app.provision("Acme");
        await(app.authentication.byApiKey(provisioned.adminKey().secret()));

        assertThat(app.adapters.unitOfWork.tenants())
                .containsExactly(Optional.of(provisioned.tenant().id()), Optional.empty());
    }

    @Test
    void everyTenantGetsItsOwnKey() {
        ProvisionedTenant one = app.provision("One");
        ProvisionedTenant two = app.provision("Two");

        assertThat(one.tenant().id()).isNotEqualTo(two.tenant().id());
        assertThat(one.adminKey().secret()).isNotEqualTo(two.adminKey().secret());
        assertThat(await(app.authentication.byApiKey(two.adminKey().secret())).tenantWith(Scope.SURVEYS_READ))
                .isEqualTo(two.tenant().id());
        assertThat(app.adapters.tenants.size()).isEqualTo(2);
        assertThat(app.adapters.keys.size()).isEqualTo(2);
    }

    @Test
    void aTenantCallerMayNotProvisionEvenWithEveryScope() {
        Caller.Tenant tenant = callerWith(new TenantId(UUID.randomUUID()), Scope.values());

        assertAccessFailure(app.provisioning.provision(tenant, new ProvisionTenantCommand("Sneaky", "UTC")),
                Forbidden.class, "auth.operator-required");

        assertThat(app.adapters.tenants.size()).isZero();
        assertThat(app.adapters.keys.size()).isZero();
    }

    @Test
    void anInvalidTenantStoresNothing() {
        assertInvalid(app.provisioning.provision(app.operator, new ProvisionTenantCommand("Acme", "Mars/Olympus")),
                tuple("timeZone", "tenant.time-zone-invalid"));
        assertInvalid(app.provisioning.provision(app.operator, new ProvisionTenantCommand(" ", "UTC")),
                tuple("name", "value.required"));

        assertThat(app.adapters.tenants.size()).isZero();
        assertThat(app.adapters.keys.size()).isZero();
    }

    @Test
    void theTenantsClientIsCreatedAndItsSecretReturnedOnce() {
        ProvisionedTenant provisioned = app.provision("Acme");

        FakeTenantIdentities.Client client = app.identities.client(provisioned.tenant().id()).orElseThrow();
        assertThat(provisioned.client()).contains(new TenantClient(client.clientId(), client.secret()));
        assertThat(client.enabled()).isTrue();
        assertThat(provisioned.client().orElseThrow().toString()).doesNotContain(client.secret());
    }

    @Test
    void anUnreachableIdentityProviderFailsProvisioningAndStoresNothing() {
        app.identities.unreachable(true);

        assertThatThrownBy(() -> app.provision("Acme"))
                .isInstanceOf(Unavailable.class)
                .extracting(failure -> ((Unavailable) failure).code()).isEqualTo("identity.unavailable");

        assertThat(app.adapters.tenants.size()).isZero();
        assertThat(app.adapters.keys.size()).isZero();
        assertThat(app.identities.size()).isZero();
    }

    @Test
    void aFailedTransactionRemovesTheClientAgain() {
        app.adapters.tenants.failNextAdd(new IllegalStateException("the database went away"));

        assertThatThrownBy(() -> app.provision("Acme")).hasMessageContaining("the database went away");

        assertThat(app.identities.size()).isZero();
        assertThat(app.adapters.tenants.size()).isZero();
        assertThat(app.adapters.keys.size()).isZero();
    }

    @Test
    void anInvalidTenantCreatesNoClient() {
        assertInvalid(app.provisioning.provision(app.operator, new ProvisionTenantCommand("Acme", "Mars/Olympus")),
                tuple("timeZone", "tenant.time-zone-invalid"));

        assertThat(app.identities.size()).isZero();
    }
}

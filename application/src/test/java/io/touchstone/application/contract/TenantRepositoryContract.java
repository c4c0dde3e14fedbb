package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.domain.tenant.TenantStatus;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link TenantRepository} does, the in-memory fake and the database adapter alike. */
public abstract class TenantRepositoryContract extends PortContract {

    @Test
    public void aStoredTenantIsFoundWithEveryField() {
        Tenant tenant = ContractFixtures.tenant("شرکت پارس – Пример s.r.o.", "Asia/Tehran");

        transactionally(tenant.id(), () -> tenants().add(tenant));
        Tenant found = transactionally(tenant.id(), () -> tenants().find(tenant.id())).orElseThrow();

        assertThat(found.id()).isEqualTo(tenant.id());
        assertThat(found.name()).isEqualTo("شرکت پارس – Пример s.r.o.");
        assertThat(found.timeZone()).isEqualTo(ZoneId.of("Asia/Tehran"));
        assertThat(found.createdAt()).isEqualTo(T0);
    }

    @Test
    public void anUnknownTenantIsNotFound() {
        TenantId unknown = new TenantId(UUID.randomUUID());

        Optional<Tenant> found = transactionally(unknown, () -> tenants().find(unknown));

        assertThat(found).isEmpty();
    }

    @Test
    public void aTenantIsStoredOnlyOnce() {
        Tenant tenant = ContractFixtures.tenant();
        transactionally(tenant.id(), () -> tenants().add(tenant));

        assertTransactionFails(tenant.id(),
                () -> tenants().add(Tenant.rehydrate(tenant.id(), "Other name", "UTC", T0)));

        assertThat(transactionally(tenant.id(),
                () -> tenants().find(tenant.id())).map(Tenant::name)).contains(tenant.name());
    }

    @Test
    public void aTransactionThatFailsAfterAddingATenantLeavesNothing() {
        Tenant tenant = ContractFixtures.tenant();

        assertTransactionFails(tenant.id(),
                () -> tenants().add(tenant).chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(transactionally(tenant.id(), () -> tenants().find(tenant.id()))).isEmpty();
    }

    @Test
    public void aTransactionSeesTheTenantItAdded() {
        Tenant tenant = ContractFixtures.tenant();

        Optional<Tenant> found = transactionally(tenant.id(),
                () -> tenants().add(tenant).chain(() -> tenants().find(tenant.id())));

        assertThat(found.map(Tenant::id)).contains(tenant.id());
    }

    @Test
    public void aTenantIsActiveUntilItsStatusIsUpdated() {
        Tenant tenant = ContractFixtures.tenant();
        transactionally(tenant.id(), () -> tenants().add(tenant));
        assertThat(withoutTenant(() -> tenants().statusOf(tenant.id()))).contains(TenantStatus.ACTIVE);

        tenant.suspend();
        transactionally(tenant.id(), () -> tenants().update(tenant));

        assertThat(transactionally(tenant.id(), () -> tenants().find(tenant.id())).map(Tenant::status))
                .contains(TenantStatus.SUSPENDED);
        assertThat(withoutTenant(() -> tenants().statusOf(tenant.id()))).contains(TenantStatus.SUSPENDED);
    }

    @Test
    public void theStatusOfAnUnknownTenantIsEmpty() {
        assertThat(withoutTenant(() -> tenants().statusOf(new TenantId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    public void withoutTenantNoTenantIsFoundButItsStatusIs() {
        Tenant tenant = ContractFixtures.tenant();
        transactionally(tenant.id(), () -> tenants().add(tenant));

        assertThat(withoutTenant(() -> tenants().find(tenant.id()))).isEmpty();
        assertThat(withoutTenant(() -> tenants().statusOf(tenant.id()))).contains(TenantStatus.ACTIVE);
    }
}

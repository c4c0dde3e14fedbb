package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link TenantRepository} does, the in-memory fake and the database adapter alike. */
public abstract class TenantRepositoryContract extends PortContract {

    protected abstract TenantRepository tenants();

    @Test
    public void aStoredTenantIsFoundWithEveryField() {
        Tenant tenant = ContractFixtures.tenant("شرکت پارس – Пример s.r.o.", "Asia/Tehran");

        transactionally(() -> tenants().add(tenant));
        Tenant found = transactionally(() -> tenants().find(tenant.id())).orElseThrow();

        assertThat(found.id()).isEqualTo(tenant.id());
        assertThat(found.name()).isEqualTo("شرکت پارس – Пример s.r.o.");
        assertThat(found.timeZone()).isEqualTo(ZoneId.of("Asia/Tehran"));
        assertThat(found.createdAt()).isEqualTo(T0);
    }

    @Test
    public void anUnknownTenantIsNotFound() {
        Optional<Tenant> found = transactionally(() -> tenants().find(new TenantId(UUID.randomUUID())));

        assertThat(found).isEmpty();
    }

    @Test
    public void aTenantIsStoredOnlyOnce() {
        Tenant tenant = ContractFixtures.tenant();
        transactionally(() -> tenants().add(tenant));

        assertTransactionFails(() -> tenants().add(Tenant.rehydrate(tenant.id(), "Other name", "UTC", T0)));

        assertThat(transactionally(() -> tenants().find(tenant.id())).map(Tenant::name)).contains(tenant.name());
    }

    @Test
    public void aTransactionThatFailsAfterAddingATenantLeavesNothing() {
        Tenant tenant = ContractFixtures.tenant();

        assertTransactionFails(() -> tenants().add(tenant).chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(transactionally(() -> tenants().find(tenant.id()))).isEmpty();
    }

    @Test
    public void aTransactionSeesTheTenantItAdded() {
        Tenant tenant = ContractFixtures.tenant();

        Optional<Tenant> found = transactionally(() -> tenants().add(tenant).chain(() -> tenants().find(tenant.id())));

        assertThat(found.map(Tenant::id)).contains(tenant.id());
    }
}

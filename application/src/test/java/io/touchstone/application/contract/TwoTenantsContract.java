package io.touchstone.application.contract;

import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;

/** A port contract whose tests need a stored tenant and another one, to show that data stays with its tenant. */
public abstract class TwoTenantsContract extends PortContract {

    protected TenantId tenant;
    protected TenantId otherTenant;

    @BeforeEach
    public void storeTwoTenants() {
        Tenant one = ContractFixtures.tenant();
        Tenant two = ContractFixtures.tenant();
        transactionally(one.id(), () -> tenants().add(one));
        transactionally(two.id(), () -> tenants().add(two));
        tenant = one.id();
        otherTenant = two.id();
    }
}

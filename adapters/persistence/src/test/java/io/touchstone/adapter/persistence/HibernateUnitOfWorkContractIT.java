package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.UnitOfWorkContract;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateUnitOfWorkContractIT extends UnitOfWorkContract {

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateApiKeyRepository keys;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}

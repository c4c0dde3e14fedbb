package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.ApiKeyRepositoryContract;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateApiKeyRepositoryContractIT extends ApiKeyRepositoryContract {

    @Inject
    HibernateApiKeyRepository keys;

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}

package io.touchstone.application.contract;

import io.touchstone.application.fake.InMemoryAdapters;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;

class InMemoryUnitOfWorkContractTest extends UnitOfWorkContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected TenantRepository tenants() {
        return adapters.tenants;
    }

    @Override
    protected ApiKeyRepository keys() {
        return adapters.keys;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return adapters.unitOfWork;
    }
}

package io.touchstone.application.contract;

import io.touchstone.application.fake.InMemoryAdapters;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;

class InMemorySurveyRepositoryContractTest extends SurveyRepositoryContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected SurveyRepository surveys() {
        return adapters.surveys;
    }

    @Override
    protected TenantRepository tenants() {
        return adapters.tenants;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return adapters.unitOfWork;
    }
}

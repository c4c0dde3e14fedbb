package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.SurveyRepositoryContract;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateSurveyRepositoryContractIT extends SurveyRepositoryContract {

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Override
    protected SurveyRepository surveys() {
        return surveys;
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

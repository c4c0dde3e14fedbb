package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.ResponseRepositoryContract;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateResponseRepositoryContractIT extends ResponseRepositoryContract {

    @Inject
    HibernateResponseRepository responses;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Override
    protected ResponseRepository responses() {
        return responses;
    }

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

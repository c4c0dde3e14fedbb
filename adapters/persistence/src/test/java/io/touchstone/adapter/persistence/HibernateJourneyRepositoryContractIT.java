package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.JourneyRepositoryContract;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateJourneyRepositoryContractIT extends JourneyRepositoryContract {

    @Inject
    PersistencePorts adapters;

    @Override
    protected Ports ports() {
        return adapters.ports();
    }
}

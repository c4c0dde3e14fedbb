package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.ResponseStatisticsContract;
import jakarta.inject.Inject;

/** The contract before any roll-up: the roll-up path counts every response from the raw tables. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class SqlResponseStatisticsPendingContractIT extends ResponseStatisticsContract {

    @Inject
    PersistencePorts adapters;

    @Override
    protected Ports ports() {
        return adapters.ports();
    }
}

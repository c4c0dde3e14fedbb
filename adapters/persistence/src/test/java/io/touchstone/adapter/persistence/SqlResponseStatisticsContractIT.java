package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.ResponseStatisticsContract;
import io.touchstone.domain.response.Response;
import jakarta.inject.Inject;

/**
 * The contract with the roll-up half done: after every second response stored, everything pending is rolled up, so
 * that the roll-up path counts rolled-up and pending responses together in most tests.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class SqlResponseStatisticsContractIT extends ResponseStatisticsContract {

    @Inject
    PersistencePorts adapters;

    @Inject
    ResponseRollup rollup;

    private int stored;

    @Override
    protected Ports ports() {
        return adapters.ports();
    }

    @Override
    protected void stored(Response response) {
        if (++stored % 2 == 0) {
            Rollups.rollUpEverything(rollup);
        }
    }
}

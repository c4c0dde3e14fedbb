package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.ResponseStatisticsContract;
import io.touchstone.domain.response.Response;
import jakarta.inject.Inject;

/** The contract with every response rolled up as soon as it is stored: the roll-up path reads the roll-up only. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class SqlResponseStatisticsRolledUpContractIT extends ResponseStatisticsContract {

    @Inject
    PersistencePorts adapters;

    @Inject
    ResponseRollup rollup;

    @Override
    protected Ports ports() {
        return adapters.ports();
    }

    @Override
    protected void stored(Response response) {
        Rollups.rollUpEverything(rollup);
    }
}

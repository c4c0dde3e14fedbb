package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.InteractionStatisticsContract;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.application.port.out.LifecycleEventRepository;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class SqlInteractionStatisticsContractIT extends InteractionStatisticsContract {

    @Inject
    PersistencePorts adapters;

    @Inject
    HibernateInteractionRepository interactions;

    @Inject
    HibernateLifecycleEventRepository lifecycleEvents;

    @Inject
    SqlInteractionStatistics interactionStatistics;

    @Override
    protected Ports ports() {
        return adapters.ports();
    }

    @Override
    protected InteractionRepository interactions() {
        return interactions;
    }

    @Override
    protected LifecycleEventRepository lifecycleEvents() {
        return lifecycleEvents;
    }

    @Override
    protected InteractionStatistics interactionStatistics() {
        return interactionStatistics;
    }
}

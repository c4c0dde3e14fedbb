package io.touchstone.application.contract;

import io.touchstone.application.fake.InMemoryAdapters;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.application.port.out.LifecycleEventRepository;

class InMemoryInteractionStatisticsContractTest extends InteractionStatisticsContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Ports ports() {
        return adapters.ports();
    }

    @Override
    protected InteractionRepository interactions() {
        return adapters.interactions;
    }

    @Override
    protected LifecycleEventRepository lifecycleEvents() {
        return adapters.lifecycleEvents;
    }

    @Override
    protected InteractionStatistics interactionStatistics() {
        return adapters.interactionStatistics;
    }
}

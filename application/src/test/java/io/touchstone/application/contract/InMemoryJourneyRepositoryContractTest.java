package io.touchstone.application.contract;

import io.touchstone.application.fake.InMemoryAdapters;

class InMemoryJourneyRepositoryContractTest extends JourneyRepositoryContract {

    private final Ports ports = new InMemoryAdapters().ports();

    @Override
    protected Ports ports() {
        return ports;
    }
}

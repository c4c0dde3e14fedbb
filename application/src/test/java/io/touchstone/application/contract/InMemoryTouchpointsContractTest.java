package io.touchstone.application.contract;

import io.touchstone.application.fake.InMemoryAdapters;

class InMemoryTouchpointsContractTest extends TouchpointsContract {

    private final Ports ports = new InMemoryAdapters().ports();

    @Override
    protected Ports ports() {
        return ports;
    }
}

package io.touchstone.application.contract;

import io.touchstone.application.fake.InMemoryAdapters;
import io.touchstone.application.port.out.InteractionLinks;

class InMemoryInteractionLinksContractTest extends InteractionLinksContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Ports ports() {
        return adapters.ports();
    }

    @Override
    protected InteractionLinks interactionLinks() {
        return adapters.interactionLinks;
    }
}

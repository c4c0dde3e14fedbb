package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.InteractionLinksContract;
import io.touchstone.application.port.out.InteractionLinks;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateInteractionLinksContractIT extends InteractionLinksContract {

    @Inject
    PersistencePorts adapters;

    @Inject
    HibernateInteractionLinks links;

    @Override
    protected Ports ports() {
        return adapters.ports();
    }

    @Override
    protected InteractionLinks interactionLinks() {
        return links;
    }
}

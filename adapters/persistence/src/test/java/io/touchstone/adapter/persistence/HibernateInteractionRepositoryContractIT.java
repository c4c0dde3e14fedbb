package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.InteractionRepositoryContract;
import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.util.UUID;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateInteractionRepositoryContractIT extends InteractionRepositoryContract {

    @Inject
    PersistencePorts adapters;

    @Inject
    HibernateInteractionRepository interactions;

    @Inject
    HibernateLifecycleEventRepository lifecycleEvents;

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

    /** The first touchpoint of a journey stored for {@code tenant}: the table's foreign key needs a real one. */
    @Override
    protected TouchpointId touchpointOf(TenantId tenant) {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
        return journey.stages().getFirst().touchpoints().getFirst().id();
    }
}

package io.touchstone.application.contract;

import io.touchstone.application.fake.InMemoryAdapters;
import io.touchstone.application.fake.InMemoryInteractionRepository;
import io.touchstone.application.fake.InMemoryLifecycleEventRepository;
import io.touchstone.application.fake.InMemoryUnitOfWork;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.tenant.TenantId;
import java.util.UUID;

class InMemoryInteractionRepositoryContractTest extends InteractionRepositoryContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final InMemoryInteractionRepository interactions = new InMemoryInteractionRepository();
    private final InMemoryLifecycleEventRepository lifecycleEvents = new InMemoryLifecycleEventRepository();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(adapters.tenants, interactions,
            lifecycleEvents);

    @Override
    protected Ports ports() {
        return adapters.ports();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
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
    protected TouchpointId touchpointOf(TenantId tenant) {
        // the fake checks no touchpoints: that is the database's foreign key
        return new TouchpointId(UUID.randomUUID());
    }
}

package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The smallest {@link Touchpoints} the interaction tests need: touchpoints a test places directly, per tenant, with
 * the fakes' row-level security. (The journeys' own fake derives touchpoints from stored journeys.)
 */
public final class InMemoryTouchpointsForInteractions implements Touchpoints {

    private record Key(TenantId tenantId, TouchpointId id) {
    }

    private final Map<Key, TouchpointRef> touchpoints = new HashMap<>();

    public synchronized void put(TenantId tenant, TouchpointRef touchpoint) {
        touchpoints.put(new Key(tenant, touchpoint.id()), touchpoint);
    }

    @Override
    public Uni<Optional<TouchpointRef>> find(TenantId tenant, TouchpointId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenant)) {
                    return Optional.<TouchpointRef>empty();
                }
                return Optional.ofNullable(touchpoints.get(new Key(tenant, id)));
            }
        });
    }
}

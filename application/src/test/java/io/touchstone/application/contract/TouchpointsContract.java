package io.touchstone.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.application.port.out.Touchpoints.TouchpointRef;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.response.Channel;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Touchpoints} lookup does, over the journeys the {@code JourneyRepository} stored. */
public abstract class TouchpointsContract extends TwoTenantsContract {

    @Test
    public void findsATouchpointWithItsJourneyStageChannelAndStatus() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
        Stage delivery = journey.stages().get(1);
        Touchpoint sms = delivery.touchpoints().getFirst();

        assertThat(transactionally(tenant, () -> touchpoints().find(tenant, sms.id())))
                .contains(new TouchpointRef(sms.id(), journey.id(), delivery.id(), Channel.SMS,
                        TouchpointStatus.ACTIVE));
    }

    @Test
    public void aRetiredTouchpointIsFoundRetired() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        Touchpoint phone = journey.stages().getFirst().touchpoints().get(1);
        transactionally(tenant, () -> journeys().add(journey));

        transactionally(tenant, () -> journeys().findForChange(tenant, journey.id()).flatMap(loaded -> {
            loaded.orElseThrow().retireTouchpoint(phone.id(), ContractFixtures.T0.plusSeconds(5));
            return journeys().update(loaded.orElseThrow());
        }));

        assertThat(transactionally(tenant, () -> touchpoints().find(tenant, phone.id())))
                .hasValueSatisfying(ref -> {
                    assertThat(ref.status()).isEqualTo(TouchpointStatus.RETIRED);
                    assertThat(ref.channel()).isEqualTo(Channel.PHONE);
                    assertThat(ref.stage()).isEqualTo(journey.stages().getFirst().id());
                });
    }

    @Test
    public void aTouchpointAddedLaterIsFound() {
        Journey journey = JourneyFixtures.small(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
        TouchpointId added = JourneyFixtures.touchpointId();

        transactionally(tenant, () -> journeys().findForChange(tenant, journey.id()).flatMap(loaded -> {
            loaded.orElseThrow().addTouchpoint(journey.stages().getFirst().id(), added, "Chat", Channel.CHAT,
                    ContractFixtures.T0.plusSeconds(5));
            return journeys().update(loaded.orElseThrow());
        }));

        assertThat(transactionally(tenant, () -> touchpoints().find(tenant, added)))
                .hasValueSatisfying(ref -> assertThat(ref.channel()).isEqualTo(Channel.CHAT));
    }

    @Test
    public void anotherTenantsTouchpointAndAnUnknownOneAreNotFound() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
        TouchpointId mine = journey.stages().getFirst().touchpoints().getFirst().id();

        assertThat(transactionally(otherTenant, () -> touchpoints().find(otherTenant, mine))).isEmpty();
        assertThat(transactionally(tenant, () -> touchpoints().find(tenant, JourneyFixtures.touchpointId())))
                .isEmpty();
    }
}

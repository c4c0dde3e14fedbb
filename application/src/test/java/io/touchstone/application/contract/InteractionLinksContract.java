package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.InteractionLinks;
import io.touchstone.domain.interaction.CustomerRef;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.Outcome;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InteractionLinks} does: an interaction of the tenant, found by event id, with its touchpoint. */
public abstract class InteractionLinksContract extends PortContract {

    protected abstract InteractionLinks interactionLinks();

    private TenantId tenant;
    private TenantId otherTenant;
    private Journey journey;

    @BeforeEach
    public void storeTenantsAndJourneys() {
        Tenant one = ContractFixtures.tenant();
        Tenant two = ContractFixtures.tenant();
        tenant = one.id();
        otherTenant = two.id();
        transactionally(tenant, () -> tenants().add(one));
        transactionally(otherTenant, () -> tenants().add(two));
        journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
    }

    private Interaction record(TenantId owner, Touchpoint at, String eventId, StaffRef employee, StaffRef team,
            LocationRef location) {
        Interaction interaction = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), owner,
                new InteractionContent(new EventId(eventId), at.id(), new CustomerRef("zákazník-7"), T0,
                        Outcome.COMPLETED, null, employee, team, location, Map.of()), T0.plusSeconds(1));
        transactionally(owner, () -> interactionRepository().add(interaction));
        return interaction;
    }

    private LinkedInteraction find(TenantId as, TenantId of, String eventId) {
        return transactionally(as, () -> interactionLinks().find(of, eventId)).orElse(null);
    }

    @Test
    public void findsTheInteractionWithItsJourneyStageTouchpointChannelAndStaff() {
        Stage ordering = journey.stages().getFirst();
        Touchpoint phone = ordering.touchpoints().get(1);
        Interaction call = record(tenant, phone, "call-1", new StaffRef("agent-17"), new StaffRef("Tým Brno"),
                new LocationRef("تهران"));

        LinkedInteraction found = find(tenant, tenant, "call-1");

        assertThat(found).isEqualTo(new LinkedInteraction(call.id(), journey.id(), ordering.id(), phone.id(),
                Channel.PHONE, new StaffRef("agent-17"), new StaffRef("Tým Brno"), new LocationRef("تهران")));
    }

    @Test
    public void anInteractionWithoutStaffHasNone() {
        Stage delivery = journey.stages().get(1);
        Touchpoint sms = delivery.touchpoints().getFirst();
        Interaction delivered = record(tenant, sms, "sms-1", null, null, null);

        assertThat(find(tenant, tenant, "sms-1")).isEqualTo(new LinkedInteraction(delivered.id(), journey.id(),
                delivery.id(), sms.id(), Channel.SMS, null, null, null));
    }

    @Test
    public void eventIdsOfOtherTenantsAndUnknownOnesAreNotFound() {
        Touchpoint web = journey.stages().getFirst().touchpoints().getFirst();
        record(tenant, web, "order-1", null, null, null);
        Journey theirs = JourneyFixtures.orderToDelivery(otherTenant, UUID.randomUUID());
        transactionally(otherTenant, () -> journeys().add(theirs));
        Interaction theirOrder = record(otherTenant, theirs.stages().getFirst().touchpoints().getFirst(), "order-1",
                null, null, null);

        assertThat(find(otherTenant, tenant, "order-1")).isNull();
        assertThat(find(tenant, tenant, "order-2")).isNull();
        assertThat(find(tenant, tenant, "ORDER-1")).isNull();
        assertThat(find(tenant, tenant, "not an event id")).isNull();
        // the same event id in another tenant is that tenant's own interaction
        assertThat(find(otherTenant, otherTenant, "order-1").interaction()).isEqualTo(theirOrder.id());
        assertThat(find(otherTenant, otherTenant, "order-1").journey()).isEqualTo(theirs.id());
    }
}

package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.T0;

import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.tenant.TenantId;
import java.util.List;
import java.util.UUID;

/** Journeys for the port contracts: Czech and Persian names, fresh random ids every time. */
public final class JourneyFixtures {

    private JourneyFixtures() {
    }

    /**
     * "Objednávka až po doručení": stages Objednávka (touchpoints Web shop on WEB, Zákaznická linka on PHONE) and
     * Doručení (تحویل on SMS), then Reklamace without touchpoints.
     */
    public static Journey orderToDelivery(TenantId tenant, UUID id) {
        return Journey.create(new JourneyId(id), tenant, "Objednávka až po doručení", "Od košíku ke dveřím zákazníka",
                List.of(
                        new Stage(stageId(), "Objednávka", List.of(
                                Touchpoint.open(touchpointId(), "Web shop", Channel.WEB),
                                Touchpoint.open(touchpointId(), "Zákaznická linka", Channel.PHONE))),
                        new Stage(stageId(), "Doručení", List.of(
                                Touchpoint.open(touchpointId(), "تحویل", Channel.SMS))),
                        Stage.empty(stageId(), "Reklamace")),
                T0);
    }

    /** A journey with one empty stage and no description. */
    public static Journey small(TenantId tenant, UUID id) {
        return Journey.create(new JourneyId(id), tenant, "Podpora", null, List.of(Stage.empty(stageId(), "Případ")),
                T0);
    }

    public static StageId stageId() {
        return new StageId(UUID.randomUUID());
    }

    public static TouchpointId touchpointId() {
        return new TouchpointId(UUID.randomUUID());
    }
}

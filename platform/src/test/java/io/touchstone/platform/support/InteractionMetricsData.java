package io.touchstone.platform.support;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleEventContent;
import io.touchstone.domain.interaction.LifecycleEventId;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's interactions and lifecycle events in January 2026, stored straight through the repositories (the
 * recording rules would refuse events before the tenant existed), with every figure of them computed by hand.
 * The tenant is in Europe/Prague (CET, +1); ISO weeks W2 = 01-05..01-12, W3 = 01-12..01-19.
 *
 * <pre>
 * interactions   W2                         W3
 *   Zákaznická linka (PHONE)  500, 50 abandoned (10 %)   100, 20 abandoned (20 %): one of them on 01-11 23:30 UTC,
 *                                                        which is 01-12 00:30 in Prague
 *   Web shop (WEB)            20, none abandoned (0 %)   none
 * customers (plan)  a pro, b pro, c free, d free, e none: active since 2025-12-20; f pro activated 01-07
 *   a churned 01-06; c churned 01-11 23:59:59 local (W2); d churned 01-12 00:00 local (W3); f churned 01-15
 *   W2: 5 active at start, a and c lost (40 %): pro 1 of 2, free 1 of 2, none 0 of 1
 *   W3: b, d, e, f active at start, d and f lost (50 %): pro 1 of 2 (b, f), free 1 of 1, none 0 of 1
 * </pre>
 */
public final class InteractionMetricsData {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The journey and its two touchpoints with interactions. */
    public record Stored(JourneyId journey, TouchpointId phone, TouchpointId web) {
    }

    private InteractionMetricsData() {
    }

    public static Stored store(UnitOfWork unitOfWork, JourneyRepository journeys, InteractionRepository interactions,
            LifecycleEventRepository events, TenantId tenant) {
        TouchpointId web = new TouchpointId(UUID.randomUUID());
        TouchpointId phone = new TouchpointId(UUID.randomUUID());
        Journey journey = Journey.create(new JourneyId(UUID.randomUUID()), tenant, "Objednávka", null, List.of(
                new Stage(new StageId(UUID.randomUUID()), "Objednávka", List.of(
                        Touchpoint.open(web, "Web shop", Channel.WEB),
                        Touchpoint.open(phone, "Zákaznická linka", Channel.PHONE)))),
                Instant.parse("2025-12-01T00:00:00Z"));
        unitOfWork.transactionally(tenant, () -> journeys.add(journey)).await().atMost(TIMEOUT);

        Uni<Void> adds = Uni.createFrom().voidItem();
        for (int i = 0; i < 500; i++) {
            adds = adds.chain(add(interactions, tenant, phone, "2026-01-06T10:00:00Z", i % 10 == 0));
        }
        for (int i = 0; i < 99; i++) {
            adds = adds.chain(add(interactions, tenant, phone, "2026-01-13T10:00:00Z", i < 19));
        }
        adds = adds.chain(add(interactions, tenant, phone, "2026-01-11T23:30:00Z", true));
        for (int i = 0; i < 20; i++) {
            adds = adds.chain(add(interactions, tenant, web, "2026-01-08T10:00:00Z", false));
        }
        Uni<Void> all = adds;
        unitOfWork.transactionally(tenant, () -> all).await().atMost(TIMEOUT);

        Uni<Void> lifecycle = Uni.createFrom().voidItem();
        for (String[] event : new String[][] {
                {"a", "ACTIVATED", "2025-12-20T10:00:00Z", "pro"}, {"b", "ACTIVATED", "2025-12-20T10:00:00Z", "pro"},
                {"c", "ACTIVATED", "2025-12-20T10:00:00Z", "free"}, {"d", "ACTIVATED", "2025-12-20T10:00:00Z", "free"},
                {"e", "ACTIVATED", "2025-12-20T10:00:00Z", null}, {"f", "ACTIVATED", "2026-01-07T10:00:00Z", "pro"},
                {"a", "CHURNED", "2026-01-06T10:00:00Z", null}, {"c", "CHURNED", "2026-01-11T22:59:59Z", null},
                {"d", "CHURNED", "2026-01-11T23:00:00Z", null}, {"f", "CHURNED", "2026-01-15T10:00:00Z", null}}) {
            lifecycle = lifecycle.chain(() -> events.add(lifecycleEvent(tenant, event)));
        }
        Uni<Void> allEvents = lifecycle;
        unitOfWork.transactionally(tenant, () -> allEvents).await().atMost(TIMEOUT);
        return new Stored(journey.id(), phone, web);
    }

    private static java.util.function.Supplier<Uni<? extends Void>> add(InteractionRepository interactions,
            TenantId tenant, TouchpointId at, String occurredAt, boolean abandoned) {
        return () -> interactions.add(Interaction.rehydrate(new InteractionId(UUID.randomUUID()), tenant,
                InteractionContent.of("call-" + UUID.randomUUID(), at.value(), "zákazník-1",
                        Instant.parse(occurredAt), abandoned ? "ABANDONED" : "COMPLETED", null, "agent-1", "Brno",
                        null, Map.of()),
                Instant.parse("2026-01-20T00:00:00Z")));
    }

    private static LifecycleEvent lifecycleEvent(TenantId tenant, String[] event) {
        Map<String, String> attributes = new HashMap<>();
        if (event[3] != null) {
            attributes.put("plan", event[3]);
        }
        return LifecycleEvent.rehydrate(new LifecycleEventId(UUID.randomUUID()), tenant,
                LifecycleEventContent.of("life-" + UUID.randomUUID(), event[0], event[1], Instant.parse(event[2]),
                        null, attributes),
                Instant.parse("2026-01-20T00:00:00Z"));
    }
}

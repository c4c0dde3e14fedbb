package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.definition;
import static io.touchstone.application.service.ServiceHarness.nps;
import static io.touchstone.application.service.ServiceHarness.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.JourneyMapUseCase.JourneyMapQuery;
import io.touchstone.application.port.in.JourneyMapUseCase.JourneyMapReport;
import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journeymap.JourneyMap;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journey map against the in-memory adapters, over a week of February 2026 in Prague (CET) and the week before:
 *
 * <pre>
 *                      week 2026-02-02..09                    week before (01-26..02-02)
 *   Web shop           2 interactions, none abandoned          -
 *   Zákaznická linka   4 interactions, 1 abandoned (25 %);     2 interactions; 1 response about them: NPS 0
 *   (survey: NPS)      3 responses about them: NPS 10, 10, 0
 *                      (33.3...), and one about no interaction
 * </pre>
 */
class JourneyMapServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private Caller.Tenant caller;
    private Journey journey;
    private Survey survey;
    private TouchpointId web;
    private TouchpointId phone;
    private int events;

    @BeforeEach
    void journeyWithASurveyAtThePhone() {
        caller = app.newTenant();
        survey = app.publishedSurvey(caller, definition(nps("nps")));
        journey = JourneyFixtures.orderToDelivery(caller.tenantId(), UUID.randomUUID());
        web = journey.stages().get(0).touchpoints().get(0).id();
        phone = journey.stages().get(0).touchpoints().get(1).id();
        journey.attachSurvey(phone, survey.id(), ServiceHarness.START);
        await(app.adapters.unitOfWork.transactionally(caller.tenantId(), () -> app.adapters.journeys.add(journey)));
    }

    private String interaction(TouchpointId at, String occurredAt, boolean abandoned) {
        String eventId = "call-" + ++events;
        Interaction interaction = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), caller.tenantId(),
                InteractionContent.of(eventId, at.value(), "zákazník-" + events, Instant.parse(occurredAt),
                        abandoned ? "ABANDONED" : "COMPLETED", null, "agent-1", null, null, Map.of()),
                ServiceHarness.START);
        await(app.adapters.unitOfWork.transactionally(caller.tenantId(),
                () -> app.adapters.interactions.add(interaction)));
        return eventId;
    }

    private void respond(String at, String interactionEventId, int nps) {
        app.submitAt(Instant.parse(at), caller, new SubmitResponseCommand("r-" + UUID.randomUUID(),
                survey.id().value(), null, "cs", null, null, Map.of(), List.of(score("nps", nps)),
                interactionEventId));
    }

    private JourneyMapReport map(Caller who, UUID journeyId) {
        return await(app.journeyMap.map(who, new JourneyMapQuery(journeyId, "2026-02-02", "2026-02-09")));
    }

    @Test
    void everyStageAndTouchpointWithVolumeAbandonmentResponsesAndHeadline() {
        interaction(web, "2026-02-03T10:00:00Z", false);
        interaction(web, "2026-02-08T22:59:59Z", false);                 // 8 February 23:59:59 in Prague
        interaction(web, "2026-02-08T23:00:00Z", true);                  // 9 February: after
        String first = interaction(phone, "2026-02-03T10:00:00Z", false);
        String second = interaction(phone, "2026-02-04T10:00:00Z", false);
        interaction(phone, "2026-02-05T10:00:00Z", true);
        String fourth = interaction(phone, "2026-02-01T23:00:00Z", false); // 2 February 00:00: in the week
        String before = interaction(phone, "2026-01-28T10:00:00Z", false);
        interaction(phone, "2026-01-29T10:00:00Z", false);
        respond("2026-02-03T11:00:00Z", first, 10);
        respond("2026-02-04T11:00:00Z", second, 10);
        respond("2026-02-05T11:00:00Z", fourth, 0);
        respond("2026-02-05T12:00:00Z", null, 10);                       // about no interaction
        respond("2026-01-28T11:00:00Z", before, 0);

        JourneyMapReport report = map(caller, journey.id().value());

        assertThat(report.name()).isEqualTo(journey.name());
        assertThat(report.previous().from()).hasToString("2026-01-26");
        JourneyMap.StageView ordering = report.map().stages().get(0);
        assertThat(report.map().stages()).extracting(JourneyMap.StageView::name)
                .containsExactly("Objednávka", "Doručení", "Reklamace");
        assertThat(ordering.volume()).isEqualTo(6);
        assertThat(ordering.abandonment().orElseThrow().rate()).isCloseTo(100.0 / 6, within(1e-9));
        assertThat(ordering.responses()).isEqualTo(3);
        JourneyMap.TouchpointView webShop = ordering.touchpoints().get(0);
        assertThat(webShop.volume()).isEqualTo(2);
        assertThat(webShop.abandonment().orElseThrow().rate()).isZero();
        assertThat(webShop.responses()).isZero();
        assertThat(webShop.headline()).isEmpty();
        JourneyMap.TouchpointView line = ordering.touchpoints().get(1);
        assertThat(line.volume()).isEqualTo(4);
        assertThat(line.abandonment().orElseThrow().rate()).isEqualTo(25.0);
        assertThat(line.responses()).isEqualTo(3);
        assertThat(line.headline().orElseThrow().n()).isEqualTo(3);
        assertThat(line.headline().orElseThrow().value().orElseThrow()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(line.headline().orElseThrow().previousN()).isEqualTo(1);
        assertThat(line.headline().orElseThrow().previousValue()).contains(-100.0);
        assertThat(line.headline().orElseThrow().change().orElseThrow().difference())
                .isCloseTo(100.0 / 3 + 100, within(1e-9));
        JourneyMap.StageView delivery = report.map().stages().get(1);
        assertThat(delivery.volume()).isZero();
        assertThat(delivery.abandonment()).isEmpty();
        assertThat(delivery.touchpoints().getFirst().responses()).isZero();
    }

    @Test
    void interactionsAndResponsesAtAnotherJourneysTouchpointsNeverCount() {
        Journey support = JourneyFixtures.orderToDelivery(caller.tenantId(), UUID.randomUUID());
        TouchpointId elsewhere = support.stages().get(0).touchpoints().get(1).id();
        support.attachSurvey(elsewhere, survey.id(), ServiceHarness.START);
        await(app.adapters.unitOfWork.transactionally(caller.tenantId(), () -> app.adapters.journeys.add(support)));
        String ours = interaction(phone, "2026-02-03T10:00:00Z", false);
        String theirs = interaction(elsewhere, "2026-02-03T10:00:00Z", true);
        respond("2026-02-03T11:00:00Z", ours, 10);
        respond("2026-02-03T11:00:00Z", theirs, 0);
        respond("2026-02-03T12:00:00Z", theirs, 0);

        JourneyMap.TouchpointView line = map(caller, journey.id().value()).map().stages().get(0).touchpoints().get(1);
        assertThat(line.volume()).isEqualTo(1);
        assertThat(line.responses()).isEqualTo(1);
        assertThat(line.headline().orElseThrow().n()).isEqualTo(1);
        assertThat(line.headline().orElseThrow().value()).contains(100.0);
        JourneyMap.TouchpointView theirLine = map(caller, support.id().value()).map().stages().get(0)
                .touchpoints().get(1);
        assertThat(theirLine.volume()).isEqualTo(1);
        assertThat(theirLine.responses()).isEqualTo(2);
        assertThat(theirLine.headline().orElseThrow().value()).contains(-100.0);
    }

    @Test
    void anotherTenantsJourneyIsNotFound() {
        Caller.Tenant other = app.newTenant();

        assertDomainFailure(app.journeyMap.map(other, new JourneyMapQuery(journey.id().value(), "2026-02-02",
                "2026-02-09")), NotFound.class, "journey.not-found");
        assertDomainFailure(app.journeyMap.map(caller, new JourneyMapQuery(UUID.randomUUID(), "2026-02-02",
                "2026-02-09")), NotFound.class, "journey.not-found");
    }

    @Test
    void needsMetricsReadAndAValidPeriod() {
        ServiceHarness.assertFails(app.journeyMap.map(callerWithout(caller.tenantId(), Scope.METRICS_READ),
                new JourneyMapQuery(journey.id().value(), "2026-02-02", "2026-02-09"))).isInstanceOf(Forbidden.class);
        assertDomainFailure(app.journeyMap.map(caller, new JourneyMapQuery(journey.id().value(), "2026-02-09",
                "2026-02-02")), InvalidValue.class, "query.range-empty");
        assertDomainFailure(app.journeyMap.map(caller, new JourneyMapQuery(journey.id().value(), "2026-02-02",
                null)), InvalidValue.class, "value.required");
    }
}

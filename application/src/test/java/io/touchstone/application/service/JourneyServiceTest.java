package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWith;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.JourneyDefinition;
import io.touchstone.application.port.in.JourneyDefinition.StageDefinition;
import io.touchstone.application.port.in.JourneyDefinition.TouchpointDefinition;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.out.Touchpoints.TouchpointRef;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JourneyServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant tenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();

    private static JourneyDefinition orderToDelivery() {
        return new JourneyDefinition("Objednávka až po doručení", "Od košíku ke dveřím", List.of(
                new StageDefinition("Objednávka", List.of(new TouchpointDefinition("Web shop", "WEB"),
                        new TouchpointDefinition("Zákaznická linka", "PHONE"))),
                new StageDefinition("Doručení", List.of(new TouchpointDefinition("تحویل", "SMS"))),
                new StageDefinition("Reklamace", null)));
    }

    private Journey created() {
        return await(app.journeys.create(tenant, orderToDelivery()));
    }

    @Test
    void createsAJourneyWithNewIdsAndStoresIt() {
        Journey journey = created();

        Journey stored = await(app.adapters.journeys.find(tenant.tenantId(), journey.id())).orElseThrow();
        assertThat(stored.tenantId()).isEqualTo(tenant.tenantId());
        assertThat(stored.createdAt()).isEqualTo(START);
        assertThat(stored.stages()).containsExactlyElementsOf(journey.stages());
        assertThat(stored.stages()).extracting(Stage::name).containsExactly("Objednávka", "Doručení", "Reklamace");
        assertThat(stored.stages().getFirst().touchpoints()).extracting(Touchpoint::name, Touchpoint::channel)
                .containsExactly(tuple("Web shop", Channel.WEB), tuple("Zákaznická linka", Channel.PHONE));
        assertThat(stored.stages().get(2).touchpoints()).isEmpty();
        List<UUID> ids = new ArrayList<>(List.of(journey.id().value()));
        journey.stages().forEach(stage -> {
            ids.add(stage.id().value());
            stage.touchpoints().forEach(t -> ids.add(t.id().value()));
        });
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    }

    @Test
    void creationIsAuditedInItsOwnTransaction() {
        Journey journey = created();

        assertThat(app.adapters.auditLog.all()).filteredOn(e -> e.tenantId().equals(tenant.tenantId()))
                .extracting(AuditEvent::action, AuditEvent::targetId)
                .contains(tuple(AuditAction.JOURNEY_CREATED, journey.id().toString()));
    }

    @Test
    void theTouchpointsOfACreatedJourneyAreFoundThroughTheLookup() {
        Journey journey = created();
        Stage delivery = journey.stages().get(1);
        Touchpoint sms = delivery.touchpoints().getFirst();

        assertThat(await(app.adapters.unitOfWork.transactionally(tenant.tenantId(),
                () -> app.adapters.journeys.find(tenant.tenantId(), sms.id()))))
                .contains(new TouchpointRef(sms.id(), journey.id(), delivery.id(), Channel.SMS,
                        TouchpointStatus.ACTIVE));
    }

    @Test
    void reportsEveryBadFieldOfADefinitionAndStoresNothing() {
        JourneyDefinition bad = new JourneyDefinition("", "", Arrays.asList(
                new StageDefinition(null, List.of(new TouchpointDefinition("Chat", "TELEPATHY"),
                        new TouchpointDefinition(" ", null))),
                null,
                new StageDefinition("x".repeat(201), Arrays.asList((TouchpointDefinition) null))));

        assertInvalid(app.journeys.create(tenant, bad),
                tuple("name", "value.required"),
                tuple("description", "value.required"),
                tuple("stages[0].name", "value.required"),
                tuple("stages[0].touchpoints[0].channel", "channel.unknown"),
                tuple("stages[0].touchpoints[1].name", "value.required"),
                tuple("stages[0].touchpoints[1].channel", "value.required"),
                tuple("stages[1]", "value.required"),
                tuple("stages[2].name", "value.too-long"),
                tuple("stages[2].touchpoints[0]", "value.required"));
        assertThat(app.adapters.journeys.size()).isZero();
    }

    @Test
    void duplicateNamesAndTooManyStagesAreReportedByPath() {
        JourneyDefinition duplicates = new JourneyDefinition("J", null, List.of(
                new StageDefinition("Platba", List.of(new TouchpointDefinition("Karta", "WEB"),
                        new TouchpointDefinition("karta", "IN_APP"))),
                new StageDefinition("PLATBA", List.of())));
        assertInvalid(app.journeys.create(tenant, duplicates),
                tuple("stages[0].touchpoints[1].name", "journey.touchpoint-name-duplicate"),
                tuple("stages[1].name", "journey.stage-name-duplicate"));

        JourneyDefinition tooMany = new JourneyDefinition("J", null, IntStream.range(0, 51)
                .mapToObj(i -> new StageDefinition("S" + i, List.of())).toList());
        assertInvalid(app.journeys.create(tenant, tooMany), tuple("stages", "journey.stages-count"));
        assertThat(app.adapters.journeys.size()).isZero();
    }

    @Test
    void readsAndListsOnlyTheCallersJourneysPageByPage() {
        Journey first = created();
        app.clock.advance(Duration.ofMillis(1));
        Journey second = created();
        app.clock.advance(Duration.ofMillis(1));
        Journey third = created();
        await(app.journeys.create(otherTenant, orderToDelivery()));

        assertThat(await(app.journeys.get(tenant, second.id().value())).name()).isEqualTo(second.name());
        Page<Journey> page = await(app.journeys.list(tenant, new PageRequest(2, Optional.empty())));
        Page<Journey> next = await(app.journeys.list(tenant, new PageRequest(2, page.nextCursor())));

        assertThat(page.items()).extracting(Journey::id).containsExactly(first.id(), second.id());
        assertThat(next.items()).extracting(Journey::id).containsExactly(third.id());
        assertThat(next.nextCursor()).isEmpty();
    }

    @Test
    void anotherTenantsJourneyIsNotFoundByAnyOperation() {
        Journey mine = created();
        UUID id = mine.id().value();
        UUID stage = mine.stages().getFirst().id().value();
        UUID touchpoint = mine.stages().getFirst().touchpoints().getFirst().id().value();
        Survey theirSurvey = await(app.surveys.create(otherTenant, everyType()));

        assertDomainFailure(app.journeys.get(otherTenant, id), NotFound.class, "journey.not-found");
        assertDomainFailure(app.journeys.rename(otherTenant, id, "B"), NotFound.class, "journey.not-found");
        assertDomainFailure(app.journeys.addStage(otherTenant, id, "B", Optional.empty()), NotFound.class,
                "journey.not-found");
        assertDomainFailure(app.journeys.renameStage(otherTenant, id, stage, "B"), NotFound.class,
                "journey.not-found");
        assertDomainFailure(app.journeys.reorderStages(otherTenant, id, List.of()), NotFound.class,
                "journey.not-found");
        assertDomainFailure(app.journeys.addTouchpoint(otherTenant, id, stage, "B", "WEB"), NotFound.class,
                "journey.not-found");
        assertDomainFailure(app.journeys.retireTouchpoint(otherTenant, id, touchpoint), NotFound.class,
                "journey.not-found");
        assertDomainFailure(app.journeys.attachSurvey(otherTenant, id, touchpoint,
                Optional.of(theirSurvey.id().value())), NotFound.class, "journey.not-found");
        assertDomainFailure(app.journeys.attachSurvey(otherTenant, id, touchpoint, Optional.empty()),
                NotFound.class, "journey.not-found");
        assertThat(await(app.journeys.list(otherTenant, new PageRequest(10, Optional.empty()))).items()).isEmpty();

        Journey unchanged = await(app.journeys.get(tenant, id));
        assertThat(unchanged.stages()).containsExactlyElementsOf(mine.stages());
        assertThat(unchanged.updatedAt()).isEqualTo(mine.updatedAt());
    }

    @Test
    void anotherTenantsSurveyCannotBeAttached() {
        Journey mine = created();
        UUID touchpoint = mine.stages().getFirst().touchpoints().getFirst().id().value();
        Survey theirs = await(app.surveys.create(otherTenant, everyType()));

        assertDomainFailure(app.journeys.attachSurvey(tenant, mine.id().value(), touchpoint,
                Optional.of(theirs.id().value())), NotFound.class, "survey.not-found");
        assertDomainFailure(app.journeys.attachSurvey(tenant, mine.id().value(), touchpoint,
                Optional.of(UUID.randomUUID())), NotFound.class, "survey.not-found");
        assertThat(await(app.journeys.get(tenant, mine.id().value())).touchpoint(mine.stages().getFirst()
                .touchpoints().getFirst().id()).orElseThrow().survey()).isEmpty();
    }

    @Test
    void attachesAndDetachesASurveyOfTheTenant() {
        Journey journey = created();
        Touchpoint web = journey.stages().getFirst().touchpoints().getFirst();
        Survey survey = await(app.surveys.create(tenant, everyType()));
        app.clock.advance(Duration.ofSeconds(1));

        Journey attached = await(app.journeys.attachSurvey(tenant, journey.id().value(), web.id().value(),
                Optional.of(survey.id().value())));
        Journey detached = await(app.journeys.attachSurvey(tenant, journey.id().value(), web.id().value(),
                Optional.empty()));

        assertThat(attached.touchpoint(web.id()).orElseThrow().survey()).contains(survey.id());
        assertThat(attached.updatedAt()).isEqualTo(START.plusSeconds(1));
        assertThat(detached.touchpoint(web.id()).orElseThrow().survey()).isEmpty();
        assertThat(await(app.journeys.get(tenant, journey.id().value())).touchpoint(web.id()).orElseThrow()
                .survey()).isEmpty();
    }

    @Test
    void anUnknownTouchpointIsReportedBeforeTheSurvey() {
        Journey journey = created();

        assertDomainFailure(app.journeys.attachSurvey(tenant, journey.id().value(), UUID.randomUUID(),
                Optional.of(UUID.randomUUID())), NotFound.class, "touchpoint.not-found");
        assertDomainFailure(app.journeys.attachSurvey(tenant, journey.id().value(), UUID.randomUUID(),
                Optional.empty()), NotFound.class, "touchpoint.not-found");
    }

    @Test
    void everyChangeIsStoredAndAnsweredAsTheWholeJourney() {
        Journey journey = created();
        UUID id = journey.id().value();
        List<Stage> stages = journey.stages();
        app.clock.advance(Duration.ofSeconds(5));

        await(app.journeys.rename(tenant, id, "Nákup"));
        Journey withStage = await(app.journeys.addStage(tenant, id, "Platba", Optional.of(1)));
        Stage payment = withStage.stages().get(1);
        await(app.journeys.renameStage(tenant, id, stages.get(1).id().value(), "Doprava"));
        Journey withTouchpoint = await(app.journeys.addTouchpoint(tenant, id, payment.id().value(), "Brána", "WEB"));
        Journey reordered = await(app.journeys.reorderStages(tenant, id, List.of(stages.get(2).id().value(),
                payment.id().value(), stages.get(0).id().value(), stages.get(1).id().value())));

        Journey stored = await(app.journeys.get(tenant, id));
        assertThat(stored.name()).isEqualTo("Nákup");
        assertThat(stored.updatedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(stored.stages()).extracting(Stage::name).containsExactly("Reklamace", "Platba", "Objednávka",
                "Doprava");
        assertThat(stored.stages().get(1).touchpoints()).extracting(Touchpoint::name).containsExactly("Brána");
        assertThat(withTouchpoint.stages().get(1).touchpoints()).hasSize(1);
        assertThat(reordered.stages()).containsExactlyElementsOf(stored.stages());
    }

    @Test
    void badChangesNameTheirFieldAndChangeNothing() {
        Journey journey = created();
        UUID id = journey.id().value();
        UUID order = journey.stages().getFirst().id().value();

        assertInvalid(app.journeys.rename(tenant, id, null), tuple("name", "value.required"));
        assertInvalid(app.journeys.addStage(tenant, id, "objednávka", Optional.empty()),
                tuple("name", "journey.stage-name-duplicate"));
        assertInvalid(app.journeys.addStage(tenant, id, "Nová", Optional.of(9)),
                tuple("index", "journey.stage-index-out-of-range"));
        assertInvalid(app.journeys.renameStage(tenant, id, order, "Doručení"),
                tuple("name", "journey.stage-name-duplicate"));
        assertInvalid(app.journeys.reorderStages(tenant, id, List.of(order)),
                tuple("stageIds", "journey.stage-order-mismatch"));
        assertInvalid(app.journeys.reorderStages(tenant, id, null),
                tuple("stageIds", "journey.stage-order-mismatch"));
        assertInvalid(app.journeys.addTouchpoint(tenant, id, order, "web SHOP", "WEB"),
                tuple("name", "journey.touchpoint-name-duplicate"));
        assertInvalid(app.journeys.addTouchpoint(tenant, id, order, "Fax", "FAX"),
                tuple("channel", "channel.unknown"));
        assertInvalid(app.journeys.addTouchpoint(tenant, id, order, "Fax", null),
                tuple("channel", "value.required"));
        assertDomainFailure(app.journeys.renameStage(tenant, id, UUID.randomUUID(), "X"), NotFound.class,
                "stage.not-found");
        assertDomainFailure(app.journeys.addTouchpoint(tenant, id, UUID.randomUUID(), "X", "WEB"), NotFound.class,
                "stage.not-found");
        assertDomainFailure(app.journeys.retireTouchpoint(tenant, id, UUID.randomUUID()), NotFound.class,
                "touchpoint.not-found");
        assertDomainFailure(app.journeys.get(tenant, UUID.randomUUID()), NotFound.class, "journey.not-found");

        Journey unchanged = await(app.journeys.get(tenant, id));
        assertThat(unchanged.name()).isEqualTo(journey.name());
        assertThat(unchanged.stages()).containsExactlyElementsOf(journey.stages());
        assertThat(unchanged.updatedAt()).isEqualTo(journey.updatedAt());
    }

    @Test
    void aFullJourneyOrStageRefusesMore() {
        Journey fullJourney = await(app.journeys.create(tenant, new JourneyDefinition("J", null,
                IntStream.range(0, 50).mapToObj(i -> new StageDefinition("S" + i, List.of())).toList())));
        Journey fullStage = await(app.journeys.create(tenant, new JourneyDefinition("K", null, List.of(
                new StageDefinition("S", IntStream.range(0, 100)
                        .mapToObj(i -> new TouchpointDefinition("T" + i, "WEB")).toList())))));

        assertDomainFailure(app.journeys.addStage(tenant, fullJourney.id().value(), "S50", Optional.empty()),
                RuleViolated.class, "journey.stages-full");
        assertDomainFailure(app.journeys.addTouchpoint(tenant, fullStage.id().value(),
                fullStage.stages().getFirst().id().value(), "T100", "WEB"), RuleViolated.class,
                "stage.touchpoints-full");
    }

    @Test
    void retiringIsIdempotentAuditedOnceAndTheLookupSeesIt() {
        Journey journey = created();
        Touchpoint phone = journey.stages().getFirst().touchpoints().get(1);
        app.clock.advance(Duration.ofSeconds(1));

        Journey retired = await(app.journeys.retireTouchpoint(tenant, journey.id().value(), phone.id().value()));
        app.clock.advance(Duration.ofSeconds(1));
        Journey again = await(app.journeys.retireTouchpoint(tenant, journey.id().value(), phone.id().value()));

        Touchpoint shown = again.touchpoint(phone.id()).orElseThrow();
        assertThat(shown.status()).isEqualTo(TouchpointStatus.RETIRED);
        assertThat(shown.retiredAt()).contains(START.plusSeconds(1));
        assertThat(again.updatedAt()).isEqualTo(retired.updatedAt());
        assertThat(again.stages().getFirst().touchpoints()).extracting(Touchpoint::id)
                .containsExactly(journey.stages().getFirst().touchpoints().getFirst().id(), phone.id());
        assertThat(app.adapters.auditLog.all()).filteredOn(e -> e.action() == AuditAction.TOUCHPOINT_RETIRED)
                .extracting(AuditEvent::targetId).containsExactly(phone.id().toString());
        assertThat(await(app.adapters.journeys.find(tenant.tenantId(), phone.id())).orElseThrow().status())
                .isEqualTo(TouchpointStatus.RETIRED);
        assertDomainFailure(app.journeys.attachSurvey(tenant, journey.id().value(), phone.id().value(),
                Optional.of(await(app.surveys.create(tenant, everyType())).id().value())), RuleViolated.class,
                "touchpoint.retired");
    }

    @Test
    void readsNeedJourneysReadAndChangesJourneysWrite() {
        Journey journey = created();
        UUID id = journey.id().value();
        Caller reader = callerWith(tenant.tenantId(), Scope.JOURNEYS_READ);
        Caller writer = callerWithout(tenant.tenantId(), Scope.JOURNEYS_READ);
        Caller noWrite = callerWithout(tenant.tenantId(), Scope.JOURNEYS_WRITE);

        assertThat(await(app.journeys.get(reader, id)).id()).isEqualTo(journey.id());
        assertAccessFailure(app.journeys.get(writer, id), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.journeys.list(writer, PageRequest.of(null, null)), Forbidden.class,
                "auth.scope-missing");
        assertAccessFailure(app.journeys.create(noWrite, orderToDelivery()), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.journeys.rename(noWrite, id, "X"), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.journeys.retireTouchpoint(noWrite, id, UUID.randomUUID()), Forbidden.class,
                "auth.scope-missing");
        assertThat(await(app.journeys.rename(writer, id, "Přejmenováno")).name()).isEqualTo("Přejmenováno");
    }

    @Test
    void everyUseCaseRunsInATransactionForTheCallersTenant() {
        Journey journey = created();
        await(app.journeys.get(tenant, journey.id().value()));
        await(app.journeys.rename(tenant, journey.id().value(), "X"));

        assertThat(app.adapters.unitOfWork.tenants()).endsWith(Optional.of(tenant.tenantId()),
                Optional.of(tenant.tenantId()), Optional.of(tenant.tenantId()));
    }
}

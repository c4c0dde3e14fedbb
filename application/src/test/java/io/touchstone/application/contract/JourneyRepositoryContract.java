package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.IDS_IN_STORED_ORDER;
import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link JourneyRepository} does, the in-memory fake and the database adapter alike. */
public abstract class JourneyRepositoryContract extends TwoTenantsContract {

    private static final Instant LATER = T0.plusSeconds(600);

    @Test
    public void aStoredJourneyIsFoundWithItsStagesAndTouchpointsInOrder() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());

        transactionally(tenant, () -> journeys().add(journey));
        Journey found = find(journey.id()).orElseThrow();

        assertSameJourney(found, journey);
        assertThat(found.stages()).extracting(Stage::name).containsExactly("Objednávka", "Doručení", "Reklamace");
        assertThat(found.stages().get(0).touchpoints()).extracting(Touchpoint::name, Touchpoint::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Web shop", Channel.WEB),
                        org.assertj.core.groups.Tuple.tuple("Zákaznická linka", Channel.PHONE));
        assertThat(found.stages().get(1).touchpoints().getFirst().name()).isEqualTo("تحویل");
        assertThat(found.description()).contains("Od košíku ke dveřím zákazníka");
    }

    @Test
    public void aJourneyWithoutDescriptionReadsBackWithout() {
        Journey journey = JourneyFixtures.small(tenant, UUID.randomUUID());

        transactionally(tenant, () -> journeys().add(journey));

        assertThat(find(journey.id()).orElseThrow().description()).isEmpty();
    }

    @Test
    public void updateStoresEveryKindOfChange() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        Survey survey = ContractFixtures.published(tenant, UUID.randomUUID());
        transactionally(tenant, () -> surveys().add(survey).chain(() -> journeys().add(journey)));
        List<Stage> stages = journey.stages();
        Touchpoint web = stages.get(0).touchpoints().get(0);
        Touchpoint phone = stages.get(0).touchpoints().get(1);

        Journey changed = transactionally(tenant, () -> journeys().findForChange(tenant, journey.id())
                .flatMap(loaded -> {
                    Journey j = loaded.orElseThrow();
                    j.rename("Nákup", LATER);
                    j.renameStage(stages.get(1).id(), "Doprava", LATER);
                    Stage added = j.addStage(JourneyFixtures.stageId(), "Platba", Optional.of(1), LATER);
                    j.addTouchpoint(added.id(), JourneyFixtures.touchpointId(), "Platební brána", Channel.WEB, LATER);
                    j.addTouchpoint(stages.get(2).id(), JourneyFixtures.touchpointId(), "Prodejna", Channel.IN_STORE,
                            LATER);
                    j.reorderStages(List.of(stages.get(2).id(), added.id(), stages.get(0).id(), stages.get(1).id()),
                            LATER);
                    j.retireTouchpoint(phone.id(), LATER);
                    j.attachSurvey(web.id(), survey.id(), LATER);
                    return journeys().update(j).replaceWith(j);
                }));

        Journey found = find(journey.id()).orElseThrow();
        assertSameJourney(found, changed);
        assertThat(found.name()).isEqualTo("Nákup");
        assertThat(found.updatedAt()).isEqualTo(LATER);
        assertThat(found.stages()).extracting(Stage::name)
                .containsExactly("Reklamace", "Platba", "Objednávka", "Doprava");
        assertThat(found.touchpoint(phone.id()).orElseThrow().status()).isEqualTo(TouchpointStatus.RETIRED);
        assertThat(found.touchpoint(phone.id()).orElseThrow().retiredAt()).contains(LATER);
        assertThat(found.touchpoint(web.id()).orElseThrow().survey()).contains(survey.id());
    }

    @Test
    public void stagesSwapPlacesInOneUpdate() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
        List<StageId> reversed = journey.stages().stream().map(Stage::id).toList().reversed();

        transactionally(tenant, () -> journeys().findForChange(tenant, journey.id()).flatMap(loaded -> {
            loaded.orElseThrow().reorderStages(reversed, LATER);
            return journeys().update(loaded.orElseThrow());
        }));

        assertThat(find(journey.id()).orElseThrow().stages()).extracting(Stage::id).containsExactlyElementsOf(reversed);
    }

    @Test
    public void aDetachedSurveyIsGone() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        Survey survey = ContractFixtures.draft(tenant, UUID.randomUUID());
        Touchpoint web = journey.stages().getFirst().touchpoints().getFirst();
        journey.attachSurvey(web.id(), survey.id(), T0);
        transactionally(tenant, () -> surveys().add(survey).chain(() -> journeys().add(journey)));

        transactionally(tenant, () -> journeys().findForChange(tenant, journey.id()).flatMap(loaded -> {
            loaded.orElseThrow().detachSurvey(web.id(), LATER);
            return journeys().update(loaded.orElseThrow());
        }));

        assertThat(find(journey.id()).orElseThrow().touchpoint(web.id()).orElseThrow().survey()).isEmpty();
    }

    @Test
    public void aTouchpointCannotNameASurveyTheTenantDoesNotHave() {
        Survey theirs = ContractFixtures.draft(otherTenant, UUID.randomUUID());
        transactionally(otherTenant, () -> surveys().add(theirs));
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        journey.attachSurvey(journey.stages().getFirst().touchpoints().getFirst().id(), theirs.id(), T0);

        assertTransactionFails(tenant, () -> journeys().add(journey));
        Journey unknown = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        unknown.attachSurvey(unknown.stages().getFirst().touchpoints().getFirst().id(),
                new SurveyId(UUID.randomUUID()), T0);
        assertTransactionFails(tenant, () -> journeys().add(unknown));

        assertThat(find(journey.id())).isEmpty();
        assertThat(find(unknown.id())).isEmpty();
    }

    @Test
    public void changingALoadedJourneyChangesNothingStoredUntilUpdate() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));

        Journey loaded = find(journey.id()).orElseThrow();
        loaded.rename("Jinak", LATER);
        loaded.addStage(JourneyFixtures.stageId(), "Navíc", Optional.empty(), LATER);

        Journey found = find(journey.id()).orElseThrow();
        assertSameJourney(found, journey);
    }

    @Test
    public void updatingAnUnknownJourneyFailsAndStoresNothing() {
        Journey never = JourneyFixtures.small(tenant, UUID.randomUUID());

        assertTransactionFails(tenant, () -> journeys().update(never));

        assertThat(find(never.id())).isEmpty();
    }

    @Test
    public void anotherTenantsJourneyIsNeitherFoundNorListed() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));

        assertThat(transactionally(otherTenant, () -> journeys().find(otherTenant, journey.id()))).isEmpty();
        assertThat(transactionally(otherTenant, () -> journeys().findForChange(otherTenant, journey.id()))).isEmpty();
        assertThat(transactionally(otherTenant,
                () -> journeys().list(otherTenant, new KeysetPage(100, Optional.empty())))).isEmpty();
        assertThat(find(new JourneyId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    public void theSameIdsMayBeUsedByTwoTenants() {
        Journey mine = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        Journey theirs = Journey.rehydrate(mine.id(), otherTenant, "Cizí", null, mine.stages(), T0, T0);

        transactionally(tenant, () -> journeys().add(mine));
        transactionally(otherTenant, () -> journeys().add(theirs));

        assertThat(find(mine.id()).orElseThrow().name()).isEqualTo("Objednávka až po doručení");
        assertThat(transactionally(otherTenant, () -> journeys().find(otherTenant, mine.id())).orElseThrow().name())
                .isEqualTo("Cizí");
    }

    @Test
    public void listsInIdOrderPageByPageWithWholeJourneys() {
        List<UUID> scrambled = List.of(IDS_IN_STORED_ORDER.get(3), IDS_IN_STORED_ORDER.get(5),
                IDS_IN_STORED_ORDER.get(1), IDS_IN_STORED_ORDER.get(4), IDS_IN_STORED_ORDER.get(0),
                IDS_IN_STORED_ORDER.get(2));
        for (UUID id : scrambled) {
            transactionally(tenant, () -> journeys().add(JourneyFixtures.orderToDelivery(tenant, id)));
        }
        transactionally(otherTenant,
                () -> journeys().add(JourneyFixtures.small(otherTenant, UUID.randomUUID())));

        List<Journey> all = transactionally(tenant,
                () -> journeys().list(tenant, new KeysetPage(100, Optional.empty())));
        List<UUID> first = ids(transactionally(tenant,
                () -> journeys().list(tenant, new KeysetPage(4, Optional.empty()))));
        List<UUID> second = ids(transactionally(tenant, () -> journeys().list(tenant,
                new KeysetPage(4, Optional.of(first.getLast())))));

        assertThat(ids(all)).containsExactlyElementsOf(IDS_IN_STORED_ORDER);
        assertThat(all).allSatisfy(journey -> assertThat(journey.stages()).extracting(Stage::name)
                .containsExactly("Objednávka", "Doručení", "Reklamace"));
        assertThat(first).containsExactlyElementsOf(IDS_IN_STORED_ORDER.subList(0, 4));
        assertThat(second).containsExactlyElementsOf(IDS_IN_STORED_ORDER.subList(4, 6));
    }

    @Test
    public void aTransactionThatFailsAfterItsWritesLeavesNothing() {
        Journey stored = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(stored));
        Journey added = JourneyFixtures.small(tenant, UUID.randomUUID());

        assertTransactionFails(tenant, () -> journeys().add(added)
                .chain(() -> journeys().findForChange(tenant, stored.id()))
                .chain(found -> {
                    found.orElseThrow().rename("Nikdy", LATER);
                    return journeys().update(found.orElseThrow());
                })
                .chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(find(added.id())).isEmpty();
        assertThat(find(stored.id()).orElseThrow().name()).isEqualTo("Objednávka až po doručení");
    }

    private Optional<Journey> find(JourneyId id) {
        return transactionally(tenant, () -> journeys().find(tenant, id));
    }

    private static List<UUID> ids(List<Journey> journeys) {
        return journeys.stream().map(journey -> journey.id().value()).toList();
    }

    static void assertSameJourney(Journey actual, Journey expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.tenantId()).isEqualTo(expected.tenantId());
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.description()).isEqualTo(expected.description());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.updatedAt()).isEqualTo(expected.updatedAt());
        assertThat(actual.stages()).containsExactlyElementsOf(expected.stages());
    }
}

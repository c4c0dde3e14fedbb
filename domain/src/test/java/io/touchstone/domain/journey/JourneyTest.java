package io.touchstone.domain.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.DomainException;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class JourneyTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final JourneyId JOURNEY = new JourneyId(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant LATER = T0.plusSeconds(60);
    private static final SurveyId SURVEY = new SurveyId(UUID.randomUUID());

    private final Touchpoint web = Touchpoint.open(touchpointId(), "Web shop", Channel.WEB);
    private final Touchpoint phone = Touchpoint.open(touchpointId(), "Zákaznická linka", Channel.PHONE);
    private final Touchpoint sms = Touchpoint.open(touchpointId(), "تحویل", Channel.SMS);
    private final Stage order = new Stage(stageId(), "Objednávka", List.of(web, phone));
    private final Stage delivery = new Stage(stageId(), "Doručení", List.of(sms));
    private final Stage complaint = Stage.empty(stageId(), "Reklamace");

    private Journey journey() {
        return Journey.create(JOURNEY, TENANT, "  Objednávka až po doručení ", "Od košíku ke dveřím",
                List.of(order, delivery, complaint), T0);
    }

    @Test
    void aNewJourneyKeepsItsStagesAndTouchpointsInOrderWithStrippedNames() {
        Journey journey = journey();

        assertThat(journey.id()).isEqualTo(JOURNEY);
        assertThat(journey.tenantId()).isEqualTo(TENANT);
        assertThat(journey.name()).isEqualTo("Objednávka až po doručení");
        assertThat(journey.description()).contains("Od košíku ke dveřím");
        assertThat(journey.createdAt()).isEqualTo(T0);
        assertThat(journey.updatedAt()).isEqualTo(T0);
        assertThat(journey.stages()).containsExactly(order, delivery, complaint);
        assertThat(journey.stage(delivery.id())).contains(delivery);
        assertThat(journey.touchpoint(phone.id())).contains(phone);
        assertThat(phone.status()).isEqualTo(TouchpointStatus.ACTIVE);
        assertThat(phone.retiredAt()).isEmpty();
        assertThat(phone.survey()).isEmpty();
    }

    @Test
    void aJourneyMayHaveNoStagesAndNoDescription() {
        Journey journey = Journey.create(JOURNEY, TENANT, "Podpora", null, List.of(), T0);

        assertThat(journey.stages()).isEmpty();
        assertThat(journey.description()).isEmpty();
    }

    @Test
    void namesAreRequiredAndBoundedAtEveryLevel() {
        assertInvalid(() -> Journey.create(JOURNEY, TENANT, " ", "x".repeat(2001), List.of(), T0),
                tuple("name", "value.required"), tuple("description", "value.too-long"));
        assertInvalid(() -> Journey.create(JOURNEY, TENANT, "x".repeat(201), null, List.of(), T0),
                tuple("name", "value.too-long"));
        assertThat(Journey.create(JOURNEY, TENANT, "ž".repeat(200), "d".repeat(2000), List.of(), T0).name())
                .hasSize(200);
        assertInvalid(() -> Stage.empty(stageId(), ""), tuple("name", "value.required"));
        assertInvalid(() -> Touchpoint.open(touchpointId(), null, Channel.WEB), tuple("name", "value.required"));
        assertInvalid(() -> Touchpoint.open(touchpointId(), "Chat", null), tuple("channel", "value.required"));
    }

    @Test
    void namesRepeatingWithinALevelIgnoringCaseAreNamedByTheirPath() {
        Stage first = new Stage(stageId(), "Doručení", List.of(
                Touchpoint.open(touchpointId(), "Kurýr", Channel.PHONE),
                Touchpoint.open(touchpointId(), "KURÝR", Channel.SMS)));
        Stage again = new Stage(stageId(), "DORUČENÍ", List.of(
                Touchpoint.open(touchpointId(), "Kurýr", Channel.PHONE)));

        assertInvalid(() -> Journey.create(JOURNEY, TENANT, "J", null, List.of(first, again), T0),
                tuple("stages[0].touchpoints[1].name", "journey.touchpoint-name-duplicate"),
                tuple("stages[1].name", "journey.stage-name-duplicate"));
    }

    @Test
    void theSameTouchpointNameMayAppearInTwoStages() {
        Stage one = new Stage(stageId(), "A", List.of(Touchpoint.open(touchpointId(), "E-mail", Channel.EMAIL)));
        Stage two = new Stage(stageId(), "B", List.of(Touchpoint.open(touchpointId(), "E-mail", Channel.EMAIL)));

        assertThat(Journey.create(JOURNEY, TENANT, "J", null, List.of(one, two), T0).stages()).hasSize(2);
    }

    @Test
    void greekFinalAndMedialSigmaAreTheSameName() {
        Stage one = Stage.empty(stageId(), "οδος");
        Stage two = Stage.empty(stageId(), "ΟΔΟΣ");
        Stage three = Stage.empty(stageId(), "οδοσ");

        assertInvalid(() -> Journey.create(JOURNEY, TENANT, "J", null, List.of(one, two, three), T0),
                tuple("stages[1].name", "journey.stage-name-duplicate"),
                tuple("stages[2].name", "journey.stage-name-duplicate"));
    }

    @Test
    void atMostFiftyStagesAndAHundredTouchpointsPerStage() {
        List<Stage> fifty = IntStream.range(0, 50).mapToObj(i -> Stage.empty(stageId(), "Stage " + i)).toList();
        List<Touchpoint> hundred = IntStream.range(0, 100)
                .mapToObj(i -> Touchpoint.open(touchpointId(), "Touchpoint " + i, Channel.WEB)).toList();
        assertThat(Journey.create(JOURNEY, TENANT, "J", null, fifty, T0).stages()).hasSize(50);
        assertThat(Journey.create(JOURNEY, TENANT, "J", null,
                List.of(new Stage(stageId(), "S", hundred)), T0).stages().getFirst().touchpoints()).hasSize(100);

        List<Stage> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(Stage.empty(stageId(), "One too many"));
        List<Touchpoint> hundredOne = new ArrayList<>(hundred);
        hundredOne.add(Touchpoint.open(touchpointId(), "One too many", Channel.WEB));
        assertInvalid(() -> Journey.create(JOURNEY, TENANT, "J", null, fiftyOne, T0),
                tuple("stages", "journey.stages-count"));
        assertInvalid(() -> Journey.create(JOURNEY, TENANT, "J", null,
                List.of(Stage.empty(stageId(), "S"), new Stage(stageId(), "T", hundredOne)), T0),
                tuple("stages[1].touchpoints", "stage.touchpoints-count"));
    }

    @Test
    void anIdAppearsOnceInAJourney() {
        Stage twice = new Stage(stageId(), "Twice", List.of(web));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Journey.create(JOURNEY, TENANT, "J", null, List.of(order, twice), T0));
    }

    @Test
    void renamingChangesTheNameAndTheUpdateTime() {
        Journey journey = journey();

        journey.rename(" Nákup ", LATER);

        assertThat(journey.name()).isEqualTo("Nákup");
        assertThat(journey.updatedAt()).isEqualTo(LATER);
        assertInvalid(() -> journey.rename("", LATER), tuple("name", "value.required"));
    }

    @Test
    void addsAStageLastOrAtAnIndex() {
        Journey journey = journey();

        Stage payment = journey.addStage(stageId(), "Platba", Optional.of(1), LATER);
        Stage last = journey.addStage(stageId(), "Zpětná vazba", Optional.empty(), LATER);
        Stage first = journey.addStage(stageId(), "Výběr", Optional.of(0), LATER);

        assertThat(journey.stages()).extracting(Stage::name).containsExactly(
                "Výběr", "Objednávka", "Platba", "Doručení", "Reklamace", "Zpětná vazba");
        assertThat(payment.touchpoints()).isEmpty();
        assertThat(journey.stages()).contains(last, first);
        assertThat(journey.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void refusesAStageAtAnIndexOutsideTheJourneyOrWithATakenName() {
        Journey journey = journey();

        assertInvalid(() -> journey.addStage(stageId(), "X", Optional.of(4), LATER),
                tuple("index", "journey.stage-index-out-of-range"));
        assertInvalid(() -> journey.addStage(stageId(), "X", Optional.of(-1), LATER),
                tuple("index", "journey.stage-index-out-of-range"));
        assertInvalid(() -> journey.addStage(stageId(), "doručení", Optional.empty(), LATER),
                tuple("name", "journey.stage-name-duplicate"));
        assertThat(journey.stages()).containsExactly(order, delivery, complaint);
        assertThat(journey.updatedAt()).isEqualTo(T0);
    }

    @Test
    void aFullJourneyTakesNoFurtherStage() {
        Journey journey = Journey.create(JOURNEY, TENANT, "J", null,
                IntStream.range(0, 50).mapToObj(i -> Stage.empty(stageId(), "Stage " + i)).toList(), T0);

        assertFailure(() -> journey.addStage(stageId(), "Stage 50", Optional.empty(), LATER), RuleViolated.class,
                "journey.stages-full");
        assertThat(journey.stages()).hasSize(50);
    }

    @Test
    void renamesAStageKeepingItsTouchpoints() {
        Journey journey = journey();

        Stage renamed = journey.renameStage(delivery.id(), "Doprava", LATER);

        assertThat(renamed).isEqualTo(new Stage(delivery.id(), "Doprava", List.of(sms)));
        assertThat(journey.stages().get(1)).isEqualTo(renamed);
        assertThat(journey.renameStage(delivery.id(), "DOPRAVA", LATER).name()).isEqualTo("DOPRAVA");
        assertInvalid(() -> journey.renameStage(delivery.id(), "objednávka", LATER),
                tuple("name", "journey.stage-name-duplicate"));
        assertFailure(() -> journey.renameStage(stageId(), "X", LATER), NotFound.class, "stage.not-found");
    }

    @Test
    void reordersStagesByAPermutationOfTheirIds() {
        Journey journey = journey();

        journey.reorderStages(List.of(complaint.id(), order.id(), delivery.id()), LATER);

        assertThat(journey.stages()).containsExactly(complaint, order, delivery);
        assertThat(journey.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aReorderThatIsNotAPermutationChangesNothing() {
        Journey journey = journey();
        List<List<StageId>> wrong = List.of(
                List.of(order.id(), delivery.id()),
                List.of(order.id(), delivery.id(), complaint.id(), stageId()),
                List.of(order.id(), order.id(), delivery.id()),
                List.of(order.id(), delivery.id(), stageId()),
                List.of());

        for (List<StageId> attempt : wrong) {
            assertInvalid(() -> journey.reorderStages(attempt, LATER),
                    tuple("stageIds", "journey.stage-order-mismatch"));
        }
        assertThat(journey.stages()).containsExactly(order, delivery, complaint);
        assertThat(journey.updatedAt()).isEqualTo(T0);
    }

    @Test
    void addsATouchpointAtTheEndOfItsStage() {
        Journey journey = journey();

        Touchpoint chat = journey.addTouchpoint(order.id(), touchpointId(), "Chat", Channel.CHAT, LATER);

        assertThat(journey.stages().getFirst().touchpoints()).containsExactly(web, phone, chat);
        assertThat(chat.status()).isEqualTo(TouchpointStatus.ACTIVE);
        assertThat(journey.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void refusesATouchpointWithATakenNameOrInAnUnknownOrFullStage() {
        Journey journey = journey();

        assertInvalid(() -> journey.addTouchpoint(order.id(), touchpointId(), "WEB SHOP", Channel.EMAIL, LATER),
                tuple("name", "journey.touchpoint-name-duplicate"));
        assertFailure(() -> journey.addTouchpoint(stageId(), touchpointId(), "Chat", Channel.CHAT, LATER),
                NotFound.class, "stage.not-found");
        assertInvalid(() -> journey.addTouchpoint(order.id(), touchpointId(), "Chat", null, LATER),
                tuple("channel", "value.required"));

        Journey full = Journey.create(JOURNEY, TENANT, "J", null, List.of(new Stage(stageId(), "S",
                IntStream.range(0, 100).mapToObj(i -> Touchpoint.open(touchpointId(), "T" + i, Channel.WEB))
                        .toList())), T0);
        assertFailure(() -> full.addTouchpoint(full.stages().getFirst().id(), touchpointId(), "T100", Channel.WEB,
                LATER), RuleViolated.class, "stage.touchpoints-full");
        assertThat(journey.stages().getFirst().touchpoints()).containsExactly(web, phone);
    }

    @Test
    void aRetiredTouchpointStaysInPlaceWithItsIdOnceAndForAll() {
        Journey journey = journey();

        Touchpoint retired = journey.retireTouchpoint(web.id(), LATER);
        Touchpoint again = journey.retireTouchpoint(web.id(), LATER.plusSeconds(60));

        assertThat(retired.id()).isEqualTo(web.id());
        assertThat(retired.status()).isEqualTo(TouchpointStatus.RETIRED);
        assertThat(retired.retiredAt()).contains(LATER);
        assertThat(again).isEqualTo(retired);
        assertThat(journey.updatedAt()).isEqualTo(LATER);
        assertThat(journey.stages().getFirst().touchpoints()).containsExactly(retired, phone);
        assertFailure(() -> journey.retireTouchpoint(touchpointId(), LATER), NotFound.class, "touchpoint.not-found");
    }

    @Test
    void aRetiredTouchpointsNameIsStillTaken() {
        Journey journey = journey();
        journey.retireTouchpoint(web.id(), LATER);

        assertInvalid(() -> journey.addTouchpoint(order.id(), touchpointId(), "Web shop", Channel.WEB, LATER),
                tuple("name", "journey.touchpoint-name-duplicate"));
    }

    @Test
    void attachesReplacesAndDetachesASurvey() {
        Journey journey = journey();
        SurveyId other = new SurveyId(UUID.randomUUID());

        assertThat(journey.attachSurvey(phone.id(), SURVEY, LATER).survey()).contains(SURVEY);
        assertThat(journey.attachSurvey(phone.id(), other, LATER).survey()).contains(other);
        assertThat(journey.touchpoint(phone.id()).orElseThrow().survey()).contains(other);
        assertThat(journey.detachSurvey(phone.id(), LATER.plusSeconds(1)).survey()).isEmpty();
        assertThat(journey.updatedAt()).isEqualTo(LATER.plusSeconds(1));
        assertThat(journey.detachSurvey(phone.id(), LATER.plusSeconds(2)).survey()).isEmpty();
        assertThat(journey.updatedAt()).as("detaching nothing changes nothing").isEqualTo(LATER.plusSeconds(1));
        assertFailure(() -> journey.attachSurvey(touchpointId(), SURVEY, LATER), NotFound.class,
                "touchpoint.not-found");
    }

    @Test
    void noSurveyCanBeAttachedToARetiredTouchpointButOneCanBeDetached() {
        Journey journey = journey();
        journey.attachSurvey(sms.id(), SURVEY, LATER);
        journey.retireTouchpoint(sms.id(), LATER);

        assertFailure(() -> journey.attachSurvey(sms.id(), new SurveyId(UUID.randomUUID()), LATER),
                RuleViolated.class, "touchpoint.retired");
        assertThat(journey.touchpoint(sms.id()).orElseThrow().survey()).contains(SURVEY);
        assertThat(journey.detachSurvey(sms.id(), LATER).survey()).isEmpty();
        assertThat(journey.touchpoint(sms.id()).orElseThrow().isRetired()).isTrue();
    }

    @Test
    void aTouchpointIsRetiredExactlyWhenItHasARetirementTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Touchpoint(touchpointId(), "T", Channel.WEB,
                TouchpointStatus.RETIRED, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Touchpoint(touchpointId(), "T", Channel.WEB,
                TouchpointStatus.ACTIVE, Optional.of(T0), Optional.empty()));
    }

    @Test
    void rehydrationRestoresEverything() {
        Journey journey = journey();
        journey.retireTouchpoint(web.id(), LATER);

        Journey again = Journey.rehydrate(journey.id(), journey.tenantId(), journey.name(),
                journey.description().orElse(null), journey.stages(), journey.createdAt(), journey.updatedAt());

        assertThat(again.stages()).isEqualTo(journey.stages());
        assertThat(again.updatedAt()).isEqualTo(LATER);
        assertThat(again.createdAt()).isEqualTo(T0);
    }

    private static void assertInvalid(ThrowingCallable call, Tuple... violations) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValue.class, invalid ->
                assertThat(invalid.violations()).extracting("field", "code").containsExactly(violations));
    }

    private static void assertFailure(ThrowingCallable call, Class<? extends DomainException> type, String code) {
        assertThatThrownBy(call).isInstanceOf(type).extracting(e -> ((DomainException) e).code()).isEqualTo(code);
    }

    private static StageId stageId() {
        return new StageId(UUID.randomUUID());
    }

    private static TouchpointId touchpointId() {
        return new TouchpointId(UUID.randomUUID());
    }
}

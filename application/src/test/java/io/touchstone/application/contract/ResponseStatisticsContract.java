package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.CS;
import static io.touchstone.application.contract.ContractFixtures.FA;
import static io.touchstone.application.contract.ContractFixtures.IDS_IN_STORED_ORDER;
import static io.touchstone.application.contract.ContractFixtures.choice;
import static io.touchstone.application.contract.ContractFixtures.score;
import static io.touchstone.application.contract.ContractFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.application.port.out.ResponseStatistics.Counting;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.DimensionFilter.Operator;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.analytics.ScoreRange;
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
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResponseStatistics} counts, the in-memory fake and the database adapter alike, with every expected
 * row written out by hand. The tenants of {@link TwoTenantsContract} are in Europe/Prague; both have a survey with the
 * same id.
 */
public abstract class ResponseStatisticsContract extends TwoTenantsContract {

    private static final GroupKey NONE = GroupKey.NONE;
    private static final LocalDate MAY_4 = LocalDate.parse("2026-05-04");
    private static final LocalDate MAY_11 = LocalDate.parse("2026-05-11");
    private static final String IN_MAY = "2026-05-06T10:00:00Z";

    private Survey survey;
    private Survey secondSurvey;
    private Survey otherTenantsSurvey;

    /**
     * Called after every response a test stores, before anything is counted: an adapter that maintains derived data
     * asynchronously may bring it (partly) up to date here. Nothing by default.
     */
    protected void stored(Response response) {
    }

    @BeforeEach
    public void storeSurveys() {
        survey = ContractFixtures.published(tenant, UUID.randomUUID());
        secondSurvey = ContractFixtures.published(tenant, UUID.randomUUID());
        otherTenantsSurvey = ContractFixtures.published(otherTenant, survey.id().value());
        transactionally(tenant, () -> surveys().add(survey).chain(() -> surveys().add(secondSurvey)));
        transactionally(otherTenant, () -> surveys().add(otherTenantsSurvey));
    }

    // --- periods ------------------------------------------------------------------------------------------------

    @Test
    public void countsEveryScoreOnTheTenantsLocalDayInThePeriodThatHoldsIt() {
        // Prague: CET (+1) until 2026-03-29 01:00 UTC, then CEST (+2)
        store(survey, "2026-03-27T22:59:59.999999Z", score("nps", 5));              // 27 March 23:59:59 local: before
        store(survey, "2026-03-27T23:00:00Z", score("nps", 10));                    // 28 March 00:00
        store(survey, "2026-03-28T22:59:59Z", score("nps", 9), score("csat", 4));   // 28 March 23:59:59
        store(survey, "2026-03-28T23:00:00Z", score("nps", 10));                    // 29 March 00:00
        store(survey, "2026-03-29T21:59:59Z", score("nps", 3), text("comment", "x")); // 29 March 23:59:59 (CEST)
        store(survey, "2026-03-29T22:00:00Z", score("nps", 10), choice("channel", "chat")); // 30 March 00:00
        store(survey, "2026-04-05T21:59:59.999999Z", score("nps", 0));              // 5 April 23:59:59
        store(survey, "2026-04-05T22:00:00Z", score("nps", 7));                     // 6 April 00:00: after

        Counting counting = counting(days("2026-03-28", "2026-03-29", "2026-03-30", "2026-04-06"));

        assertThat(scores(tenant, List.of(asked(survey, "nps"), asked(survey, "csat")), counting))
                .containsExactlyInAnyOrder(
                        row(0, NONE, survey, "nps", 10, 1), row(0, NONE, survey, "nps", 9, 1),
                        row(0, NONE, survey, "csat", 4, 1),
                        row(1, NONE, survey, "nps", 10, 1), row(1, NONE, survey, "nps", 3, 1),
                        row(2, NONE, survey, "nps", 10, 1), row(2, NONE, survey, "nps", 0, 1));
        assertThat(responses(tenant, List.of(survey.id()), counting)).containsExactlyInAnyOrder(
                count(0, NONE, survey, 1, 2), count(1, NONE, survey, 1, 2), count(2, NONE, survey, 1, 2));
    }

    @Test
    public void aTenantInTehranCountsOnItsOwnCalendarAcrossItsDaylightSavingChanges() {
        Tenant tehran = ContractFixtures.tenant("Tehran", "Asia/Tehran");
        Survey tehranSurvey = ContractFixtures.published(tehran.id(), survey.id().value());
        transactionally(tehran.id(), () -> tenants().add(tehran).chain(() -> surveys().add(tehranSurvey)));
        // 2021: +03:30, +04:30 from 22 March 00:00 (which never happened) until 22 September 00:00, which became 21
        // September 23:00 again
        store(tehranSurvey, "2021-03-21T20:29:59Z", score("nps", 1));  // 21 March 23:59:59 +03:30
        store(tehranSurvey, "2021-03-21T20:30:00Z", score("nps", 2));  // 22 March 01:00 +04:30
        store(tehranSurvey, "2021-06-01T12:00:00Z", score("nps", 3));
        store(tehranSurvey, "2021-09-21T19:29:59Z", score("nps", 4));  // 21 September 23:59:59 +04:30
        store(tehranSurvey, "2021-09-21T20:29:59Z", score("nps", 5));  // 21 September 23:59:59 +03:30, once more
        store(tehranSurvey, "2021-09-21T20:30:00Z", score("nps", 6));  // 22 September 00:00 +03:30
        store(tehranSurvey, "2021-09-22T20:29:59Z", score("nps", 7));  // 22 September 23:59:59
        store(tehranSurvey, "2021-09-22T20:30:00Z", score("nps", 8));  // 23 September: after

        Counting counting = counting(days("2021-03-21", "2021-03-22", "2021-03-23", "2021-09-21", "2021-09-22",
                "2021-09-23"));

        assertThat(scores(tehran.id(), List.of(asked(tehranSurvey, "nps")), counting)).containsExactlyInAnyOrder(
                row(0, NONE, tehranSurvey, "nps", 1, 1), row(1, NONE, tehranSurvey, "nps", 2, 1),
                row(2, NONE, tehranSurvey, "nps", 3, 1), row(3, NONE, tehranSurvey, "nps", 4, 1),
                row(3, NONE, tehranSurvey, "nps", 5, 1), row(4, NONE, tehranSurvey, "nps", 6, 1),
                row(4, NONE, tehranSurvey, "nps", 7, 1));
        assertThat(responses(tehran.id(), List.of(tehranSurvey.id()), counting)).containsExactlyInAnyOrder(
                count(0, NONE, tehranSurvey, 1, 1), count(1, NONE, tehranSurvey, 1, 1),
                count(2, NONE, tehranSurvey, 1, 1), count(3, NONE, tehranSurvey, 1, 2),
                count(4, NONE, tehranSurvey, 1, 2));
        assertThat(scores(tenant, List.of(asked(survey, "nps")), counting))
                .as("the same survey id in Prague").isEmpty();
    }

    @Test
    public void countsEachSurveyVersionApart() {
        store(survey, IN_MAY, score("nps", 8), score("csat", 5));
        survey.revise(ContractFixtures.npsOnly(), Instant.parse("2026-05-06T11:00:00Z"));
        survey.publish(Instant.parse("2026-05-06T11:00:01Z"));
        transactionally(tenant, () -> surveys().update(survey));
        store(survey, "2026-05-06T12:00:00Z", score("nps", 8));
        store(survey, "2026-05-07T12:00:00Z", score("nps", 10));
        store(survey, "2026-05-07T12:30:00Z", score("nps", 10));

        Counting counting = counting(days("2026-05-04", "2026-05-11"));

        assertThat(scores(tenant, List.of(asked(survey, "nps"), asked(survey, "csat")), counting))
                .containsExactlyInAnyOrder(row(0, NONE, survey, 1, "nps", 8, 1), row(0, NONE, survey, 1, "csat", 5, 1),
                        row(0, NONE, survey, 2, "nps", 8, 1), row(0, NONE, survey, 2, "nps", 10, 2));
        assertThat(responses(tenant, List.of(survey.id()), counting)).containsExactlyInAnyOrder(
                count(0, NONE, survey, 1, 1), count(0, NONE, survey, 2, 3));
    }

    @Test
    public void countsOnlyTheQuestionsAndSurveysAskedFor() {
        store(survey, IN_MAY, score("nps", 8), score("ces", 2), choice("channel", "email"), text("comment", "ok"));
        store(secondSurvey, IN_MAY, score("nps", 4), score("csat", 1));
        Counting counting = counting(days("2026-05-04", "2026-05-11"));

        assertThat(scores(tenant, List.of(asked(secondSurvey, "nps")), counting))
                .containsExactly(row(0, NONE, secondSurvey, "nps", 4, 1));
        assertThat(scores(tenant, List.of(asked(survey, "ces"), asked(secondSurvey, "csat")), counting))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "ces", 2, 1), row(0, NONE, secondSurvey, "csat", 1, 1));
        assertThat(scores(tenant, List.of(asked(survey, "nps"), asked(survey, "nps")), counting))
                .as("a question asked twice counts once").containsExactly(row(0, NONE, survey, "nps", 8, 1));
        assertThat(scores(tenant, List.of(asked(survey, "channel"), asked(survey, "comment"),
                asked(survey, "no-such-question")), counting)).as("choices and texts are no scores").isEmpty();
        assertThat(responses(tenant, List.of(secondSurvey.id()), counting))
                .containsExactly(count(0, NONE, secondSurvey, 1, 1));
        assertThat(responses(tenant, List.of(survey.id(), secondSurvey.id()), counting))
                .containsExactlyInAnyOrder(count(0, NONE, survey, 1, 1), count(0, NONE, secondSurvey, 1, 1));
    }

    @Test
    public void nothingStoredOrNothingInRangeCountsToNoRows() {
        Counting may = counting(days("2026-05-04", "2026-05-11"), List.of(Dimension.CHANNEL), List.of(), List.of());
        assertThat(scores(tenant, List.of(asked(survey, "nps")), may)).isEmpty();
        assertThat(responses(tenant, List.of(survey.id()), may)).isEmpty();

        store(survey, "2026-05-11T10:00:00Z", score("nps", 10));

        assertThat(scores(tenant, List.of(asked(survey, "nps")), may)).isEmpty();
        assertThat(scores(tenant, List.of(asked(survey, "nps")), counting(days("2026-05-04", "2026-05-11"))))
                .isEmpty();
        assertThat(responses(tenant, List.of(survey.id()), may)).isEmpty();
        assertThat(responses(tenant, List.of(), may)).isEmpty();
        assertThat(scores(tenant, List.of(), may)).isEmpty();
    }

    // --- groups -------------------------------------------------------------------------------------------------

    /** Five responses in one week of May, with and without a channel and the attributes store and tier. */
    private void storeFiveResponsesOfMay() {
        store(survey, CS, Channel.WEB, Map.of("store", "praha-1"), score("nps", 9));
        store(survey, CS, Channel.WEB, Map.of("store", "brno"), score("nps", 9));
        store(survey, FA, null, Map.of("store", "praha-1"), score("nps", 2));
        store(survey, FA, Channel.EMAIL, Map.of(), score("nps", 9));
        store(survey, CS, null, Map.of("tier", "gold"), score("nps", 2));
    }

    @Test
    public void groupsByTwoResponseDimensionsWithNullForNoValue() {
        storeFiveResponsesOfMay();

        assertThat(npsScores(List.of(Dimension.CHANNEL, Dimension.attribute("store")), List.of()))
                .containsExactlyInAnyOrder(
                        row(0, GroupKey.of("WEB", "praha-1"), survey, "nps", 9, 1),
                        row(0, GroupKey.of("WEB", "brno"), survey, "nps", 9, 1),
                        row(0, GroupKey.of(null, "praha-1"), survey, "nps", 2, 1),
                        row(0, GroupKey.of("EMAIL", null), survey, "nps", 9, 1),
                        row(0, GroupKey.of(null, null), survey, "nps", 2, 1));
        assertThat(responseCounts(List.of(Dimension.attribute("tier"), Dimension.LANGUAGE), List.of()))
                .containsExactlyInAnyOrder(count(0, GroupKey.of(null, "cs"), survey, 1, 2),
                        count(0, GroupKey.of(null, "fa"), survey, 1, 2), count(0, GroupKey.of("gold", "cs"), survey, 1, 1));
    }

    @Test
    public void groupsByOneResponseDimensionWithNullForNoValue() {
        storeFiveResponsesOfMay();

        assertThat(npsScores(List.of(Dimension.LANGUAGE), List.of())).containsExactlyInAnyOrder(
                row(0, GroupKey.of("cs"), survey, "nps", 9, 2), row(0, GroupKey.of("cs"), survey, "nps", 2, 1),
                row(0, GroupKey.of("fa"), survey, "nps", 9, 1), row(0, GroupKey.of("fa"), survey, "nps", 2, 1));
        assertThat(npsScores(List.of(Dimension.CHANNEL), List.of())).containsExactlyInAnyOrder(
                row(0, GroupKey.of("WEB"), survey, "nps", 9, 2), row(0, GroupKey.of("EMAIL"), survey, "nps", 9, 1),
                row(0, GroupKey.of((String) null), survey, "nps", 2, 2));
        assertThat(npsScores(List.of(Dimension.attribute("store")), List.of())).containsExactlyInAnyOrder(
                row(0, GroupKey.of("praha-1"), survey, "nps", 9, 1), row(0, GroupKey.of("praha-1"), survey, "nps", 2, 1),
                row(0, GroupKey.of("brno"), survey, "nps", 9, 1), row(0, GroupKey.of((String) null), survey, "nps", 9, 1),
                row(0, GroupKey.of((String) null), survey, "nps", 2, 1));
        assertThat(npsScores(List.of(Dimension.attribute("nobody-has-it")), List.of())).containsExactlyInAnyOrder(
                row(0, GroupKey.of((String) null), survey, "nps", 9, 3),
                row(0, GroupKey.of((String) null), survey, "nps", 2, 2));
        assertThat(npsScores(List.of(), List.of())).containsExactlyInAnyOrder(
                row(0, NONE, survey, "nps", 9, 3), row(0, NONE, survey, "nps", 2, 2));
        assertThat(responseCounts(List.of(Dimension.attribute("store")), List.of())).containsExactlyInAnyOrder(
                count(0, GroupKey.of("praha-1"), survey, 1, 2), count(0, GroupKey.of("brno"), survey, 1, 1),
                count(0, GroupKey.of((String) null), survey, 1, 2));
        assertThat(responseCounts(List.of(Dimension.CHANNEL), List.of())).containsExactlyInAnyOrder(
                count(0, GroupKey.of("WEB"), survey, 1, 2), count(0, GroupKey.of("EMAIL"), survey, 1, 1),
                count(0, GroupKey.of((String) null), survey, 1, 2));
    }

    // --- filters ------------------------------------------------------------------------------------------------

    @Test
    public void equalsAndInKeepOnlyResponsesWithOneOfTheValues() {
        storeFiveResponsesOfMay();

        assertThat(npsScores(List.of(), List.of(filter(Dimension.CHANNEL, Operator.EQUALS, "WEB"))))
                .containsExactly(row(0, NONE, survey, "nps", 9, 2));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.CHANNEL, Operator.IN, "WEB", "EMAIL"))))
                .containsExactly(row(0, NONE, survey, "nps", 9, 3));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.attribute("store"), Operator.IN, "praha-1",
                "nowhere")))).containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 9, 1),
                row(0, NONE, survey, "nps", 2, 1));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.LANGUAGE, Operator.EQUALS, "fa"))))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 9, 1), row(0, NONE, survey, "nps", 2, 1));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.CHANNEL, Operator.EQUALS, "SMS")))).isEmpty();
        assertThat(responseCounts(List.of(), List.of(filter(Dimension.attribute("tier"), Operator.EQUALS, "gold"))))
                .containsExactly(count(0, NONE, survey, 1, 1));
    }

    @Test
    public void notInKeepsResponsesWithoutAValue() {
        storeFiveResponsesOfMay();

        assertThat(npsScores(List.of(), List.of(filter(Dimension.CHANNEL, Operator.NOT_IN, "WEB"))))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 9, 1), row(0, NONE, survey, "nps", 2, 2));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.attribute("store"), Operator.NOT_IN, "praha-1"))))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 9, 2), row(0, NONE, survey, "nps", 2, 1));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.attribute("nobody-has-it"), Operator.NOT_IN, "x"))))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 9, 3), row(0, NONE, survey, "nps", 2, 2));
        assertThat(responseCounts(List.of(), List.of(filter(Dimension.CHANNEL, Operator.NOT_IN, "WEB", "EMAIL"))))
                .containsExactly(count(0, NONE, survey, 1, 2));
    }

    @Test
    public void filtersCombineWithEachOtherAndWithGroups() {
        storeFiveResponsesOfMay();

        assertThat(npsScores(List.of(), List.of(filter(Dimension.LANGUAGE, Operator.EQUALS, "cs"),
                filter(Dimension.CHANNEL, Operator.NOT_IN, "WEB")))).containsExactly(row(0, NONE, survey, "nps", 2, 1));
        assertThat(npsScores(List.of(Dimension.CHANNEL), List.of(filter(Dimension.CHANNEL, Operator.NOT_IN,
                "EMAIL")))).containsExactlyInAnyOrder(row(0, GroupKey.of("WEB"), survey, "nps", 9, 2),
                row(0, GroupKey.of((String) null), survey, "nps", 2, 2));
        assertThat(npsScores(List.of(Dimension.CHANNEL), List.of(filter(Dimension.CHANNEL, Operator.IN, "EMAIL"))))
                .as("no value is never in").containsExactly(row(0, GroupKey.of("EMAIL"), survey, "nps", 9, 1));
        assertThat(npsScores(List.of(Dimension.CHANNEL), List.of(filter(Dimension.CHANNEL, Operator.IN, "WEB",
                "EMAIL"), filter(Dimension.CHANNEL, Operator.NOT_IN, "WEB")))).as("two filters on one dimension")
                .containsExactly(row(0, GroupKey.of("EMAIL"), survey, "nps", 9, 1));
        assertThat(npsScores(List.of(Dimension.LANGUAGE), List.of(filter(Dimension.attribute("store"), Operator.IN,
                "praha-1")))).containsExactlyInAnyOrder(row(0, GroupKey.of("cs"), survey, "nps", 9, 1),
                row(0, GroupKey.of("fa"), survey, "nps", 2, 1));
        assertThat(responseCounts(List.of(Dimension.LANGUAGE), List.of(filter(Dimension.CHANNEL, Operator.NOT_IN,
                "WEB")))).containsExactlyInAnyOrder(count(0, GroupKey.of("cs"), survey, 1, 1),
                count(0, GroupKey.of("fa"), survey, 1, 2));
    }

    // --- dimensions inherited from interactions -------------------------------------------------------------------

    private Journey journey;
    private LinkedInteraction atWeb;
    private LinkedInteraction atPhone;
    private LinkedInteraction bySms;

    /** An interaction of {@code owner} at {@code touchpoint} of {@code in}, stored, as a response inherits it. */
    private LinkedInteraction recorded(TenantId owner, Journey in, int stage, int touchpoint, String employee,
            String team, String location) {
        Stage at = in.stages().get(stage);
        Touchpoint point = at.touchpoints().get(touchpoint);
        Interaction interaction = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), owner,
                new InteractionContent(new EventId("event-" + UUID.randomUUID()), point.id(), new CustomerRef("c-1"),
                        ContractFixtures.T0, Outcome.COMPLETED, null, employee == null ? null : new StaffRef(employee),
                        team == null ? null : new StaffRef(team), location == null ? null : new LocationRef(location),
                        Map.of()), ContractFixtures.T0);
        transactionally(owner, () -> interactionRepository().add(interaction));
        return new LinkedInteraction(interaction.id(), in.id(), at.id(), point.id(), point.channel(),
                interaction.content().employee(), interaction.content().team(), interaction.content().location());
    }

    /**
     * Journey "Objednávka až po doručení" (stage 0: Web shop on WEB, Zákaznická linka on PHONE; stage 1: تحویل on
     * SMS); five responses of May: two about the web order (agent-1, Tým Brno, Brno), one about the call (agent-2,
     * Tým Brno, no location), one about the SMS (no staff), one about nothing.
     */
    private void storeFiveResponsesAboutInteractions() {
        journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
        atWeb = recorded(tenant, journey, 0, 0, "agent-1", "Tým Brno", "Brno");
        atPhone = recorded(tenant, journey, 0, 1, "agent-2", "Tým Brno", null);
        bySms = recorded(tenant, journey, 1, 0, null, null, null);
        storeAbout(survey, null, atWeb, score("nps", 9));
        storeAbout(survey, null, atWeb, score("nps", 10));
        storeAbout(survey, null, atPhone, score("nps", 2));
        storeAbout(survey, Channel.EMAIL, bySms, score("nps", 9));
        storeAbout(survey, null, null, score("nps", 2));
    }

    private static GroupKey key(Object value) {
        return GroupKey.of(value == null ? null : value.toString());
    }

    @Test
    public void groupsByTheJourneyStageAndTouchpointAResponseInherited() {
        storeFiveResponsesAboutInteractions();

        assertThat(npsScores(List.of(Dimension.TOUCHPOINT), List.of())).containsExactlyInAnyOrder(
                row(0, key(atWeb.touchpoint()), survey, "nps", 9, 1), row(0, key(atWeb.touchpoint()), survey, "nps", 10, 1),
                row(0, key(atPhone.touchpoint()), survey, "nps", 2, 1),
                row(0, key(bySms.touchpoint()), survey, "nps", 9, 1), row(0, key(null), survey, "nps", 2, 1));
        assertThat(npsScores(List.of(Dimension.STAGE), List.of())).containsExactlyInAnyOrder(
                row(0, key(atWeb.stage()), survey, "nps", 9, 1), row(0, key(atWeb.stage()), survey, "nps", 10, 1),
                row(0, key(atWeb.stage()), survey, "nps", 2, 1), row(0, key(bySms.stage()), survey, "nps", 9, 1),
                row(0, key(null), survey, "nps", 2, 1));
        assertThat(responseCounts(List.of(Dimension.JOURNEY), List.of())).containsExactlyInAnyOrder(
                count(0, key(journey.id()), survey, 1, 4), count(0, key(null), survey, 1, 1));
        // the touchpoint's channel where the response named none; its own where it did
        assertThat(responseCounts(List.of(Dimension.CHANNEL), List.of())).containsExactlyInAnyOrder(
                count(0, key("WEB"), survey, 1, 2), count(0, key("PHONE"), survey, 1, 1),
                count(0, key("EMAIL"), survey, 1, 1), count(0, key(null), survey, 1, 1));
    }

    @Test
    public void groupsAndFiltersByTheStaffAResponseInherited() {
        storeFiveResponsesAboutInteractions();

        assertThat(npsScores(List.of(Dimension.TEAM), List.of())).containsExactlyInAnyOrder(
                row(0, key("Tým Brno"), survey, "nps", 9, 1), row(0, key("Tým Brno"), survey, "nps", 10, 1),
                row(0, key("Tým Brno"), survey, "nps", 2, 1), row(0, key(null), survey, "nps", 9, 1),
                row(0, key(null), survey, "nps", 2, 1));
        assertThat(npsScores(List.of(Dimension.EMPLOYEE, Dimension.LOCATION), List.of())).containsExactlyInAnyOrder(
                row(0, GroupKey.of("agent-1", "Brno"), survey, "nps", 9, 1),
                row(0, GroupKey.of("agent-1", "Brno"), survey, "nps", 10, 1),
                row(0, GroupKey.of("agent-2", null), survey, "nps", 2, 1),
                row(0, GroupKey.of(null, null), survey, "nps", 9, 1),
                row(0, GroupKey.of(null, null), survey, "nps", 2, 1));
        assertThat(npsScores(List.of(Dimension.CHANNEL), List.of(filter(Dimension.TEAM, Operator.EQUALS,
                "Tým Brno")))).containsExactlyInAnyOrder(row(0, key("WEB"), survey, "nps", 9, 1),
                row(0, key("WEB"), survey, "nps", 10, 1), row(0, key("PHONE"), survey, "nps", 2, 1));
        assertThat(responseCounts(List.of(), List.of(filter(Dimension.LOCATION, Operator.NOT_IN, "Brno"))))
                .containsExactly(count(0, NONE, survey, 1, 3));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.EMPLOYEE, Operator.IN, "agent-2", "agent-9"))))
                .containsExactly(row(0, NONE, survey, "nps", 2, 1));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.TOUCHPOINT, Operator.IN,
                atWeb.touchpoint().toString().toUpperCase(java.util.Locale.ROOT)),
                filter(Dimension.JOURNEY, Operator.EQUALS, journey.id().toString())))).containsExactlyInAnyOrder(
                row(0, NONE, survey, "nps", 9, 1), row(0, NONE, survey, "nps", 10, 1));
        assertThat(npsScores(List.of(), List.of(filter(Dimension.STAGE, Operator.NOT_IN, atWeb.stage().toString()))))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 9, 1), row(0, NONE, survey, "nps", 2, 1));
    }

    @Test
    public void anotherTenantsJourneysAndStaffNeverShowInAGroup() {
        storeFiveResponsesAboutInteractions();
        Journey theirs = JourneyFixtures.orderToDelivery(otherTenant, UUID.randomUUID());
        transactionally(otherTenant, () -> journeys().add(theirs));
        LinkedInteraction theirCall = recorded(otherTenant, theirs, 0, 1, "agent-1", "Tajný tým", "Praha");
        storeAbout(otherTenantsSurvey, null, theirCall, score("nps", 0));
        List<SurveyQuestion> nps = List.of(asked(survey, "nps"));

        for (Dimension dimension : List.of(Dimension.JOURNEY, Dimension.TOUCHPOINT, Dimension.TEAM,
                Dimension.LOCATION, Dimension.EMPLOYEE)) {
            List<GroupKey> groups = scores(tenant, nps, counting(List.of(MAY_4, MAY_11), List.of(dimension),
                    List.of(), List.of())).stream().map(ScoreCount::group).distinct().toList();
            assertThat(groups).as("grouped by %s", dimension).doesNotContain(key(theirs.id()),
                    key(theirCall.touchpoint()), key("Tajný tým"), key("Praha"));
        }
        assertThat(npsScores(List.of(), List.of(filter(Dimension.JOURNEY, Operator.EQUALS, theirs.id().toString()))))
                .isEmpty();
        assertThat(npsScores(List.of(Dimension.EMPLOYEE), List.of(filter(Dimension.EMPLOYEE, Operator.EQUALS,
                "agent-1")))).containsExactlyInAnyOrder(row(0, key("agent-1"), survey, "nps", 9, 1),
                row(0, key("agent-1"), survey, "nps", 10, 1));
        assertThat(scores(otherTenant, List.of(asked(otherTenantsSurvey, "nps")), counting(List.of(MAY_4, MAY_11),
                List.of(Dimension.TEAM), List.of(), List.of())))
                .containsExactly(row(0, key("Tajný tým"), otherTenantsSurvey, "nps", 0, 1));
    }

    @Test
    public void exportsTheInteractionAResponseIsAbout() {
        storeFiveResponsesAboutInteractions();

        List<Response> exported = export(tenant, new ExportQuery(survey.id(), new DateRange(MAY_4, MAY_11),
                List.of(filter(Dimension.TEAM, Operator.EQUALS, "Tým Brno")), List.of()));

        assertThat(exported).extracting(response -> response.interaction().orElseThrow())
                .containsExactlyInAnyOrder(atWeb, atWeb, atPhone);
        assertThat(export(tenant, survey, MAY_4, MAY_11)).filteredOn(response -> response.interaction().isEmpty())
                .singleElement().satisfies(response -> assertThat(response.channel()).isEmpty());
    }

    // --- score ranges -------------------------------------------------------------------------------------------

    @Test
    public void scoreRangesKeepResponsesThatAnsweredWithinThem() {
        store(survey, IN_MAY, score("nps", 9), score("csat", 5));
        store(survey, IN_MAY, score("nps", 3), score("csat", 2), text("comment", "pomalé"));
        store(survey, IN_MAY, score("nps", 6));
        store(survey, IN_MAY, score("csat", 4), score("ces", 2));
        store(secondSurvey, IN_MAY, score("nps", 0));
        List<SurveyQuestion> questions = List.of(asked(survey, "nps"), asked(survey, "csat"), asked(survey, "ces"));

        assertThat(scoresWithin(questions, List.of(), new ScoreRange(new QuestionId("nps"), 0, 6)))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 3, 1), row(0, NONE, survey, "nps", 6, 1),
                        row(0, NONE, survey, "csat", 2, 1));
        assertThat(scoresWithin(questions, List.of(), new ScoreRange(new QuestionId("csat"), 4, 5)))
                .containsExactlyInAnyOrder(row(0, NONE, survey, "nps", 9, 1), row(0, NONE, survey, "csat", 5, 1),
                        row(0, NONE, survey, "csat", 4, 1), row(0, NONE, survey, "ces", 2, 1));
        assertThat(scoresWithin(questions, List.of(), new ScoreRange(new QuestionId("nps"), 0, 6),
                new ScoreRange(new QuestionId("csat"), 1, 2))).containsExactlyInAnyOrder(
                        row(0, NONE, survey, "nps", 3, 1), row(0, NONE, survey, "csat", 2, 1));
        assertThat(scoresWithin(questions, List.of(), new ScoreRange(new QuestionId("comment"), 0, 10)))
                .as("a text is no score").isEmpty();
        assertThat(scoresWithin(questions, List.of(Dimension.LANGUAGE), new ScoreRange(new QuestionId("nps"), 9, 10)))
                .containsExactlyInAnyOrder(row(0, GroupKey.of("cs"), survey, "nps", 9, 1),
                        row(0, GroupKey.of("cs"), survey, "csat", 5, 1));
        Counting detractors = counting(days("2026-05-04", "2026-05-11"), List.of(), List.of(),
                List.of(new ScoreRange(new QuestionId("nps"), 0, 6)));
        assertThat(responses(tenant, List.of(survey.id(), secondSurvey.id()), detractors)).containsExactlyInAnyOrder(
                count(0, NONE, survey, 1, 2), count(0, NONE, secondSurvey, 1, 1));
    }

    // --- tenants ------------------------------------------------------------------------------------------------

    @Test
    public void anotherTenantsResponsesAreNeverCountedEvenUnderTheSameSurveyId() {
        store(survey, CS, Channel.WEB, Map.of("store", "praha-1"), score("nps", 9));
        store(otherTenantsSurvey, FA, Channel.SMS, Map.of("store", "secret-store"), score("nps", 1));
        store(otherTenantsSurvey, FA, Channel.SMS, Map.of("store", "secret-store"), score("nps", 1));
        List<SurveyQuestion> nps = List.of(asked(survey, "nps"));
        Counting may = counting(days("2026-05-04", "2026-05-11"));

        for (List<Dimension> groupBy : List.of(List.<Dimension>of(), List.of(Dimension.attribute("store")),
                List.of(Dimension.CHANNEL, Dimension.attribute("store")))) {
            Counting grouped = counting(may.boundaries(), groupBy, List.of(), List.of());
            GroupKey mine = new GroupKey(groupBy.stream()
                    .map(dimension -> dimension.equals(Dimension.CHANNEL) ? "WEB" : "praha-1").toList());
            GroupKey theirs = new GroupKey(groupBy.stream()
                    .map(dimension -> dimension.equals(Dimension.CHANNEL) ? "SMS" : "secret-store").toList());
            assertThat(scores(tenant, nps, grouped)).as("grouped by %s", groupBy)
                    .containsExactly(row(0, mine, survey, "nps", 9, 1));
            assertThat(responses(tenant, List.of(survey.id()), grouped)).as("grouped by %s", groupBy)
                    .containsExactly(count(0, mine, survey, 1, 1));
            assertThat(scores(otherTenant, nps, grouped)).as("grouped by %s", groupBy)
                    .containsExactly(row(0, theirs, otherTenantsSurvey, "nps", 1, 2));
        }
        Counting filtered = counting(may.boundaries(), List.of(Dimension.LANGUAGE),
                List.of(filter(Dimension.attribute("store"), Operator.NOT_IN, "praha-1")), List.of());
        assertThat(scores(tenant, nps, filtered)).isEmpty();
        assertThat(scoresOf(tenant, nps, List.of(), new ScoreRange(new QuestionId("nps"), 0, 1))).isEmpty();
        assertThat(export(tenant, survey, may.boundaries().getFirst(), may.boundaries().getLast()))
                .hasSize(1).allSatisfy(response -> assertThat(response.tenantId()).isEqualTo(tenant));
    }

    // --- export -------------------------------------------------------------------------------------------------

    @Test
    public void exportsOneSurveysResponsesOldestFirstWithAllTheirAnswers() {
        Instant tie = Instant.parse("2026-05-06T08:30:00.000001Z");
        Response latest = store(survey, UUID.randomUUID(), Instant.parse("2026-05-07T09:00:00Z"), FA, Channel.PHONE,
                "zákazník-7", Map.of("store", "brno", "employee", "جمشید"), text("comment", "پشتیبانی عالی بود 👍"),
                score("nps", 10), choice("channel", "phone"), score("ces", 2), score("csat", 5));
        for (int i : new int[] {4, 1, 5, 0, 3, 2}) {
            store(survey, IDS_IN_STORED_ORDER.get(i), tie, CS, null, null, Map.of(), score("nps", i));
        }
        Response earliest = store(survey, UUID.randomUUID(), Instant.parse("2026-05-04T00:00:00Z"), CS, Channel.WEB,
                null, Map.of("store", "praha-1"), score("csat", 3));
        store(secondSurvey, IN_MAY, score("nps", 5));
        store(otherTenantsSurvey, IN_MAY, score("nps", 5));

        List<Response> exported = export(tenant, survey, MAY_4, MAY_11);

        assertThat(exported).extracting(response -> response.id().value()).containsExactly(
                earliest.id().value(), IDS_IN_STORED_ORDER.get(0), IDS_IN_STORED_ORDER.get(1),
                IDS_IN_STORED_ORDER.get(2), IDS_IN_STORED_ORDER.get(3), IDS_IN_STORED_ORDER.get(4),
                IDS_IN_STORED_ORDER.get(5), latest.id().value());
        assertThat(view(exported.getLast())).isEqualTo(view(latest));
        assertThat(view(exported.getFirst())).isEqualTo(view(earliest));
        assertThat(exported.get(3).answers()).containsExactly(score("nps", 2));
        assertThat(exported.get(3).submittedAt()).isEqualTo(tie);
        assertThat(exported.get(3).channel()).isEmpty();
        assertThat(exported.get(3).respondentRef()).isEmpty();
        assertThat(exported.get(3).metadata()).isEmpty();
    }

    @Test
    public void exportsTheLocalDaysOfTheRangeAcrossTheAutumnChange() {
        // Prague: CEST (+2) until 2026-10-25 01:00 UTC, then CET (+1): 25 October has 25 hours
        store(survey, "2026-10-24T21:59:59.999999Z", score("nps", 1));
        Response first = store(survey, "2026-10-24T22:00:00Z", score("nps", 2));
        Response last = store(survey, "2026-10-25T22:59:59.999999Z", score("nps", 3));
        store(survey, "2026-10-25T23:00:00Z", score("nps", 4));

        assertThat(export(tenant, survey, LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-26")))
                .extracting(Response::id).containsExactly(first.id(), last.id());
    }

    @Test
    public void exportsOnlyResponsesThatPassEveryFilterAndScoreRange() {
        Response web = store(survey, CS, Channel.WEB, Map.of("store", "praha-1"), score("nps", 3), score("csat", 2));
        Response noChannel = store(survey, FA, null, Map.of(), score("nps", 6), score("csat", 5));
        store(survey, FA, Channel.EMAIL, Map.of(), score("nps", 5));
        store(survey, CS, null, Map.of(), score("nps", 9));
        store(survey, CS, null, Map.of(), score("csat", 1));
        DateRange may = new DateRange(MAY_4, MAY_11);

        List<Response> detractorsNotByEmail = export(tenant, new ExportQuery(survey.id(), may,
                List.of(filter(Dimension.CHANNEL, Operator.NOT_IN, "EMAIL")),
                List.of(new ScoreRange(new QuestionId("nps"), 0, 6))));
        List<Response> inPraha = export(tenant, new ExportQuery(survey.id(), may,
                List.of(filter(Dimension.attribute("store"), Operator.EQUALS, "praha-1"),
                        filter(Dimension.LANGUAGE, Operator.IN, "cs")), List.of()));

        assertThat(detractorsNotByEmail).extracting(Response::id).containsExactlyInAnyOrder(web.id(), noChannel.id());
        assertThat(detractorsNotByEmail).allSatisfy(response -> assertThat(response.answers()).hasSize(2));
        assertThat(inPraha).extracting(Response::id).containsExactly(web.id());
        assertThat(export(tenant, new ExportQuery(survey.id(), may, List.of(),
                List.of(new ScoreRange(new QuestionId("nps"), 0, 6), new ScoreRange(new QuestionId("csat"), 5, 5)))))
                .extracting(Response::id).containsExactly(noChannel.id());
    }

    @Test
    public void anExportWithoutResponsesCompletesEmpty() {
        store(otherTenantsSurvey, IN_MAY, score("nps", 5));

        assertThat(export(tenant, survey, MAY_4, MAY_11)).isEmpty();
        assertThat(export(tenant, secondSurvey, MAY_4, MAY_11)).isEmpty();
        assertThat(export(tenant, new ExportQuery(new SurveyId(UUID.randomUUID()), new DateRange(MAY_4, MAY_11),
                List.of(), List.of()))).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A response's fields, comparable as a whole. */
    private record View(ResponseId id, TenantId tenant, SurveyId survey, int version, LanguageTag language,
            Optional<Channel> channel, Optional<String> respondentRef, Map<String, String> metadata,
            List<Answer> answers, Instant submittedAt) {
    }

    private static View view(Response response) {
        return new View(response.id(), response.tenantId(), response.surveyId(), response.surveyVersion(),
                response.language(), response.channel(), response.respondentRef(), Map.copyOf(response.metadata()),
                response.answers(), response.submittedAt());
    }

    private Response store(Survey of, String at, Answer... answers) {
        return store(of, UUID.randomUUID(), Instant.parse(at), CS, null, null, Map.of(), answers);
    }

    private Response store(Survey of, LanguageTag language, Channel channel, Map<String, String> metadata,
            Answer... answers) {
        return store(of, UUID.randomUUID(), Instant.parse(IN_MAY), language, channel, null, metadata, answers);
    }

    private Response store(Survey of, UUID id, Instant at, LanguageTag language, Channel channel, String respondent,
            Map<String, String> metadata, Answer... answers) {
        Response response = of.respond(new ResponseId(id), Optional.empty(), language, channel, respondent, metadata,
                Arrays.asList(answers), at);
        transactionally(of.tenantId(), () -> responses().add(response, "key-" + id, "f"));
        stored(response);
        return response;
    }

    private Response storeAbout(Survey of, Channel channel, LinkedInteraction about, Answer... answers) {
        UUID id = UUID.randomUUID();
        Response response = of.respond(new ResponseId(id), Optional.empty(), CS, channel, null, Map.of(),
                Arrays.asList(answers), Instant.parse(IN_MAY), about);
        transactionally(of.tenantId(), () -> responses().add(response, "key-" + id, "f"));
        stored(response);
        return response;
    }

    private List<ScoreCount> npsScores(List<Dimension> groupBy, List<DimensionFilter> filters) {
        return scores(tenant, List.of(asked(survey, "nps")), counting(List.of(MAY_4, MAY_11), groupBy, filters,
                List.of()));
    }

    private List<ResponseCount> responseCounts(List<Dimension> groupBy, List<DimensionFilter> filters) {
        return responses(tenant, List.of(survey.id()), counting(List.of(MAY_4, MAY_11), groupBy, filters, List.of()));
    }

    private List<ScoreCount> scoresWithin(List<SurveyQuestion> questions, List<Dimension> groupBy,
            ScoreRange... ranges) {
        return scoresOf(tenant, questions, groupBy, ranges);
    }

    private List<ScoreCount> scoresOf(TenantId of, List<SurveyQuestion> questions, List<Dimension> groupBy,
            ScoreRange... ranges) {
        return scores(of, questions, counting(List.of(MAY_4, MAY_11), groupBy, List.of(), List.of(ranges)));
    }

    private List<ScoreCount> scores(TenantId of, List<SurveyQuestion> questions, Counting counting) {
        return statistics().scores(of, questions, counting).await().atMost(TIMEOUT);
    }

    private List<ResponseCount> responses(TenantId of, List<SurveyId> surveys, Counting counting) {
        return statistics().responses(of, surveys, counting).await().atMost(TIMEOUT);
    }

    private List<Response> export(TenantId of, Survey exported, LocalDate from, LocalDate to) {
        return export(of, new ExportQuery(exported.id(), new DateRange(from, to), List.of(), List.of()));
    }

    private List<Response> export(TenantId of, ExportQuery query) {
        return statistics().export(of, query).collect().asList().await().atMost(TIMEOUT);
    }

    private static Counting counting(List<LocalDate> boundaries) {
        return counting(boundaries, List.of(), List.of(), List.of());
    }

    private static Counting counting(List<LocalDate> boundaries, List<Dimension> groupBy,
            List<DimensionFilter> filters, List<ScoreRange> scoreRanges) {
        return new Counting(boundaries, groupBy, filters, scoreRanges);
    }

    private static List<LocalDate> days(String... days) {
        return Arrays.stream(days).map(LocalDate::parse).toList();
    }

    private static DimensionFilter filter(Dimension dimension, Operator operator, String... values) {
        return new DimensionFilter(dimension, operator, List.of(values));
    }

    private static SurveyQuestion asked(Survey of, String question) {
        return new SurveyQuestion(of.id(), new QuestionId(question));
    }

    private static ScoreCount row(int period, GroupKey group, Survey of, String question, int score, long count) {
        return row(period, group, of, 1, question, score, count);
    }

    private static ScoreCount row(int period, GroupKey group, Survey of, int version, String question, int score,
            long count) {
        return new ScoreCount(period, group, of.id(), version, new QuestionId(question), score, count);
    }

    private static ResponseCount count(int period, GroupKey group, Survey of, int version, long count) {
        return new ResponseCount(period, group, of.id(), version, count);
    }
}

package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.csat;
import static io.touchstone.application.service.ServiceHarness.definition;
import static io.touchstone.application.service.ServiceHarness.nps;
import static io.touchstone.application.service.ServiceHarness.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.StaffLeaderboardUseCase.Level;
import io.touchstone.application.port.in.StaffLeaderboardUseCase.StaffLeaderboardCommand;
import io.touchstone.application.port.in.StaffLeaderboardUseCase.StaffLeaderboardReport;
import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.metric.StaffLeaderboard;
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
 * The staff leaderboard against the in-memory adapters, over the first week of February 2026 in Prague (CET, so
 * the week is 2026-02-01T23:00Z to 2026-02-08T23:00Z), with a service minimum of 3 responses:
 *
 * <pre>
 *   agent-1 (team A)  NPS 10, 10, 10       → 100   CSAT 5, 4, 1 (5-point, satisfied from 4) → 66.7 %
 *   agent-2 (team A)  NPS 10, 0, 0         → −33.3
 *   agent-3 (team B)  NPS 10, 10           → hidden (2 responses); a third one a second after the week
 * </pre>
 */
class StaffLeaderboardServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private final StaffLeaderboardService leaderboards = new StaffLeaderboardService(app.adapters.surveys,
            app.adapters.statistics, app.adapters.unitOfWork, 3);
    private Caller.Tenant caller;
    private Survey survey;
    private TouchpointId phone;
    private int events;

    @BeforeEach
    void staffWithResponses() {
        caller = app.newTenant();
        survey = app.publishedSurvey(caller, definition(nps("nps"), csat("csat", 5)));
        Journey journey = JourneyFixtures.orderToDelivery(caller.tenantId(), UUID.randomUUID());
        phone = journey.stages().get(0).touchpoints().get(1).id();
        await(app.adapters.unitOfWork.transactionally(caller.tenantId(), () -> app.adapters.journeys.add(journey)));
        answered("agent-1", "A", "2026-02-01T23:00:00Z", 10, 5);
        answered("agent-1", "A", "2026-02-03T10:00:00Z", 10, 4);
        answered("agent-1", "A", "2026-02-04T10:00:00Z", 10, 1);
        answered("agent-2", "A", "2026-02-03T10:00:00Z", 10, null);
        answered("agent-2", "A", "2026-02-03T11:00:00Z", 0, null);
        answered("agent-2", "A", "2026-02-08T22:59:59Z", 0, null);
        answered("agent-3", "B", "2026-02-05T10:00:00Z", 10, null);
        answered("agent-3", "B", "2026-02-06T10:00:00Z", 10, null);
        answered("agent-3", "B", "2026-02-08T23:00:00Z", 10, null);     // 9 February in Prague: after the week
        app.submitAt(Instant.parse("2026-02-04T12:00:00Z"), caller, new SubmitResponseCommand("r-" + UUID.randomUUID(),
                survey.id().value(), null, "cs", null, null, Map.of(), List.of(score("nps", 0)), null));
    }

    /** An interaction of {@code employee} and a response about it, both at {@code at}. */
    private void answered(String employee, String team, String at, int nps, Integer csat) {
        String eventId = "call-" + ++events;
        Interaction interaction = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), caller.tenantId(),
                InteractionContent.of(eventId, phone.value(), "zákazník-" + events, Instant.parse(at), "COMPLETED",
                        null, employee, team, null, Map.of()),
                ServiceHarness.START);
        await(app.adapters.unitOfWork.transactionally(caller.tenantId(),
                () -> app.adapters.interactions.add(interaction)));
        app.submitAt(Instant.parse(at), caller, new SubmitResponseCommand("r-" + UUID.randomUUID(),
                survey.id().value(), null, "cs", null, null, Map.of(),
                csat == null ? List.of(score("nps", nps)) : List.of(score("nps", nps), score("csat", csat)),
                eventId));
    }

    private static StaffLeaderboardCommand command(String metric, String level, String surveyId, Integer min,
            FilterInput... filters) {
        return new StaffLeaderboardCommand(metric, level, surveyId, null, "2026-02-02", "2026-02-09",
                List.of(filters), min);
    }

    private StaffLeaderboardReport rank(StaffLeaderboardCommand command) {
        return await(leaderboards.leaderboard(caller, command));
    }

    @Test
    void employeesOfTheWeekInTheTenantsZoneWithTheServiceMinimum() {
        StaffLeaderboardReport report = rank(command("NPS", null, survey.id().value().toString(), null));

        assertThat(report.level()).isEqualTo(Level.EMPLOYEE);
        assertThat(report.range().from()).hasToString("2026-02-02");
        StaffLeaderboard.Leaderboard board = report.leaderboard();
        assertThat(board.minResponses()).isEqualTo(3);
        assertThat(board.entries()).extracting(StaffLeaderboard.Entry::member, StaffLeaderboard.Entry::rank,
                StaffLeaderboard.Entry::n).containsExactly(tuple("agent-1", 1, 3L), tuple("agent-2", 2, 3L));
        assertThat(board.entries().get(0).value()).isEqualTo(100.0);
        assertThat(board.entries().get(1).value()).isEqualTo(-100.0 / 3);
        assertThat(board.hidden()).isEqualTo(new StaffLeaderboard.Hidden(1, 2));
        assertThat(board.members()).isEqualTo(3);
        assertThat(board.responses()).isEqualTo(8);
        assertThat(report.unattributed()).isEqualTo(1);
    }

    @Test
    void teamsCsatAndFiltersUseTheSameQueryModel() {
        StaffLeaderboard.Leaderboard teams = rank(command("NPS", "TEAM", null, null)).leaderboard();
        assertThat(teams.entries()).extracting(StaffLeaderboard.Entry::member).containsExactly("A");
        assertThat(teams.entries().get(0).value()).isEqualTo(100.0 * (4 - 2) / 6);
        assertThat(teams.hidden()).isEqualTo(new StaffLeaderboard.Hidden(1, 2));

        StaffLeaderboard.Leaderboard csat = rank(command("CSAT_PERCENT", "EMPLOYEE", null, null)).leaderboard();
        assertThat(csat.entries()).extracting(StaffLeaderboard.Entry::member).containsExactly("agent-1");
        assertThat(csat.entries().get(0).value()).isEqualTo(100.0 * 2 / 3);

        StaffLeaderboard.Leaderboard filtered = rank(command("NPS", "EMPLOYEE", null, 3,
                new FilterInput("employee", "IN", List.of("agent-2", "agent-3")))).leaderboard();
        assertThat(filtered.entries()).extracting(StaffLeaderboard.Entry::member).containsExactly("agent-2");
        assertThat(filtered.members()).isEqualTo(2);
    }

    @Test
    void csatOverTwoScalesIsRefusedUntilOneSurveyIsNamed() {
        Survey threePoint = app.publishedSurvey(caller, definition(csat("csat", 3)));

        assertInvalid(leaderboards.leaderboard(caller, command("CSAT_PERCENT", "EMPLOYEE", null, null)),
                tuple("metric", "query.scales-mixed"));
        assertThat(rank(command("CSAT_PERCENT", "EMPLOYEE", survey.id().value().toString(), null)).leaderboard()
                .entries()).hasSize(1);
        assertThat(rank(command("CSAT_PERCENT", "EMPLOYEE", threePoint.id().value().toString(), null))
                .leaderboard().members()).isZero();
    }

    @Test
    void everyBadFieldAtOnceAndTheFloorHolds() {
        assertInvalid(leaderboards.leaderboard(caller, new StaffLeaderboardCommand("CES_MEAN", "employee", null,
                        null, null, "2026-02-09", List.of(new FilterInput("shoe-size", "IN", List.of("42"))), 2)),
                tuple("metric", "leaderboard.metric-unsupported"), tuple("level", "leaderboard.level-unknown"),
                tuple("minResponses", "leaderboard.min-responses-below-floor"), tuple("from", "value.required"),
                tuple("filters[0].dimension", "query.dimension-unknown"));
        assertInvalid(leaderboards.leaderboard(caller, new StaffLeaderboardCommand("NPS", "EMPLOYEE",
                        survey.id().value().toString(), "csat", "2026-02-02", "2026-02-09", null, null)),
                tuple("metric", "query.metric-question-mismatch"));
        assertInvalid(leaderboards.leaderboard(caller, new StaffLeaderboardCommand(null, null, null, null,
                "2026-02-02", "2026-02-09", null, null)), tuple("metric", "value.required"));
        assertThatThrownBy(() -> new StaffLeaderboardService(app.adapters.surveys, app.adapters.statistics,
                app.adapters.unitOfWork, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherTenantsSurveyIsNotFoundAndItsStaffNeverAppear() {
        Caller.Tenant other = app.newTenant();

        assertDomainFailure(leaderboards.leaderboard(other, command("NPS", "EMPLOYEE",
                survey.id().value().toString(), null)), NotFound.class, "survey.not-found");
        StaffLeaderboardReport theirs = await(leaderboards.leaderboard(other, command("NPS", "EMPLOYEE", null, 3)));
        assertThat(theirs.leaderboard().members()).isZero();
        assertThat(theirs.unattributed()).isZero();
        assertFailsWithoutScope();
    }

    private void assertFailsWithoutScope() {
        ServiceHarness.assertFails(leaderboards.leaderboard(callerWithout(caller.tenantId(), Scope.METRICS_READ),
                command("NPS", "EMPLOYEE", null, null))).isInstanceOf(Forbidden.class);
    }
}

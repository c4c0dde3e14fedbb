package io.touchstone.adapter.persistence;

import static io.touchstone.application.contract.ContractFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.application.port.out.ResponseStatistics.Counting;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Roll-ups of one tenant running at the same time — the service's (its role, row-level security) and a bulk load's
 * (the owner, calling the function directly), while responses keep arriving — take every response exactly once: the
 * roll-up holds as many responses and answers as the raw tables, the counts read from it equal those counted from the
 * raw rows, and nothing is left pending. None of them fails (no deadlock).
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ConcurrentRollupIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int BULK = 3_000;
    private static final int ARRIVING = 60;
    private static final Instant START = Instant.parse("2026-03-28T00:00:00Z");

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateResponseRepository responses;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    SqlResponseStatistics statistics;

    @Inject
    ResponseRollup rollup;

    @Test
    void rollUpsOfOneTenantAtTheSameTimeTakeEveryResponseOnce() throws Exception {
        Tenant tenant = ContractFixtures.tenant();
        Survey survey = ContractFixtures.published(tenant.id(), UUID.randomUUID());
        unitOfWork.transactionally(tenant.id(), () -> tenants.add(tenant).chain(() -> surveys.add(survey)))
                .await().atMost(TIMEOUT);
        BulkResponses.insert(tenant.id(), survey.id(), START, BULK);

        CountDownLatch ready = new CountDownLatch(1);
        CompletableFuture<Integer> byTheOwner = CompletableFuture.supplyAsync(() -> rollUpAsOwner(tenant.id(), ready));
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> byTheService = loop(tenant.id(), 53).subscribeAsCompletionStage();
        CompletableFuture<Integer> byTheServiceToo = loop(tenant.id(), 71).subscribeAsCompletionStage();
        for (int i = 0; i < ARRIVING; i++) {
            Response response = survey.respond(new ResponseId(UUID.randomUUID()), Optional.empty(),
                    ContractFixtures.CS, null, null, Map.of("store", "store-1"), List.of(score("nps", i % 11)),
                    START.plusSeconds(60L * i + 7));
            unitOfWork.transactionally(tenant.id(), () -> responses.add(response, "arrived-" + response.id(), "f"))
                    .await().atMost(TIMEOUT);
        }
        int owner = byTheOwner.get(60, TimeUnit.SECONDS);
        int service = byTheService.get(60, TimeUnit.SECONDS) + byTheServiceToo.get(60, TimeUnit.SECONDS);
        int rest = Rollups.rollUpEverything(rollup);

        assertThat(owner).as("taken by the bulk load's roll-up").isPositive();
        assertThat(service).as("taken by the service's roll-ups").isPositive();
        assertThat(owner + service + rest).isEqualTo(BULK + ARRIVING);
        assertThat(BulkResponses.queryAsOwner("select count(*) from rollup_pending where tenant_id = ?",
                tenant.id().value())).isZero();
        assertThat(BulkResponses.queryAsOwner("select coalesce(sum(responses), 0) from response_rollup"
                + " where tenant_id = ? and dimension = ''", tenant.id().value())).isEqualTo(BULK + ARRIVING);
        assertThat(BulkResponses.queryAsOwner("select coalesce(sum(answers), 0) from answer_rollup"
                + " where tenant_id = ? and dimension = ''", tenant.id().value()))
                .isEqualTo(BulkResponses.queryAsOwner("select count(*) from answer where tenant_id = ?"
                        + " and score is not null", tenant.id().value()));
        List<SurveyQuestion> questions = List.of(new SurveyQuestion(survey.id(), new QuestionId("nps")),
                new SurveyQuestion(survey.id(), new QuestionId("csat")));
        for (Counting fromRollup : countings()) {
            Counting fromRawRows = withAFilterAdmittingEverything(fromRollup);
            assertThat(StatisticsSql.viaRollup(fromRollup)).isTrue();
            assertThat(StatisticsSql.viaRollup(fromRawRows)).isFalse();
            assertThat(scores(tenant.id(), questions, fromRollup)).as("scores %s", fromRollup).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(scores(tenant.id(), questions, fromRawRows));
            assertThat(responses(tenant.id(), survey, fromRollup)).as("responses %s", fromRollup).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(responses(tenant.id(), survey, fromRawRows));
        }
        assertThat(responses(tenant.id(), survey, countings().getFirst()).stream().mapToLong(ResponseCount::count)
                .sum()).isEqualTo(BULK + ARRIVING);
    }

    @Test
    void aRollUpThatWaitedForAnotherTakesTheNextResponsesNotNone() throws Exception {
        Tenant tenant = ContractFixtures.tenant();
        Survey survey = ContractFixtures.published(tenant.id(), UUID.randomUUID());
        unitOfWork.transactionally(tenant.id(), () -> tenants.add(tenant).chain(() -> surveys.add(survey)))
                .await().atMost(TIMEOUT);
        BulkResponses.insert(tenant.id(), survey.id(), START, 500);

        try (Connection owner = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + TestDatabase.NAME, "postgres", null);
                PreparedStatement rollUp = owner.prepareStatement("select roll_up_pending(?, 200)")) {
            owner.setAutoCommit(false);
            rollUp.setObject(1, tenant.id().value());
            try (ResultSet first = rollUp.executeQuery()) {
                first.next();
                assertThat(first.getInt(1)).isEqualTo(200);
            }
            CompletableFuture<Integer> second = rollup.rollUp(tenant.id(), 200).subscribeAsCompletionStage();
            Thread.sleep(500);
            assertThat(second).as("waits while the first roll-up of the tenant is open").isNotDone();

            owner.commit();

            assertThat(second.get(30, TimeUnit.SECONDS)).as("the next 200, not those the first one took")
                    .isEqualTo(200);
        }
        assertThat(rollup.rollUp(tenant.id(), 200).await().atMost(TIMEOUT)).isEqualTo(100);
        assertThat(BulkResponses.queryAsOwner("select coalesce(sum(responses), 0) from response_rollup"
                + " where tenant_id = ? and dimension = ''", tenant.id().value())).isEqualTo(500);
    }

    /** The bulk load's side: the function called in a loop as the owner, each call its own transaction. */
    private static int rollUpAsOwner(TenantId tenant, CountDownLatch ready) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + TestDatabase.NAME, "postgres", null);
                PreparedStatement rollUp = connection.prepareStatement("select roll_up_pending(?, 61)")) {
            rollUp.setObject(1, tenant.value());
            ready.countDown();
            int total = 0;
            for (int rolled = -1; rolled != 0; total += rolled) {
                try (ResultSet result = rollUp.executeQuery()) {
                    result.next();
                    rolled = result.getInt(1);
                }
            }
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<Integer> loop(TenantId tenant, int batch) {
        return rollup.rollUp(tenant, batch).flatMap(rolled -> rolled == 0
                ? Uni.createFrom().item(0)
                : loop(tenant, batch).map(more -> rolled + more));
    }

    /** By day over the days of the bulk load, as a total, by channel, by store, and Czech only. */
    private static List<Counting> countings() {
        List<LocalDate> days = List.of(LocalDate.parse("2026-03-27"), LocalDate.parse("2026-03-28"),
                LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-30"), LocalDate.parse("2026-04-01"));
        return List.of(new Counting(days, List.of(), List.of(), List.of()),
                new Counting(days, List.of(Dimension.CHANNEL), List.of(), List.of()),
                new Counting(days, List.of(Dimension.attribute("store")), List.of(), List.of()),
                new Counting(days, List.of(), List.of(new DimensionFilter(Dimension.LANGUAGE,
                        DimensionFilter.Operator.EQUALS, List.of("cs"))), List.of()));
    }

    /** The same counting with two more dimensions, filtered so that they keep every response: the raw path. */
    private static Counting withAFilterAdmittingEverything(Counting counting) {
        List<DimensionFilter> filters = new ArrayList<>(counting.filters());
        for (String key : List.of("nobody-has-it", "nor-this")) {
            filters.add(new DimensionFilter(Dimension.attribute(key), DimensionFilter.Operator.NOT_IN, List.of("x")));
        }
        return new Counting(counting.boundaries(), counting.groupBy(), filters, counting.scoreRanges());
    }

    private List<ScoreCount> scores(TenantId tenant, List<SurveyQuestion> questions, Counting counting) {
        return statistics.scores(tenant, questions, counting).await().atMost(TIMEOUT);
    }

    private List<ResponseCount> responses(TenantId tenant, Survey survey, Counting counting) {
        return statistics.responses(tenant, List.of(survey.id()), counting).await().atMost(TIMEOUT);
    }
}

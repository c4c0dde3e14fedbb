package io.touchstone.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Tenant;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An export reads from the database only as far as its subscriber asked (a batch at most beyond), keeps its cursor
 * and transaction open while the subscriber waits, and gives the connection back when the subscriber cancels or the
 * stream ends: its memory does not grow with the number of responses. Its rows come straight from the time index, not
 * after a sort of all of them.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ExportStreamsOnDemandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RESPONSES = 3_000;
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    private static final String OPEN_EXPORTS = "select count(*) from pg_stat_activity where datname = ?"
            + " and usename = 'touchstone_app' and state like 'idle in transaction%'"
            + " and query like '%answers.question_ids%'";

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    SqlResponseStatistics statistics;

    @Inject
    Pool pool;

    private Tenant tenant;
    private Survey survey;

    @BeforeEach
    void storeThreeThousandResponses() {
        tenant = ContractFixtures.tenant();
        survey = ContractFixtures.published(tenant.id(), UUID.randomUUID());
        unitOfWork.transactionally(tenant.id(), () -> tenants.add(tenant).chain(() -> surveys.add(survey)))
                .await().atMost(TIMEOUT);
        BulkResponses.insert(tenant.id(), survey.id(), START, RESPONSES);
    }

    @Test
    void readsAheadOnlyAsFarAsTheSubscriberAskedAndLetsGoWhenItCancels() throws InterruptedException {
        long before = statistics.exportRowsRead();
        AssertSubscriber<Response> subscriber = export().subscribe().withSubscriber(AssertSubscriber.create(3));

        subscriber.awaitItems(3, TIMEOUT);
        Thread.sleep(300);

        assertThat(subscriber.getItems()).hasSize(3);
        assertThat(statistics.exportRowsRead() - before).as("rows read for 3 responses")
                .isEqualTo(SqlResponseStatistics.EXPORT_BATCH);
        assertThat(openExports()).as("the export's transaction waits, open, for the subscriber").isOne();

        subscriber.request(700);
        subscriber.awaitItems(703, TIMEOUT);
        Thread.sleep(300);

        assertThat(subscriber.getItems()).hasSize(703);
        assertThat(statistics.exportRowsRead() - before).as("rows read for 703 responses")
                .isEqualTo(2L * SqlResponseStatistics.EXPORT_BATCH);
        assertThat(subscriber.getItems()).extracting(Response::submittedAt).isSorted().doesNotHaveDuplicates();

        subscriber.cancel();

        awaitNoOpenExport();
        assertThat(statistics.exportRowsRead() - before).isEqualTo(2L * SqlResponseStatistics.EXPORT_BATCH);
    }

    @Test
    void streamsEveryResponseInOrderBatchByBatchAndLetsGoAtTheEnd() throws InterruptedException {
        long before = statistics.exportRowsRead();
        AssertSubscriber<Response> subscriber = export().subscribe().withSubscriber(AssertSubscriber.create(0));
        for (int requested = 250; requested <= RESPONSES; requested += 250) {
            subscriber.request(250);
            subscriber.awaitItems(requested, TIMEOUT);
            long batches = (requested + SqlResponseStatistics.EXPORT_BATCH - 1) / SqlResponseStatistics.EXPORT_BATCH;
            assertThat(statistics.exportRowsRead() - before).as("rows read for %d responses", requested)
                    .isLessThanOrEqualTo(batches * SqlResponseStatistics.EXPORT_BATCH);
        }
        subscriber.request(1);
        subscriber.awaitCompletion(TIMEOUT);

        List<Response> exported = subscriber.getItems();
        assertThat(exported).hasSize(RESPONSES);
        assertThat(exported).extracting(Response::submittedAt).isSorted().doesNotHaveDuplicates();
        assertThat(exported.getFirst().submittedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(exported.get(1).answers()).as("response 2 answers NPS only").hasSize(1);
        assertThat(exported.get(2).answers()).as("response 3 answers NPS and CSAT").hasSize(2);
        assertThat(exported.get(2).metadata()).isEmpty();
        assertThat(exported.get(3).metadata()).containsEntry("store", "store-4");
        assertThat(statistics.exportRowsRead() - before).isEqualTo(RESPONSES);
        awaitNoOpenExport();
    }

    @Test
    void startsFromTheTimeIndexInsteadOfSortingEveryResponseFirst() {
        BulkResponses.executeAsOwner("analyze response, answer");
        Sql sql = StatisticsSql.export(tenant.id(), query());

        String sorted = plan(sql, "select 1");
        String streamed = plan(sql, SqlResponseStatistics.FAST_START);

        assertThat(sorted).as("the plan the planner would choose by itself for the whole survey").contains("Sort");
        assertThat(streamed).doesNotContain("Sort").contains("response_by_survey_time");
    }

    private String plan(Sql sql, String settings) {
        return SqlResponseStatistics.inTransaction(pool, tenant.id(), connection -> connection.query(settings).execute()
                        .chain(() -> connection.preparedQuery("explain " + sql.text()).execute(sql.tuple())))
                .map(rows -> {
                    StringBuilder plan = new StringBuilder();
                    rows.forEach(row -> plan.append(row.getString(0)).append('\n'));
                    return plan.toString();
                })
                .await().atMost(TIMEOUT);
    }

    private ExportQuery query() {
        return new ExportQuery(survey.id(), new DateRange(LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-31")),
                List.of(), List.of());
    }

    private io.smallrye.mutiny.Multi<Response> export() {
        return statistics.export(tenant.id(), query());
    }

    private static long openExports() {
        return BulkResponses.queryAsOwner(OPEN_EXPORTS, TestDatabase.NAME);
    }

    private static void awaitNoOpenExport() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (openExports() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(openExports()).as("export transactions still open").isZero();
    }
}

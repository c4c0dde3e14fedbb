package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Statistics over the tenant's responses in PostgreSQL, through the reactive client: each call is one statement (one
 * snapshot) in a transaction of its own that first sets the tenant for row-level security. Which statement — the
 * roll-up path or the raw path — is {@link StatisticsSql}'s to explain; both count exactly the same.
 */
@ApplicationScoped
public class SqlResponseStatistics implements ResponseStatistics {

    /** Rows an export reads from its cursor at a time: what it holds in memory at most, besides one response. */
    static final int EXPORT_BATCH = 500;

    private static final Logger LOG = Logger.getLogger(SqlResponseStatistics.class);

    /**
     * The export's rows come in the order of {@code response_by_survey_time}. For a large share of a survey the planner
     * would rather sort all of them first — the cheaper plan in total, but the first row only comes when every row is
     * sorted (15 s for 1.9 million responses), and it does not know that a cursor reads the rows as they come. Within
     * the export's own read-only transaction, sorting is made the last resort, so that the first batch is there at
     * once; nor is the statement compiled first (JIT: some 200 ms before the first row, for per-row work that is
     * mostly index lookups).
     */
    static final String FAST_START = "set local enable_sort = off; set local jit = off";

    private final Pool pool;
    private final ResponseRollup rollup;
    private final LongAdder exportRowsRead = new LongAdder();

    @Inject
    public SqlResponseStatistics(Pool pool, ResponseRollup rollup) {
        this.pool = pool;
        this.rollup = rollup;
    }

    /** Rolls up every tenant's pending responses, {@code maxPerTenant} at most each (see {@link ResponseRollup}). */
    @Override
    public Uni<Integer> catchUp(int maxPerTenant) {
        return rollup.rollUpPending(maxPerTenant);
    }

    private record ScoreCell(int period, SurveyId survey, int version, QuestionId question, int score) {
    }

    private record ResponseCell(int period, SurveyId survey, int version) {
    }

    @Override
    public Uni<List<ScoreCount>> scores(TenantId tenant, List<SurveyQuestion> questions, Counting counting) {
        if (questions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (StatisticsSql.viaRollup(counting)) {
            return read(tenant, StatisticsSql.rollupScores(tenant, questions, counting)).map(rows -> {
                RolledUpCounts<ScoreCell> counts = new RolledUpCounts<>(counting);
                for (Row row : rows) {
                    counts.add(new ScoreCell(row.getInteger("period"), new SurveyId(row.getUUID("survey_id")),
                                    row.getInteger("survey_version"), new QuestionId(row.getString("question_id")),
                                    row.getInteger("score")),
                            row.getString("dimension"), row.getString("dimension_value"), row.getLong("n"));
                }
                List<ScoreCount> counted = new ArrayList<>();
                counts.forEachGroup((cell, group, count) -> counted.add(new ScoreCount(cell.period(), group,
                        cell.survey(), cell.version(), cell.question(), cell.score(), count)));
                return counted;
            });
        }
        int groups = counting.groupBy().size();
        return read(tenant, StatisticsSql.rawScores(tenant, questions, counting)).map(rows -> {
            List<ScoreCount> counted = new ArrayList<>();
            for (Row row : rows) {
                counted.add(new ScoreCount(row.getInteger(0), group(row, groups),
                        new SurveyId(row.getUUID(groups + 1)), row.getInteger(groups + 2),
                        new QuestionId(row.getString(groups + 3)), row.getInteger(groups + 4),
                        row.getLong(groups + 5)));
            }
            return counted;
        });
    }

    @Override
    public Uni<List<ResponseCount>> responses(TenantId tenant, List<SurveyId> surveys, Counting counting) {
        if (surveys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (StatisticsSql.viaRollup(counting)) {
            return read(tenant, StatisticsSql.rollupResponses(tenant, surveys, counting)).map(rows -> {
                RolledUpCounts<ResponseCell> counts = new RolledUpCounts<>(counting);
                for (Row row : rows) {
                    counts.add(new ResponseCell(row.getInteger("period"), new SurveyId(row.getUUID("survey_id")),
                                    row.getInteger("survey_version")),
                            row.getString("dimension"), row.getString("dimension_value"), row.getLong("n"));
                }
                List<ResponseCount> counted = new ArrayList<>();
                counts.forEachGroup((cell, group, count) -> counted.add(new ResponseCount(cell.period(), group,
                        cell.survey(), cell.version(), count)));
                return counted;
            });
        }
        int groups = counting.groupBy().size();
        return read(tenant, StatisticsSql.rawResponses(tenant, surveys, counting)).map(rows -> {
            List<ResponseCount> counted = new ArrayList<>();
            for (Row row : rows) {
                counted.add(new ResponseCount(row.getInteger(0), group(row, groups),
                        new SurveyId(row.getUUID(groups + 1)), row.getInteger(groups + 2), row.getLong(groups + 3)));
            }
            return counted;
        });
    }

    /**
     * A cursor in a read-only REPEATABLE READ transaction of its own, read {@value #EXPORT_BATCH} rows at a time and
     * only when the subscriber has asked for more than it got: memory stays constant however long the export. The
     * connection goes back to the pool when the stream completes, fails or is cancelled. (A subscriber that stops
     * asking keeps the transaction open until it cancels.)
     */
    @Override
    public Multi<Response> export(TenantId tenant, ExportQuery query) {
        Sql sql = StatisticsSql.export(tenant, query);
        return Multi.createFrom().resourceFromUni(() -> ExportCursor.open(pool, tenant, sql),
                        cursor -> Multi.createBy().repeating().uni(() -> cursor.cursor().read(EXPORT_BATCH))
                                .whilst(rows -> cursor.cursor().hasMore())
                                .onItem().transformToIterable(rows -> responses(tenant, query.survey(), rows)))
                .withFinalizer(ExportCursor::close);
    }

    /** How many rows exports have read from the database so far, over all exports (for tests and diagnostics). */
    long exportRowsRead() {
        return exportRowsRead.sum();
    }

    private List<Response> responses(TenantId tenant, SurveyId survey, RowSet<Row> rows) {
        exportRowsRead.add(rows.size());
        List<Response> responses = new ArrayList<>(rows.size());
        for (Row row : rows) {
            responses.add(response(tenant, survey, row));
        }
        return responses;
    }

    private static Response response(TenantId tenant, SurveyId survey, Row row) {
        String[] questions = row.getArrayOfStrings("question_ids");
        Integer[] scores = row.getArrayOfIntegers("scores");
        String[] texts = row.getArrayOfStrings("texts");
        String[] choices = row.getArrayOfStrings("choices");
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; questions != null && i < questions.length; i++) {
            AnswerValue value = scores[i] != null ? new AnswerValue.Score(scores[i])
                    : choices[i] != null ? new AnswerValue.Choice(choices[i])
                    : new AnswerValue.Text(texts[i]);
            answers.add(new Answer(new QuestionId(questions[i]), value));
        }
        String channel = row.getString("channel");
        return Response.rehydrate(new ResponseId(row.getUUID("id")), tenant, survey, row.getInteger("survey_version"),
                LanguageTag.of(row.getString("language")), channel == null ? null : Channel.valueOf(channel),
                row.getString("respondent_ref"), metadata(row.getJsonObject("metadata")), answers,
                row.getOffsetDateTime("submitted_at").toInstant(),
                ResponseLinks.of(row.getUUID("interaction_id"), row.getUUID("journey_id"), row.getUUID("stage_id"),
                        row.getUUID("touchpoint_id"), row.getString("touchpoint_channel"), row.getString("employee"),
                        row.getString("team"), row.getString("location")));
    }

    private static Map<String, String> metadata(JsonObject json) {
        Map<String, String> metadata = new LinkedHashMap<>();
        json.forEach(entry -> metadata.put(entry.getKey(), String.valueOf(entry.getValue())));
        return metadata;
    }

    private static GroupKey group(Row row, int size) {
        List<String> values = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            values.add(row.getString(i));
        }
        return new GroupKey(values);
    }

    /** One statement in a transaction for {@code tenant}. */
    private Uni<RowSet<Row>> read(TenantId tenant, Sql sql) {
        return inTransaction(pool, tenant, connection -> connection.preparedQuery(sql.text()).execute(sql.tuple()));
    }

    /** Runs {@code work} in a transaction whose row-level security shows the rows of {@code tenant} only. */
    static <T> Uni<T> inTransaction(Pool pool, TenantId tenant, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection.preparedQuery(StatisticsSql.SET_TENANT)
                .execute(Tuple.of(tenant.value().toString()))
                .chain(() -> work.apply(connection)));
    }

    /** An export's connection, read-only transaction, statement and cursor, closed together. */
    private record ExportCursor(SqlConnection connection, Transaction transaction, PreparedStatement statement,
            Cursor cursor) {

        static Uni<ExportCursor> open(Pool pool, TenantId tenant, Sql sql) {
            return pool.getConnection().flatMap(connection -> connection.begin()
                    .call(() -> connection.query("set transaction isolation level repeatable read, read only")
                            .execute())
                    .call(() -> connection.query(FAST_START).execute())
                    .call(() -> connection.preparedQuery(StatisticsSql.SET_TENANT)
                            .execute(Tuple.of(tenant.value().toString())))
                    .flatMap(transaction -> connection.prepare(sql.text())
                            .map(statement -> new ExportCursor(connection, transaction, statement,
                                    statement.cursor(sql.tuple()))))
                    .onFailure().call(() -> connection.close()));
        }

        /** Nothing to commit: the transaction is rolled back, which also closes the cursor on the server. */
        Uni<Void> close() {
            return cursor.close()
                    .onFailure().invoke(failure -> LOG.debugf("closing an export cursor: %s", failure.getMessage()))
                    .onFailure().recoverWithNull()
                    .chain(() -> transaction.rollback())
                    .onFailure().invoke(failure -> LOG.debugf("ending an export transaction: %s",
                            failure.getMessage()))
                    .onFailure().recoverWithNull()
                    .chain(() -> statement.close())
                    .onFailure().recoverWithNull()
                    .chain(() -> connection.close());
        }
    }
}

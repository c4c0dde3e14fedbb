package io.touchstone.adapter.persistence;

import io.touchstone.application.port.out.ResponseStatistics.Counting;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ScoreRange;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of {@link SqlResponseStatistics}. Each reads one snapshot: a single statement, in a transaction that
 * first sets the tenant for row-level security. A response's local day is
 * {@code (submitted_at at time zone tenant.time_zone)::date}, the only definition of it in SQL (the roll-up uses the
 * same); a period is found with {@code width_bucket} over the ascending boundaries.
 *
 * <p>Two ways to count:
 * <ul>
 * <li>the <b>roll-up path</b>, when at most one response-level dimension is involved (grouped by or filtered on) and
 * no score range: the rows of {@code answer_rollup} / {@code response_rollup} for the total and that dimension, plus
 * the same rows computed from the raw tables for the responses still pending, in one statement; the caller derives
 * the "no value" group (total − Σ values) and applies the dimension's filters;</li>
 * <li>the <b>raw path</b> otherwise: answers joined to their responses, grouped by period, the group-by values (SQL
 * expressions), survey, version, question and score, with the filters and score ranges as conditions.</li>
 * </ul>
 */
final class StatisticsSql {

    /** Sets the tenant of the transaction, which the row-level security policies compare with (V2 migration). */
    static final String SET_TENANT = "select set_config('" + HibernateUnitOfWork.TENANT_SETTING + "', $1, true)";

    /** The dimension name the roll-up stores the total under. */
    static final String TOTAL = "";

    private StatisticsSql() {
    }

    /** The response-level dimensions a counting involves: those it groups by and those it filters on. */
    static Set<Dimension> responseDimensions(Counting counting) {
        Set<Dimension> dimensions = new LinkedHashSet<>(counting.groupBy());
        counting.filters().forEach(filter -> dimensions.add(filter.dimension()));
        return dimensions;
    }

    /** Whether the roll-up can answer: at most one response-level dimension and no score range. */
    static boolean viaRollup(Counting counting) {
        return counting.scoreRanges().isEmpty() && responseDimensions(counting).size() <= 1;
    }

    /** The one dimension of a counting that takes the roll-up path, if any. */
    static Optional<Dimension> rollupDimension(Counting counting) {
        return responseDimensions(counting).stream().findFirst();
    }

    /**
     * Roll-up path, scores: rows (period, dimension, dimension_value, survey_id, survey_version, question_id, score,
     * n) for the total (dimension '') and the counting's dimension, if any.
     */
    static Sql rollupScores(TenantId tenant, List<SurveyQuestion> questions, Counting counting) {
        Sql sql = new Sql();
        String tenantId = sql.parameter(tenant.value());
        String boundaries = sql.parameter(counting.boundaries().toArray(LocalDate[]::new)) + "::date[]";
        String surveys = sql.parameter(surveyIdsOf(questions)) + "::uuid[]";
        String questionIds = sql.parameter(questionIdsOf(questions)) + "::text[]";
        String from = sql.parameter(counting.boundaries().getFirst());
        String to = sql.parameter(counting.boundaries().getLast());
        Optional<Dimension> dimension = rollupDimension(counting);
        String dimensions = sql.parameter(rolledUpDimensions(dimension)) + "::text[]";
        String pendingDimensions = pendingDimensions(sql, dimension);
        sql.append("""
                select period, dimension, dimension_value, survey_id, survey_version, question_id, score,
                       sum(n)::bigint as n
                  from (select width_bucket(ar.local_day, %2$s) - 1 as period, ar.dimension, ar.dimension_value,
                               ar.survey_id, ar.survey_version, ar.question_id, ar.score::integer as score,
                               ar.answers as n
                          from unnest(%3$s, %4$s) as asked (survey_id, question_id)
                          join answer_rollup ar
                            on ar.tenant_id = %1$s and ar.survey_id = asked.survey_id
                           and ar.question_id = asked.question_id
                         where ar.tenant_id = %1$s and ar.dimension = any(%7$s)
                           and ar.local_day >= %5$s and ar.local_day < %6$s
                        union all
                        select width_bucket(day.local_day, %2$s) - 1, dim.dimension, dim.dimension_value,
                               a.survey_id, a.survey_version, a.question_id, a.score, 1::bigint
                          from rollup_pending p
                          join response r on r.tenant_id = p.tenant_id and r.id = p.response_id
                          join tenant t on t.id = p.tenant_id
                         cross join lateral (select (r.submitted_at at time zone t.time_zone)::date as local_day) day
                          join answer a on a.tenant_id = r.tenant_id and a.response_id = r.id
                          join unnest(%3$s, %4$s) as asked (survey_id, question_id)
                            on asked.survey_id = a.survey_id and asked.question_id = a.question_id
                         cross join lateral (values %8$s) as dim (dimension, dimension_value)
                         where p.tenant_id = %1$s and r.survey_id = any(%3$s) and a.score is not null
                           and dim.dimension_value is not null
                           and day.local_day >= %5$s and day.local_day < %6$s) counted
                 group by period, dimension, dimension_value, survey_id, survey_version, question_id, score
                """.formatted(tenantId, boundaries, surveys, questionIds, from, to, dimensions, pendingDimensions));
        return sql;
    }

    /**
     * Roll-up path, responses: rows (period, dimension, dimension_value, survey_id, survey_version, n) for the total
     * and the counting's dimension, if any.
     */
    static Sql rollupResponses(TenantId tenant, List<SurveyId> surveys, Counting counting) {
        Sql sql = new Sql();
        String tenantId = sql.parameter(tenant.value());
        String boundaries = sql.parameter(counting.boundaries().toArray(LocalDate[]::new)) + "::date[]";
        String surveyIds = sql.parameter(uuids(surveys)) + "::uuid[]";
        String from = sql.parameter(counting.boundaries().getFirst());
        String to = sql.parameter(counting.boundaries().getLast());
        Optional<Dimension> dimension = rollupDimension(counting);
        String dimensions = sql.parameter(rolledUpDimensions(dimension)) + "::text[]";
        String pendingDimensions = pendingDimensions(sql, dimension);
        sql.append("""
                select period, dimension, dimension_value, survey_id, survey_version, sum(n)::bigint as n
                  from (select width_bucket(rr.local_day, %2$s) - 1 as period, rr.dimension, rr.dimension_value,
                               rr.survey_id, rr.survey_version, rr.responses as n
                          from response_rollup rr
                         where rr.tenant_id = %1$s and rr.survey_id = any(%3$s) and rr.dimension = any(%6$s)
                           and rr.local_day >= %4$s and rr.local_day < %5$s
                        union all
                        select width_bucket(day.local_day, %2$s) - 1, dim.dimension, dim.dimension_value,
                               r.survey_id, r.survey_version, 1::bigint
                          from rollup_pending p
                          join response r on r.tenant_id = p.tenant_id and r.id = p.response_id
                          join tenant t on t.id = p.tenant_id
                         cross join lateral (select (r.submitted_at at time zone t.time_zone)::date as local_day) day
                         cross join lateral (values %7$s) as dim (dimension, dimension_value)
                         where p.tenant_id = %1$s and r.survey_id = any(%3$s) and dim.dimension_value is not null
                           and day.local_day >= %4$s and day.local_day < %5$s) counted
                 group by period, dimension, dimension_value, survey_id, survey_version
                """.formatted(tenantId, boundaries, surveyIds, from, to, dimensions, pendingDimensions));
        return sql;
    }

    /**
     * Raw path, scores: rows (period, one value per group-by dimension, survey_id, survey_version, question_id, score,
     * n) of the answers of responses that pass every filter and score range.
     */
    static Sql rawScores(TenantId tenant, List<SurveyQuestion> questions, Counting counting) {
        Sql sql = new Sql();
        String tenantId = sql.parameter(tenant.value());
        String boundaries = sql.parameter(counting.boundaries().toArray(LocalDate[]::new)) + "::date[]";
        String surveys = sql.parameter(surveyIdsOf(questions)) + "::uuid[]";
        String questionIds = sql.parameter(questionIdsOf(questions)) + "::text[]";
        List<String> groups = counting.groupBy().stream().map(dimension -> valueOf(sql, dimension)).toList();
        sql.append("select width_bucket(day.local_day, " + boundaries + ") - 1 as period");
        groups.forEach(group -> sql.append(", " + group));
        sql.append("""
                , a.survey_id, a.survey_version, a.question_id, a.score, count(*) as n
                  from response r
                  join tenant t on t.id = r.tenant_id
                 cross join lateral (select (r.submitted_at at time zone t.time_zone)::date as local_day) day
                  join answer a on a.tenant_id = r.tenant_id and a.response_id = r.id
                  join unnest(%2$s, %3$s) as asked (survey_id, question_id)
                    on asked.survey_id = a.survey_id and asked.question_id = a.question_id
                 where r.tenant_id = %1$s and t.id = %1$s and a.tenant_id = %1$s and r.survey_id = any(%2$s)
                   and a.score is not null
                """.formatted(tenantId, surveys, questionIds));
        responseConditions(sql, tenantId, counting.boundaries().getFirst(), counting.boundaries().getLast(),
                counting.filters(), counting.scoreRanges());
        sql.append(" group by " + positions(1 + groups.size() + 4));
        return sql;
    }

    /**
     * Raw path, responses: rows (period, one value per group-by dimension, survey_id, survey_version, n) of the
     * responses that pass every filter and score range.
     */
    static Sql rawResponses(TenantId tenant, List<SurveyId> surveys, Counting counting) {
        Sql sql = new Sql();
        String tenantId = sql.parameter(tenant.value());
        String boundaries = sql.parameter(counting.boundaries().toArray(LocalDate[]::new)) + "::date[]";
        String surveyIds = sql.parameter(uuids(surveys)) + "::uuid[]";
        List<String> groups = counting.groupBy().stream().map(dimension -> valueOf(sql, dimension)).toList();
        sql.append("select width_bucket(day.local_day, " + boundaries + ") - 1 as period");
        groups.forEach(group -> sql.append(", " + group));
        sql.append("""
                , r.survey_id, r.survey_version, count(*) as n
                  from response r
                  join tenant t on t.id = r.tenant_id
                 cross join lateral (select (r.submitted_at at time zone t.time_zone)::date as local_day) day
                 where r.tenant_id = %1$s and t.id = %1$s and r.survey_id = any(%2$s)
                """.formatted(tenantId, surveyIds));
        responseConditions(sql, tenantId, counting.boundaries().getFirst(), counting.boundaries().getLast(),
                counting.filters(), counting.scoreRanges());
        sql.append(" group by " + positions(1 + groups.size() + 2));
        return sql;
    }

    /**
     * The responses of an export with all their answers in their order (as parallel arrays), oldest first: ordered by
     * (submitted_at, id), as the index {@code response_by_survey_time} delivers them, so that a cursor streams from the
     * first row without sorting.
     */
    static Sql export(TenantId tenant, ExportQuery query) {
        Sql sql = new Sql();
        String tenantId = sql.parameter(tenant.value());
        String survey = sql.parameter(query.survey().value());
        sql.append("""
                select r.id, r.survey_version, r.language, r.channel, r.respondent_ref, r.metadata, r.submitted_at,
                       r.interaction_id, r.journey_id, r.stage_id, r.touchpoint_id, r.touchpoint_channel, r.employee,
                       r.team, r.location, answers.question_ids, answers.scores, answers.texts, answers.choices
                  from response r
                  join tenant t on t.id = r.tenant_id
                 cross join lateral (select (r.submitted_at at time zone t.time_zone)::date as local_day) day
                 cross join lateral (select array_agg(a.question_id order by a.position) as question_ids,
                                            array_agg(a.score order by a.position) as scores,
                                            array_agg(a.text_value order by a.position) as texts,
                                            array_agg(a.choice order by a.position) as choices
                                       from answer a
                                      where a.tenant_id = r.tenant_id and a.response_id = r.id) answers
                 where r.tenant_id = %1$s and t.id = %1$s and r.survey_id = %2$s
                """.formatted(tenantId, survey));
        responseConditions(sql, tenantId, query.range().from(), query.range().to(), query.filters(),
                query.scoreRanges());
        sql.append(" order by r.submitted_at, r.id");
        return sql;
    }

    /**
     * The local days [from, to): a condition on submitted_at that an index can use, widened by a day on each side
     * (no time zone is more than a day off UTC), and the exact condition on the local day; then the filters and score
     * ranges.
     */
    private static void responseConditions(Sql sql, String tenantId, LocalDate from, LocalDate to,
            List<DimensionFilter> filters, List<ScoreRange> scoreRanges) {
        String earliest = sql.parameter(OffsetDateTime.of(from.minusDays(1).atStartOfDay(), ZoneOffset.UTC));
        String latest = sql.parameter(OffsetDateTime.of(to.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
        sql.append(" and r.submitted_at >= " + earliest + " and r.submitted_at < " + latest);
        sql.append(" and day.local_day >= " + sql.parameter(from) + " and day.local_day < " + sql.parameter(to));
        for (DimensionFilter filter : filters) {
            sql.append(" and " + condition(sql, filter));
        }
        for (ScoreRange range : scoreRanges) {
            sql.append(" and exists (select 1 from answer s where s.tenant_id = " + tenantId
                    + " and s.response_id = r.id and s.question_id = " + sql.parameter(range.question().value())
                    + " and s.score between " + sql.parameter(range.min()) + " and " + sql.parameter(range.max())
                    + ")");
        }
    }

    /** A filter as a condition on the response {@code r}: no value never equals and is never in, always "not in". */
    private static String condition(Sql sql, DimensionFilter filter) {
        String value = valueOf(sql, filter.dimension());
        String values = sql.parameter(filter.values().toArray(String[]::new)) + "::text[]";
        return switch (filter.operator()) {
            case EQUALS, IN -> value + " = any(" + values + ")";
            case NOT_IN -> "(" + value + " is null or not " + value + " = any(" + values + "))";
        };
    }

    /** The value of a response-level dimension of the response {@code r}; null when it has none. */
    private static String valueOf(Sql sql, Dimension dimension) {
        return switch (dimension.kind()) {
            case LANGUAGE -> "r.language";
            case CHANNEL -> "r.channel";
            case JOURNEY -> "r.journey_id::text";
            case STAGE -> "r.stage_id::text";
            case TOUCHPOINT -> "r.touchpoint_id::text";
            case EMPLOYEE -> "r.employee";
            case TEAM -> "r.team";
            case LOCATION -> "r.location";
            case ATTRIBUTE -> "(r.metadata ->> " + sql.parameter(dimension.attributeKey()) + "::text)";
            case SURVEY, QUESTION, SCALE -> throw new IllegalArgumentException(dimension + " is not of the response");
        };
    }

    /** The dimensions of the roll-up to read: the total, and the counting's one dimension. */
    private static String[] rolledUpDimensions(Optional<Dimension> dimension) {
        return dimension.map(d -> new String[] {TOTAL, d.name()}).orElse(new String[] {TOTAL});
    }

    /** A pending response's roll-up rows, as a VALUES list: the total and its value of the dimension (or null). */
    private static String pendingDimensions(Sql sql, Optional<Dimension> dimension) {
        String total = "('', '')";
        return dimension.map(d -> total + ", (" + sql.parameter(d.name()) + "::text, " + valueOf(sql, d) + ")")
                .orElse(total);
    }

    private static UUID[] surveyIdsOf(List<SurveyQuestion> questions) {
        return distinct(questions).stream().map(question -> question.survey().value()).toArray(UUID[]::new);
    }

    private static String[] questionIdsOf(List<SurveyQuestion> questions) {
        return distinct(questions).stream().map(question -> question.question().value()).toArray(String[]::new);
    }

    /** Each pair once: the statements join the pairs, and a pair asked twice must not count twice. */
    private static List<SurveyQuestion> distinct(List<SurveyQuestion> questions) {
        return List.copyOf(new LinkedHashSet<>(questions));
    }

    private static UUID[] uuids(List<SurveyId> surveys) {
        return surveys.stream().map(SurveyId::value).distinct().toArray(UUID[]::new);
    }

    private static String positions(int count) {
        StringBuilder positions = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            positions.append(i == 1 ? "" : ", ").append(i);
        }
        return positions.toString();
    }
}

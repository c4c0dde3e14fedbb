package io.touchstone.adapter.persistence;

import io.touchstone.application.port.out.InteractionStatistics.Counting;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The statements of {@link SqlInteractionStatistics}, each one snapshot, grouped in the database. Abandonment counts
 * come from the roll-up (V13: per touchpoint and local day, plus the interactions not rolled up yet) when every
 * dimension is the touchpoint's (touchpoint, stage, journey, channel), otherwise from the period's entries of the index
 * {@code interaction_by_touchpoint_outcome}, touchpoint by touchpoint. An interaction's local day is
 * {@code (occurred_at at time zone tenant.time_zone)::date}, as a response's: it lies in a period exactly when it
 * occurred at or after {@code day::timestamp at time zone tenant.time_zone}, the first instant of the period's first
 * day there, and before that of the next period's, which is how the raw rows are compared.
 */
final class InteractionStatisticsSql {

    private InteractionStatisticsSql() {
    }

    /**
     * Rows (period, one value per group-by dimension, started, abandoned) of the interactions in the periods that pass
     * every filter.
     */
    static Sql abandonment(TenantId tenant, Counting counting) {
        Sql sql = new Sql();
        String tenantId = sql.parameter(tenant.value());
        String boundaries = sql.parameter(counting.boundaries().toArray(LocalDate[]::new)) + "::date[]";
        List<String> groups = counting.groupBy().stream().map(dimension -> valueOf(sql, dimension)).toList();
        boolean viaRollup = viaRollup(counting);
        // the first instant of each boundary day in the tenant's zone, computed once (materialized: not per row), so
        // that rows are selected by an index range on their own time and bucketed without time-zone arithmetic
        sql.append("""
                with b as materialized (
                    select array(select d::timestamp at time zone t.time_zone
                                   from unnest(%2$s) with ordinality u(d, n) order by n) as instants
                      from tenant t
                     where t.id = %1$s)
                select i.period""".formatted(tenantId, boundaries));
        groups.forEach(group -> sql.append(", " + group + "::text"));
        if (viaRollup) {
            // the roll-up's days, and the interactions not rolled up yet: disjoint in every snapshot
            String from = sql.parameter(counting.boundaries().getFirst());
            String to = sql.parameter(counting.boundaries().getLast());
            sql.append("""
                    , sum(i.started)::bigint as started, sum(i.abandoned)::bigint as abandoned
                      from (select width_bucket(r.local_day, %2$s) - 1 as period, r.touchpoint_id, r.started,
                                   r.abandoned
                              from interaction_rollup r
                             where r.tenant_id = %1$s and r.local_day >= %3$s and r.local_day < %4$s
                            union all
                            select width_bucket(x.occurred_at, b.instants) - 1, x.touchpoint_id, 1,
                                   case when x.outcome = 'ABANDONED' then 1 else 0 end
                              from interaction_rollup_pending p
                              join interaction x on x.tenant_id = p.tenant_id and x.id = p.interaction_id
                             cross join b
                             where p.tenant_id = %1$s and x.occurred_at >= b.instants[1]
                               and x.occurred_at < b.instants[cardinality(b.instants)]) i
                      join touchpoint tp on tp.tenant_id = %1$s and tp.id = i.touchpoint_id
                     where true""".formatted(tenantId, boundaries, from, to));
        } else {
            sql.append("""
                    , count(*) as started, count(*) filter (where i.outcome = 'ABANDONED') as abandoned
                      from b
                      join touchpoint tp on tp.tenant_id = %1$s
                     cross join lateral (select width_bucket(x.occurred_at, b.instants) - 1 as period, x.*
                                           from interaction x
                                          where x.tenant_id = %1$s and x.touchpoint_id = tp.id
                                            and x.occurred_at >= b.instants[1]
                                            and x.occurred_at < b.instants[cardinality(b.instants)]) i
                     where true""".formatted(tenantId));
        }
        for (DimensionFilter filter : counting.filters()) {
            String value = valueOf(sql, filter.dimension()) + "::text";
            String values = sql.parameter(filter.values().toArray(String[]::new)) + "::text[]";
            sql.append(switch (filter.operator()) {
                case EQUALS, IN -> " and " + value + " = any(" + values + ")";
                case NOT_IN -> " and (" + value + " is null or not " + value + " = any(" + values + "))";
            });
        }
        // grouped by the values themselves (uuids compare faster than their text)
        StringBuilder grouping = new StringBuilder("1");
        groups.forEach(group -> grouping.append(", ").append(group));
        sql.append(" group by " + grouping);
        return sql;
    }

    /**
     * Whether the roll-up can answer: every dimension grouped or filtered by is the touchpoint's (the touchpoint,
     * its stage, journey or channel), which the roll-up's touchpoint determines.
     */
    static boolean viaRollup(Counting counting) {
        return Stream.concat(counting.groupBy().stream(),
                        counting.filters().stream().map(DimensionFilter::dimension))
                .allMatch(dimension -> switch (dimension.kind()) {
                    case JOURNEY, STAGE, TOUCHPOINT, CHANNEL -> true;
                    default -> false;
                });
    }

    /**
     * Rows (period, segment, active_at_start, lost) as {@code Churn.countBySegment} counts them: per period, each
     * customer's latest event before its start (at one instant CHURNED after ACTIVATED, then the greatest segment),
     * kept when it is ACTIVATED, and lost when the customer has a CHURNED event within the period. Segments compare
     * in code point order ({@code collate "C"}), as the domain compares them.
     */
    static Sql churn(TenantId tenant, List<LocalDate> boundaries, Optional<String> segmentKey) {
        Sql sql = new Sql();
        String tenantId = sql.parameter(tenant.value());
        String days = sql.parameter(boundaries.toArray(LocalDate[]::new)) + "::date[]";
        String key = sql.parameter(segmentKey.orElse(null)) + "::text";
        sql.append("""
                select p.period, latest.segment, count(*) as active_at_start,
                       count(*) filter (where exists (
                           select 1 from customer_lifecycle_event c
                            where c.tenant_id = %1$s and c.customer_ref = latest.customer_ref
                              and c.kind = 'CHURNED' and c.occurred_at >= p.starts and c.occurred_at < p.ends)) as lost
                  from (select n - 1 as period,
                               ((%2$s)[n]::timestamp at time zone t.time_zone) as starts,
                               ((%2$s)[n + 1]::timestamp at time zone t.time_zone) as ends
                          from tenant t
                         cross join generate_series(1, cardinality(%2$s) - 1) as n
                         where t.id = %1$s) p
                 cross join lateral (
                       select distinct on (e.customer_ref) e.customer_ref, e.kind,
                              (e.attributes ->> %3$s) collate "C" as segment
                         from customer_lifecycle_event e
                        where e.tenant_id = %1$s and e.occurred_at < p.starts
                        order by e.customer_ref, e.occurred_at desc, e.kind desc,
                                 (e.attributes ->> %3$s) collate "C" desc nulls last) latest
                 where latest.kind = 'ACTIVATED'
                 group by p.period, latest.segment
                """.formatted(tenantId, days, key));
        return sql;
    }

    /**
     * The value of an interaction-level dimension of the interaction {@code i} at touchpoint {@code tp}, as stored
     * (uuids as uuids; {@code ::text} makes it the dimension's value).
     */
    private static String valueOf(Sql sql, Dimension dimension) {
        return switch (dimension.kind()) {
            case JOURNEY -> "tp.journey_id";
            case STAGE -> "tp.stage_id";
            case TOUCHPOINT -> "i.touchpoint_id";
            case CHANNEL -> "tp.channel";
            case EMPLOYEE -> "i.employee";
            case TEAM -> "i.team";
            case LOCATION -> "i.location";
            case ATTRIBUTE -> "(i.attributes ->> " + sql.parameter(dimension.attributeKey()) + "::text)";
            case SURVEY, QUESTION, SCALE, LANGUAGE -> throw new IllegalArgumentException(
                    dimension + " is not of an interaction");
        };
    }
}

package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.domain.analytics.ChurnCount;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.InteractionCount;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Abandonment and churn counts over the tenant's interactions and lifecycle events in PostgreSQL, through the
 * reactive client: one statement ({@link InteractionStatisticsSql}) in a transaction of its own that first sets the
 * tenant for row-level security.
 */
@ApplicationScoped
public class SqlInteractionStatistics implements InteractionStatistics {

    private final Pool pool;

    @Inject
    public SqlInteractionStatistics(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<InteractionCount>> abandonment(TenantId tenant, Counting counting) {
        Sql sql = InteractionStatisticsSql.abandonment(tenant, counting);
        int groups = counting.groupBy().size();
        return SqlResponseStatistics.inTransaction(pool, tenant,
                connection -> connection.preparedQuery(sql.text()).execute(sql.tuple())).map(rows -> {
                    List<InteractionCount> counted = new ArrayList<>();
                    for (Row row : rows) {
                        List<String> values = new ArrayList<>(groups);
                        for (int i = 1; i <= groups; i++) {
                            values.add(row.getString(i));
                        }
                        counted.add(new InteractionCount(row.getInteger(0), new GroupKey(values),
                                row.getLong(groups + 1), row.getLong(groups + 2)));
                    }
                    return counted;
                });
    }

    @Override
    public Uni<List<ChurnCount>> churn(TenantId tenant, List<LocalDate> boundaries, Optional<String> segmentKey) {
        InteractionStatistics.checkBoundaries(boundaries);
        Sql sql = InteractionStatisticsSql.churn(tenant, boundaries, segmentKey);
        return SqlResponseStatistics.inTransaction(pool, tenant,
                connection -> connection.preparedQuery(sql.text()).execute(sql.tuple())).map(rows -> {
                    List<ChurnCount> counted = new ArrayList<>();
                    for (Row row : rows) {
                        counted.add(new ChurnCount(row.getInteger("period"),
                                Optional.ofNullable(row.getString("segment")), row.getLong("active_at_start"),
                                row.getLong("lost")));
                    }
                    return counted;
                });
    }
}

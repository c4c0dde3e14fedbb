package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Adds stored responses to the metrics roll-up (V8 migration), and recorded interactions to theirs (V13), for a
 * scheduler of the platform to call periodically (e.g. every second, {@code rollUpPending(5_000)}). Until a response
 * or interaction is rolled up, queries count it from the raw tables, so the interval trades query cost for write
 * cost, never correctness. Safe to call from several replicas at once: roll-ups of one tenant queue behind each other
 * in the database and never count a response or an interaction twice.
 */
@ApplicationScoped
public class ResponseRollup {

    private static final String PENDING_TENANTS = "select tenant_id from tenants_with_pending_rollup() as tenant_id";
    private static final String ROLL_UP = "select roll_up_pending($1, $2) as rolled";
    private static final String ROLL_UP_INTERACTIONS = "select roll_up_interactions($1, $2) as rolled";

    private final Pool pool;

    @Inject
    public ResponseRollup(Pool pool) {
        this.pool = pool;
    }

    /**
     * Rolls up at most {@code maxPerTenant} pending responses and as many pending interactions of every tenant that
     * has some, one transaction each, one tenant after the other, and returns how many it rolled up in all. A tenant whose roll-up fails does
     * not stop the others; the call then fails, after all, naming how many tenants failed (their responses stay
     * pending for the next call).
     */
    public Uni<Integer> rollUpPending(int maxPerTenant) {
        requirePositive(maxPerTenant);
        return tenantsWithPendingResponses().flatMap(tenants -> {
            List<Throwable> failures = new ArrayList<>();
            return Multi.createFrom().iterable(tenants)
                    .onItem().transformToUniAndConcatenate(tenant -> rollUp(tenant, maxPerTenant)
                            .flatMap(responses -> rollUpInteractions(tenant, maxPerTenant)
                                    .map(interactions -> responses + interactions))
                            .onFailure().recoverWithItem(failure -> {
                                failures.add(failure);
                                return 0;
                            }))
                    .collect().with(Collectors.summingInt(Integer::intValue))
                    .flatMap(total -> failures.isEmpty()
                            ? Uni.createFrom().item(total)
                            : Uni.createFrom().failure(failed(failures, tenants.size(), total)));
        });
    }

    /** Rolls up at most {@code maxResponses} pending responses of one tenant, in one transaction; returns how many. */
    public Uni<Integer> rollUp(TenantId tenant, int maxResponses) {
        requirePositive(maxResponses);
        return SqlResponseStatistics.inTransaction(pool, tenant, connection -> connection.preparedQuery(ROLL_UP)
                .execute(Tuple.of(tenant.value(), maxResponses))
                .map(rows -> rows.iterator().next().getInteger("rolled")));
    }

    /**
     * Rolls up at most {@code maxInteractions} pending interactions of one tenant, in one transaction; returns how
     * many.
     */
    public Uni<Integer> rollUpInteractions(TenantId tenant, int maxInteractions) {
        requirePositive(maxInteractions);
        return SqlResponseStatistics.inTransaction(pool, tenant, connection -> connection
                .preparedQuery(ROLL_UP_INTERACTIONS)
                .execute(Tuple.of(tenant.value(), maxInteractions))
                .map(rows -> rows.iterator().next().getInteger("rolled")));
    }

    /** The tenants with responses or interactions waiting to be rolled up. */
    public Uni<List<TenantId>> tenantsWithPendingResponses() {
        return pool.query(PENDING_TENANTS).execute().map(rows -> {
            List<TenantId> tenants = new ArrayList<>();
            for (Row row : rows) {
                tenants.add(new TenantId(row.getUUID("tenant_id")));
            }
            return tenants;
        });
    }

    private static IllegalStateException failed(List<Throwable> failures, int tenants, int rolledUp) {
        IllegalStateException failed = new IllegalStateException("the roll-up failed for " + failures.size() + " of "
                + tenants + " tenants (" + rolledUp + " responses and interactions of the others rolled up): "
                + failures.getFirst().getMessage(), failures.getFirst());
        failures.subList(1, failures.size()).forEach(failed::addSuppressed);
        return failed;
    }

    private static void requirePositive(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException(
                    "a roll-up takes at least 1 response or interaction per tenant, not " + batch);
        }
    }
}

package io.touchstone.platform.grpc;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tests only: counts, per tenant, the responses storage has handed to exports, so that a test can see how far the
 * service read while a client was not reading. Passes everything on unchanged.
 */
@Decorator
@Priority(10)
public class CountingExports implements ResponseStatistics {

    private static final ConcurrentMap<TenantId, AtomicLong> READ = new ConcurrentHashMap<>();

    @Inject
    @Delegate
    @Any
    ResponseStatistics delegate;

    /** How many responses the exports of {@code tenant} have read from storage so far. */
    public static long read(TenantId tenant) {
        AtomicLong read = READ.get(tenant);
        return read == null ? 0 : read.get();
    }

    @Override
    public Uni<List<ScoreCount>> scores(TenantId tenant, List<SurveyQuestion> questions, Counting counting) {
        return delegate.scores(tenant, questions, counting);
    }

    @Override
    public Uni<List<ResponseCount>> responses(TenantId tenant, List<SurveyId> surveys, Counting counting) {
        return delegate.responses(tenant, surveys, counting);
    }

    @Override
    public Uni<Integer> catchUp(int maxPerTenant) {
        return delegate.catchUp(maxPerTenant);
    }

    @Override
    public Multi<Response> export(TenantId tenant, ExportQuery query) {
        AtomicLong read = READ.computeIfAbsent(tenant, key -> new AtomicLong());
        return delegate.export(tenant, query).onItem().invoke(response -> read.incrementAndGet());
    }
}

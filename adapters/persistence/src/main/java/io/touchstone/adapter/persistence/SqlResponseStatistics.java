package io.touchstone.adapter.persistence;

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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Statistics over the tenant's responses in PostgreSQL. (Being built: every call fails for now.) */
@ApplicationScoped
public class SqlResponseStatistics implements ResponseStatistics {

    @Override
    public Uni<List<ScoreCount>> scores(TenantId tenant, List<SurveyQuestion> questions, Counting counting) {
        return Uni.createFrom().failure(new UnsupportedOperationException("not built yet"));
    }

    @Override
    public Uni<List<ResponseCount>> responses(TenantId tenant, List<SurveyId> surveys, Counting counting) {
        return Uni.createFrom().failure(new UnsupportedOperationException("not built yet"));
    }

    @Override
    public Multi<Response> export(TenantId tenant, ExportQuery query) {
        return Multi.createFrom().failure(new UnsupportedOperationException("not built yet"));
    }
}

package io.touchstone.application.port.out;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.analytics.ScoreRange;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;

/**
 * Counts over a tenant's stored responses, for the metrics engine, and the stream of responses for exports. Days are
 * calendar days in the tenant's time zone: a response counts on the day its submission time falls on there. Every
 * call reads one consistent snapshot of the tenant's data and nothing of any other tenant's.
 */
public interface ResponseStatistics {

    /**
     * What to count over: the periods {@code [boundaries(i), boundaries(i + 1))} (at least two ascending boundaries),
     * grouped by response-level dimensions (language, channel, attributes; at most two, in order), keeping responses
     * that pass every filter on response-level dimensions and every score range.
     */
    record Counting(List<LocalDate> boundaries, List<Dimension> groupBy, List<DimensionFilter> filters,
            List<ScoreRange> scoreRanges) {

        public Counting {
            boundaries = List.copyOf(boundaries);
            groupBy = List.copyOf(groupBy);
            filters = List.copyOf(filters);
            scoreRanges = List.copyOf(scoreRanges);
            if (boundaries.size() < 2) {
                throw new IllegalArgumentException("at least one period: two boundaries");
            }
            for (int i = 1; i < boundaries.size(); i++) {
                if (!boundaries.get(i - 1).isBefore(boundaries.get(i))) {
                    throw new IllegalArgumentException("boundaries must ascend: " + boundaries);
                }
            }
            if (groupBy.stream().anyMatch(Dimension::ofQuestion)
                    || filters.stream().anyMatch(filter -> filter.dimension().ofQuestion())) {
                throw new IllegalArgumentException("survey, question and scale are resolved by the caller");
            }
        }
    }

    /**
     * Per period, group, survey version, question and score: how many answers with a score the given questions got
     * (rows with a count of 0 may be left out). {@link ScoreCount#group()} holds the values of
     * {@link Counting#groupBy()} in order, {@code null} where a response has none.
     */
    Uni<List<ScoreCount>> scores(TenantId tenant, List<SurveyQuestion> questions, Counting counting);

    /** Per period, group and survey version: how many responses the given surveys got. */
    Uni<List<ResponseCount>> responses(TenantId tenant, List<SurveyId> surveys, Counting counting);

    /**
     * The responses {@code query} selects, oldest first, with all their answers. The stream holds one consistent
     * snapshot and keeps a constant amount of memory however many responses it delivers: it reads ahead only as far
     * as the subscriber requests.
     */
    Multi<Response> export(TenantId tenant, ExportQuery query);

    /**
     * Lets storage catch up on the bookkeeping that keeps these counts fast (pre-aggregated histograms): it takes in
     * at most {@code maxPerTenant} of each tenant's responses stored since, and returns how many it took in. The
     * counts are exact whether, when and how often this runs. Safe to call from several replicas at once.
     */
    Uni<Integer> catchUp(int maxPerTenant);
}

package io.touchstone.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchstone.adapter.rest.SurveySummaryView.Interval;
import io.touchstone.adapter.rest.SurveySummaryView.ScoreCount;
import io.touchstone.domain.analytics.BucketUnit;
import io.touchstone.domain.analytics.Comparison;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.Figure;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.MetricsReport;
import io.touchstone.domain.analytics.ReportRow;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.ConfidenceInterval;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.metric.Significance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a metrics query: one row per period and group. Doubles carry full precision, never rounded; a value
 * that is undefined (no observations, no baseline value, an undefined test) is an absent key, never 0 or null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MetricsReport")
public record MetricsReportView(
        @Schema(description = "The metrics asked for, in the order of every row's figures") List<String> metrics,
        @Schema(description = "The group-by dimensions, in the order asked for") List<String> groupBy,
        @Schema(description = "Absent without buckets: one row per group over the whole range",
                enumeration = {"DAY", "WEEK", "MONTH", "QUARTER"}) String bucket,
        @Schema(description = "First day of the range (included)") LocalDate from,
        @Schema(description = "Day after the range (excluded)") LocalDate to,
        @Schema(description = "Every period (empty ones too, n = 0) times every group seen, periods in order, groups "
                + "in value order with \"no value\" last") List<RowView> rows) {

    static MetricsReportView of(MetricsReport report) {
        MetricsQuery query = report.query();
        List<String> groupBy = query.groupBy().stream().map(Dimension::name).toList();
        return new MetricsReportView(query.metrics().stream().map(Metric::name).toList(), groupBy,
                query.bucket().map(BucketUnit::name).orElse(null), query.range().from(), query.range().to(),
                report.rows().stream().map(row -> RowView.of(groupBy, row)).toList());
    }

    @Schema(name = "MetricsRow")
    public record RowView(
            @Schema(description = "First day of the period (included)") LocalDate from,
            @Schema(description = "Day after the period (excluded)") LocalDate to,
            @Schema(description = "The group's value per group-by dimension; null: the responses without a value "
                    + "(no channel, no such attribute). Empty without group-bys",
                    examples = "{\"channel\":\"WEB\",\"attribute:store\":null}") Map<String, String> group,
            @Schema(description = "One per metric, in the order of metrics") List<FigureView> figures) {

        static RowView of(List<String> groupBy, ReportRow row) {
            Map<String, String> group = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                group.put(groupBy.get(i), row.group().value(i));
            }
            return new RowView(row.period().from(), row.period().to(), group,
                    row.figures().stream().map(FigureView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetricsFigure")
    public record FigureView(
            @Schema(enumeration = {"NPS", "CSAT_PERCENT", "CSAT_MEAN", "CES_MEAN", "CES_NET", "RESPONSE_COUNT",
                    "ABANDONMENT_RATE", "CHURN_RATE"})
            String metric,
            @Schema(description = "Observations: answers, responses for RESPONSE_COUNT, started interactions for "
                    + "ABANDONMENT_RATE, customers active at the start for CHURN_RATE") long n,
            @Schema(description = "n < 30: read the figure with care") boolean smallSample,
            @Schema(description = "The metric; absent when n = 0") Double value,
            @Schema(description = "95 % interval of NPS (Wald), CSAT_PERCENT and ABANDONMENT_RATE (Wilson); "
                    + "absent when n = 0")
            Interval confidenceInterval,
            @Schema(description = "NPS only; absent when n = 0") NpsDetails nps,
            @Schema(description = "CSAT_PERCENT and CSAT_MEAN only; absent when n = 0") CsatDetails csat,
            @Schema(description = "CES_MEAN and CES_NET only; absent when n = 0") CesDetails ces,
            @Schema(description = "With distribution: answers per score over the whole scale, lowest first (CES "
                    + "normalised: higher means easier); absent for RESPONSE_COUNT") List<ScoreCount> histogram,
            @Schema(description = "With a comparison: the same figure over the baseline") ComparisonView comparison,
            @Schema(description = "ABANDONMENT_RATE only; absent when n = 0") AbandonmentDetails abandonment,
            @Schema(description = "CHURN_RATE only; absent when n = 0") ChurnDetails churn) {

        static FigureView of(Figure figure) {
            return new FigureView(figure.metric().name(), figure.n(), figure.smallSample(),
                    figure.value().orElse(null),
                    figure.confidenceInterval().map(FigureView::interval).orElse(null),
                    figure.nps().map(NpsDetails::of).orElse(null),
                    figure.csat().map(CsatDetails::of).orElse(null),
                    figure.ces().map(CesDetails::of).orElse(null),
                    figure.histogram().map(FigureView::histogram).orElse(null),
                    figure.comparison().map(ComparisonView::of).orElse(null),
                    figure.abandonment().map(a -> new AbandonmentDetails(a.started(), a.abandoned())).orElse(null),
                    figure.churn().map(c -> new ChurnDetails(c.activeAtStart(), c.lost())).orElse(null));
        }

        private static Interval interval(ConfidenceInterval interval) {
            return new Interval(interval.lower(), interval.upper());
        }

        private static List<ScoreCount> histogram(ScoreHistogram histogram) {
            List<ScoreCount> counts = new ArrayList<>(histogram.max() - histogram.min() + 1);
            for (int score = histogram.min(); score <= histogram.max(); score++) {
                counts.add(new ScoreCount(score, histogram.count(score)));
            }
            return counts;
        }
    }

    @Schema(name = "MetricsAbandonmentDetails")
    public record AbandonmentDetails(
            @Schema(description = "Interactions started, both outcomes (n)") long started,
            @Schema(description = "Of them, abandoned") long abandoned) {
    }

    @Schema(name = "MetricsChurnDetails")
    public record ChurnDetails(
            @Schema(description = "Customers active at the start of the period (n)") long activeAtStart,
            @Schema(description = "Of them, lost during the period") long lost) {
    }

    @Schema(name = "MetricsNpsDetails", description = "Shares are fractions 0..1")
    public record NpsDetails(long promoters, long passives, long detractors, double promoterShare,
            double passiveShare, double detractorShare) {

        static NpsDetails of(NpsResult nps) {
            return new NpsDetails(nps.promoters(), nps.passives(), nps.detractors(), nps.promoterShare(),
                    nps.passiveShare(), nps.detractorShare());
        }
    }

    @Schema(name = "MetricsCsatDetails")
    public record CsatDetails(
            @Schema(description = "Answers at or above satisfiedFrom") long satisfied,
            int satisfiedFrom,
            @Schema(description = "Mean score") double mean) {

        static CsatDetails of(CsatResult csat) {
            return new CsatDetails(csat.satisfied(), csat.satisfiedFrom(), csat.mean());
        }
    }

    @Schema(name = "MetricsCesDetails", description = "Scores normalised so that higher means easier")
    public record CesDetails(
            @Schema(description = "Answers above the midpoint") long agree,
            @Schema(description = "Answers at the midpoint") long neutral,
            @Schema(description = "Answers below the midpoint") long disagree,
            @Schema(description = "Mean normalised score, 1..scale") double mean,
            @Schema(description = "% agree − % disagree, -100..100") double net,
            @Schema(description = "Points of the scale (5, 7 or 10)") int scale) {

        static CesDetails of(CesResult ces) {
            return new CesDetails(ces.agree(), ces.neutral(), ces.disagree(), ces.mean(), ces.net(), ces.points());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetricsComparisonResult", description = "The figure over the baseline and the change towards it")
    public record ComparisonView(
            @Schema(description = "First day of the baseline (included)") LocalDate from,
            @Schema(description = "Day after the baseline (excluded)") LocalDate to,
            @Schema(description = "Observations in the baseline") long n,
            @Schema(description = "The figure over the baseline; absent when n = 0") Double value,
            @Schema(description = "Current value − baseline value; absent unless both are defined") Double change,
            @Schema(description = "Test statistic of the change (two-sided z-test); absent when the test is "
                    + "undefined (no change, a standard error of 0, a mean over fewer than 2 answers a side, "
                    + "RESPONSE_COUNT, CHURN_RATE)") Double z,
            @Schema(description = "|z| >= 1.96: the change is significant at 95 %; absent with z")
            Boolean significant) {

        static ComparisonView of(Comparison comparison) {
            return new ComparisonView(comparison.baseline().from(), comparison.baseline().to(), comparison.n(),
                    comparison.value().orElse(null), comparison.change().orElse(null),
                    comparison.significance().map(Significance::z).orElse(null),
                    comparison.significance().map(Significance::significant).orElse(null));
        }
    }
}

package io.touchstone.adapter.grpc;

import io.touchstone.application.port.in.ExportResponsesUseCase.ExportCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ComparisonInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.MetricsReport;
import io.touchstone.domain.analytics.ReportRow;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.proto.v1.BucketUnit;
import io.touchstone.proto.v1.CesDetails;
import io.touchstone.proto.v1.ComparisonFigures;
import io.touchstone.proto.v1.ConfidenceInterval;
import io.touchstone.proto.v1.CsatDetails;
import io.touchstone.proto.v1.DimensionFilter;
import io.touchstone.proto.v1.ExportLayout;
import io.touchstone.proto.v1.ExportResponsesRequest;
import io.touchstone.proto.v1.ExportResponsesResponse;
import io.touchstone.proto.v1.Figure;
import io.touchstone.proto.v1.FilterOperator;
import io.touchstone.proto.v1.GroupValue;
import io.touchstone.proto.v1.Metric;
import io.touchstone.proto.v1.MetricsRow;
import io.touchstone.proto.v1.NpsDetails;
import io.touchstone.proto.v1.QueryMetricsRequest;
import io.touchstone.proto.v1.QueryMetricsResponse;
import io.touchstone.proto.v1.ResponseBatch;
import io.touchstone.proto.v1.ScoreCount;
import io.touchstone.proto.v1.ScoreRange;
import java.util.List;

/**
 * Metrics queries and exports between proto and the application. A request becomes exactly the command the REST body
 * of the same query becomes, so that the application checks both alike and names the same fields: an empty string
 * or an {@code *_UNSPECIFIED} enum value is "not given" (null), an enum number this build does not know is passed on
 * as {@code UNRECOGNIZED}, which the application refuses with the code REST gives an unknown name. Figures the domain
 * leaves undefined stay unset; numbers pass unchanged.
 */
final class MetricsQueryProtoMapper {

    /** What an enum number this build does not know is passed on as: no name of the query model. */
    static final String UNRECOGNIZED = "UNRECOGNIZED";

    private MetricsQueryProtoMapper() {
    }

    // --- requests ----------------------------------------------------------------------------------------------------

    static MetricsQueryCommand command(QueryMetricsRequest request) {
        return new MetricsQueryCommand(
                request.getMetricsList().stream().map(MetricsQueryProtoMapper::metric).toList(),
                CommonProtoMapper.emptyToNull(request.getSurveyId()),
                CommonProtoMapper.emptyToNull(request.getQuestionId()),
                CommonProtoMapper.emptyToNull(request.getFrom()),
                CommonProtoMapper.emptyToNull(request.getTo()),
                bucket(request.getBucket()),
                List.copyOf(request.getGroupByList()),
                filters(request.getFiltersList()),
                scoreRanges(request.getScoreRangesList()),
                request.hasComparison() ? comparison(request.getComparison()) : null,
                request.getDistribution());
    }

    static ExportCommand command(ExportResponsesRequest request) {
        return new ExportCommand(
                CommonProtoMapper.emptyToNull(request.getSurveyId()),
                CommonProtoMapper.emptyToNull(request.getFrom()),
                CommonProtoMapper.emptyToNull(request.getTo()),
                filters(request.getFiltersList()),
                scoreRanges(request.getScoreRangesList()));
    }

    /** {@code METRIC_CSAT_PERCENT} → {@code CSAT_PERCENT}. */
    static String metric(Metric metric) {
        return switch (metric) {
            case METRIC_UNSPECIFIED -> null;
            case UNRECOGNIZED -> UNRECOGNIZED;
            default -> metric.name().substring("METRIC_".length());
        };
    }

    /** {@code BUCKET_UNIT_WEEK} → {@code WEEK}; unspecified: no buckets. */
    static String bucket(BucketUnit bucket) {
        return switch (bucket) {
            case BUCKET_UNIT_UNSPECIFIED -> null;
            case UNRECOGNIZED -> UNRECOGNIZED;
            default -> bucket.name().substring("BUCKET_UNIT_".length());
        };
    }

    static String operator(FilterOperator operator) {
        return switch (operator) {
            case FILTER_OPERATOR_UNSPECIFIED -> null;
            case UNRECOGNIZED -> UNRECOGNIZED;
            default -> operator.name().substring("FILTER_OPERATOR_".length());
        };
    }

    static String baseline(io.touchstone.proto.v1.Baseline baseline) {
        return switch (baseline) {
            case BASELINE_UNSPECIFIED -> null;
            case UNRECOGNIZED -> UNRECOGNIZED;
            default -> baseline.name().substring("BASELINE_".length());
        };
    }

    static List<FilterInput> filters(List<DimensionFilter> filters) {
        return filters.stream()
                .map(filter -> new FilterInput(CommonProtoMapper.emptyToNull(filter.getDimension()),
                        operator(filter.getOperator()), List.copyOf(filter.getValuesList())))
                .toList();
    }

    private static List<ScoreRangeInput> scoreRanges(List<ScoreRange> ranges) {
        return ranges.stream()
                .map(range -> new ScoreRangeInput(CommonProtoMapper.emptyToNull(range.getQuestionId()),
                        range.hasMin() ? range.getMin() : null,
                        range.hasMax() ? range.getMax() : null))
                .toList();
    }

    private static ComparisonInput comparison(io.touchstone.proto.v1.Comparison comparison) {
        return new ComparisonInput(baseline(comparison.getBaseline()),
                CommonProtoMapper.emptyToNull(comparison.getFrom()),
                CommonProtoMapper.emptyToNull(comparison.getTo()));
    }

    // --- the report --------------------------------------------------------------------------------------------------

    static QueryMetricsResponse report(MetricsReport report) {
        MetricsQuery query = report.query();
        QueryMetricsResponse.Builder proto = QueryMetricsResponse.newBuilder()
                .setBucket(query.bucket().map(MetricsQueryProtoMapper::bucket)
                        .orElse(BucketUnit.BUCKET_UNIT_UNSPECIFIED))
                .setFrom(query.range().from().toString())
                .setTo(query.range().to().toString());
        query.metrics().forEach(metric -> proto.addMetrics(metric(metric)));
        query.groupBy().forEach(dimension -> proto.addGroupBy(dimension.name()));
        for (ReportRow row : report.rows()) {
            proto.addRows(row(query.groupBy(), row));
        }
        return proto.build();
    }

    static Metric metric(io.touchstone.domain.analytics.Metric metric) {
        return Metric.valueOf("METRIC_" + metric.name());
    }

    static BucketUnit bucket(io.touchstone.domain.analytics.BucketUnit bucket) {
        return BucketUnit.valueOf("BUCKET_UNIT_" + bucket.name());
    }

    private static MetricsRow row(List<Dimension> groupBy, ReportRow row) {
        MetricsRow.Builder proto = MetricsRow.newBuilder()
                .setFrom(row.period().from().toString())
                .setTo(row.period().to().toString());
        GroupKey group = row.group();
        for (int i = 0; i < groupBy.size(); i++) {
            GroupValue.Builder value = GroupValue.newBuilder().setDimension(groupBy.get(i).name());
            if (group.value(i) != null) {
                value.setValue(group.value(i));
            }
            proto.addGroup(value);
        }
        row.figures().forEach(figure -> proto.addFigures(figure(figure)));
        return proto.build();
    }

    static Figure figure(io.touchstone.domain.analytics.Figure figure) {
        Figure.Builder proto = Figure.newBuilder()
                .setMetric(metric(figure.metric()))
                .setN(figure.n())
                .setSmallSample(figure.smallSample());
        figure.value().ifPresent(proto::setValue);
        figure.confidenceInterval().ifPresent(interval -> proto.setConfidenceInterval(
                ConfidenceInterval.newBuilder().setLower(interval.lower()).setUpper(interval.upper())));
        figure.nps().ifPresent(nps -> proto.setNps(nps(nps)));
        figure.csat().ifPresent(csat -> proto.setCsat(csat(csat)));
        figure.ces().ifPresent(ces -> proto.setCes(ces(ces)));
        figure.histogram().ifPresent(histogram -> proto.addAllHistogram(histogram(histogram)));
        figure.comparison().ifPresent(comparison -> proto.setComparison(comparison(comparison)));
        figure.abandonment().ifPresent(abandonment -> proto.setAbandonment(
                io.touchstone.proto.v1.AbandonmentDetails.newBuilder().setStarted(abandonment.started())
                        .setAbandoned(abandonment.abandoned())));
        figure.churn().ifPresent(churn -> proto.setChurn(io.touchstone.proto.v1.ChurnDetails.newBuilder()
                .setActiveAtStart(churn.activeAtStart()).setLost(churn.lost())));
        return proto.build();
    }

    private static NpsDetails nps(NpsResult nps) {
        return NpsDetails.newBuilder()
                .setPromoters(nps.promoters())
                .setPassives(nps.passives())
                .setDetractors(nps.detractors())
                .setPromoterShare(nps.promoterShare())
                .setPassiveShare(nps.passiveShare())
                .setDetractorShare(nps.detractorShare())
                .build();
    }

    private static CsatDetails csat(CsatResult csat) {
        return CsatDetails.newBuilder()
                .setSatisfied(csat.satisfied())
                .setSatisfiedFrom(csat.satisfiedFrom())
                .setMean(csat.mean())
                .build();
    }

    private static CesDetails ces(CesResult ces) {
        return CesDetails.newBuilder()
                .setAgree(ces.agree())
                .setNeutral(ces.neutral())
                .setDisagree(ces.disagree())
                .setMean(ces.mean())
                .setNet(ces.net())
                .setScale(ces.points())
                .build();
    }

    /** Every score of the scale, lowest first, including those nobody gave. */
    private static List<ScoreCount> histogram(ScoreHistogram histogram) {
        return java.util.stream.IntStream.rangeClosed(histogram.min(), histogram.max())
                .mapToObj(score -> ScoreCount.newBuilder().setScore(score).setCount(histogram.count(score)).build())
                .toList();
    }

    private static ComparisonFigures comparison(io.touchstone.domain.analytics.Comparison comparison) {
        DateRange baseline = comparison.baseline();
        ComparisonFigures.Builder proto = ComparisonFigures.newBuilder()
                .setFrom(baseline.from().toString())
                .setTo(baseline.to().toString())
                .setN(comparison.n());
        comparison.value().ifPresent(proto::setValue);
        comparison.change().ifPresent(proto::setChange);
        comparison.significance().ifPresent(significance -> proto
                .setZ(significance.z())
                .setSignificant(significance.significant()));
        return proto.build();
    }

    // --- the export --------------------------------------------------------------------------------------------------

    static ExportResponsesResponse layout(SurveyId survey, io.touchstone.domain.analytics.ExportLayout layout) {
        return ExportResponsesResponse.newBuilder()
                .setLayout(ExportLayout.newBuilder()
                        .setSurveyId(survey.value().toString())
                        .addAllQuestionIds(layout.questions().stream().map(QuestionId::value).toList()))
                .build();
    }

    static ExportResponsesResponse batch(List<io.touchstone.proto.v1.Response> responses) {
        return ExportResponsesResponse.newBuilder()
                .setBatch(ResponseBatch.newBuilder().addAllResponses(responses))
                .build();
    }
}

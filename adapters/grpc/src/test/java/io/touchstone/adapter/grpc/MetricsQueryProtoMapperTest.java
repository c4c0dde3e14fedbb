package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.rpc.BadRequest;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ExportResponsesUseCase.ExportCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ComparisonInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import io.touchstone.application.service.MetricsQueryService;
import io.touchstone.application.service.ResponseExportService;
import io.touchstone.domain.analytics.Baseline;
import io.touchstone.domain.analytics.Comparison;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.Figure;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.MetricsReport;
import io.touchstone.domain.analytics.ReportRow;
import io.touchstone.domain.metric.Ces;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.ConfidenceInterval;
import io.touchstone.domain.metric.Csat;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.Nps;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.metric.Significance;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.proto.v1.BucketUnit;
import io.touchstone.proto.v1.ExportResponsesRequest;
import io.touchstone.proto.v1.ExportResponsesResponse;
import io.touchstone.proto.v1.FilterOperator;
import io.touchstone.proto.v1.GroupValue;
import io.touchstone.proto.v1.MetricsRow;
import io.touchstone.proto.v1.QueryMetricsRequest;
import io.touchstone.proto.v1.QueryMetricsResponse;
import io.touchstone.proto.v1.ScoreCount;
import io.touchstone.proto.v1.ScoreRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsQueryProtoMapperTest {

    private static final String SURVEY = "0190f0a0-0000-7000-8000-000000000001";
    private static final Caller CALLER = new Caller.Tenant(new TenantId(UUID.randomUUID()),
            Set.of(Scope.METRICS_READ, Scope.RESPONSES_READ), "test");

    // --- requests ----------------------------------------------------------------------------------------------------

    @Test
    void aFullRequestBecomesTheCommandTheRestBodyOfTheSameQueryBecomes() {
        QueryMetricsRequest request = QueryMetricsRequest.newBuilder()
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_NPS)
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_CSAT_PERCENT)
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_CSAT_MEAN)
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_CES_MEAN)
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_CES_NET)
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_RESPONSE_COUNT)
                .setSurveyId(SURVEY)
                .setQuestionId("nps")
                .setFrom("2026-01-05")
                .setTo("2026-07-06")
                .setBucket(BucketUnit.BUCKET_UNIT_WEEK)
                .addGroupBy("channel")
                .addGroupBy("attribute:store")
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("language")
                        .setOperator(FilterOperator.FILTER_OPERATOR_IN).addValues("cs").addValues("en"))
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("channel")
                        .setOperator(FilterOperator.FILTER_OPERATOR_EQUALS).addValues("WEB"))
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("attribute:tier")
                        .setOperator(FilterOperator.FILTER_OPERATOR_NOT_IN).addValues("gold"))
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMin(0).setMax(6))
                .setComparison(io.touchstone.proto.v1.Comparison.newBuilder()
                        .setBaseline(io.touchstone.proto.v1.Baseline.BASELINE_FIXED)
                        .setFrom("2025-01-06").setTo("2025-07-07"))
                .setDistribution(true)
                .build();

        MetricsQueryCommand command = MetricsQueryProtoMapper.command(request);

        assertThat(command).isEqualTo(new MetricsQueryCommand(
                List.of("NPS", "CSAT_PERCENT", "CSAT_MEAN", "CES_MEAN", "CES_NET", "RESPONSE_COUNT"),
                SURVEY, "nps", "2026-01-05", "2026-07-06", "WEEK", List.of("channel", "attribute:store"),
                List.of(new FilterInput("language", "IN", List.of("cs", "en")),
                        new FilterInput("channel", "EQUALS", List.of("WEB")),
                        new FilterInput("attribute:tier", "NOT_IN", List.of("gold"))),
                List.of(new ScoreRangeInput("nps", 0, 6)),
                new ComparisonInput("FIXED", "2025-01-06", "2025-07-07"),
                true));
    }

    @Test
    void everyBucketAndBaselineHasTheRestName() {
        assertThat(List.of(BucketUnit.BUCKET_UNIT_DAY, BucketUnit.BUCKET_UNIT_WEEK, BucketUnit.BUCKET_UNIT_MONTH,
                BucketUnit.BUCKET_UNIT_QUARTER)).extracting(MetricsQueryProtoMapper::bucket)
                .containsExactly("DAY", "WEEK", "MONTH", "QUARTER");
        assertThat(MetricsQueryProtoMapper.baseline(io.touchstone.proto.v1.Baseline.BASELINE_PREVIOUS_PERIOD))
                .isEqualTo("PREVIOUS_PERIOD");
        for (Metric metric : Metric.values()) {
            assertThat(MetricsQueryProtoMapper.metric(MetricsQueryProtoMapper.metric(metric)))
                    .isEqualTo(metric.name());
        }
        for (io.touchstone.domain.analytics.BucketUnit unit : io.touchstone.domain.analytics.BucketUnit.values()) {
            assertThat(MetricsQueryProtoMapper.bucket(MetricsQueryProtoMapper.bucket(unit))).isEqualTo(unit.name());
        }
    }

    @Test
    void unspecifiedValuesAndEmptyStringsMeanNotGiven() {
        QueryMetricsRequest request = QueryMetricsRequest.newBuilder()
                .addFilters(io.touchstone.proto.v1.DimensionFilter.getDefaultInstance())
                .addScoreRanges(ScoreRange.getDefaultInstance())
                .setComparison(io.touchstone.proto.v1.Comparison.getDefaultInstance())
                .build();

        MetricsQueryCommand command = MetricsQueryProtoMapper.command(request);

        assertThat(command).isEqualTo(new MetricsQueryCommand(List.of(), null, null, null, null, null, List.of(),
                List.of(new FilterInput(null, null, List.of())), List.of(new ScoreRangeInput(null, null, null)),
                new ComparisonInput(null, null, null), false));
        assertThat(MetricsQueryProtoMapper.command(QueryMetricsRequest.getDefaultInstance()).comparison()).isNull();
    }

    @Test
    void aScoreOfZeroIsGivenNotAbsent() {
        ScoreRangeInput range = MetricsQueryProtoMapper.command(QueryMetricsRequest.newBuilder()
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMin(0).setMax(0)).build())
                .scoreRanges().getFirst();

        assertThat(range).isEqualTo(new ScoreRangeInput("nps", 0, 0));
    }

    @Test
    void enumNumbersThisBuildDoesNotKnowArePassedOnAsNoName() {
        QueryMetricsRequest request = QueryMetricsRequest.newBuilder()
                .addMetricsValue(1)
                .addMetricsValue(99)
                .setBucketValue(42)
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("language")
                        .setOperatorValue(17).addValues("cs"))
                .setComparison(io.touchstone.proto.v1.Comparison.newBuilder().setBaselineValue(9))
                .build();

        MetricsQueryCommand command = MetricsQueryProtoMapper.command(request);

        assertThat(command.metrics()).containsExactly("NPS", "UNRECOGNIZED");
        assertThat(command.bucket()).isEqualTo("UNRECOGNIZED");
        assertThat(command.filters().getFirst().operator()).isEqualTo("UNRECOGNIZED");
        assertThat(command.comparison().baseline()).isEqualTo("UNRECOGNIZED");
    }

    /**
     * The application itself reads the command: every problem comes back with the field path REST reports. A bad
     * query fails before any port is touched, so the services run here without storage (null ports).
     */
    @Test
    void badQueriesAreRefusedWithTheRestFieldPathsAndCodes() {
        QueryMetricsRequest request = QueryMetricsRequest.newBuilder()
                .addMetricsValue(99)
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_UNSPECIFIED)
                .setFrom("2026-01-05")
                .setTo("5.1.2026")
                .setBucketValue(42)
                .addGroupBy("colour")
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("language")
                        .setOperator(FilterOperator.FILTER_OPERATOR_IN).addValues("cs"))
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("channel")
                        .setOperator(FilterOperator.FILTER_OPERATOR_UNSPECIFIED).addValues("WEB"))
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("channel")
                        .setOperator(FilterOperator.FILTER_OPERATOR_IN).addValues("WEB").addValues("FAX"))
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMax(6))
                .setComparison(io.touchstone.proto.v1.Comparison.newBuilder()
                        .setBaseline(io.touchstone.proto.v1.Baseline.BASELINE_FIXED).setFrom("2025-01-06"))
                .build();

        InvalidValue refused = refusedQuery(request);

        assertThat(refused.violations()).extracting(v -> v.field(), v -> v.code()).containsExactly(
                tuple("metrics[0]", "query.metric-unknown"),
                tuple("metrics[1]", "query.metric-unknown"),
                tuple("to", "query.date-invalid"),
                tuple("bucket", "query.bucket-unknown"),
                tuple("groupBy[0]", "query.dimension-unknown"),
                tuple("filters[1].operator", "query.filter-operator-unknown"),
                tuple("filters[2].values[1]", "channel.unknown"),
                tuple("scoreRanges[0].min", "value.required"),
                tuple("comparison.to", "value.required"));
        BadRequest badRequest = new GrpcErrors().toStatus(refused).getDetailsList().stream()
                .filter(any -> any.is(BadRequest.class))
                .map(any -> unpack(any, BadRequest.class))
                .findFirst().orElseThrow();
        assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("metrics[0]", "metrics[1]", "to", "bucket", "groupBy[0]", "filters[1].operator",
                        "filters[2].values[1]", "scoreRanges[0].min", "comparison.to");
    }

    @Test
    void aComparisonWithoutBaselineAndMissingDatesAreNamed() {
        InvalidValue refused = refusedQuery(QueryMetricsRequest.newBuilder()
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_NPS)
                .setComparison(io.touchstone.proto.v1.Comparison.getDefaultInstance())
                .build());

        assertThat(refused.violations()).extracting(v -> v.field(), v -> v.code()).containsExactly(
                tuple("from", "value.required"),
                tuple("to", "value.required"),
                tuple("comparison.baseline", "query.baseline-unknown"));
    }

    @Test
    void aPreviousPeriodWithDatesIsRefusedAsAWhole() {
        InvalidValue refused = refusedQuery(QueryMetricsRequest.newBuilder()
                .addMetrics(io.touchstone.proto.v1.Metric.METRIC_NPS)
                .setFrom("2026-01-01").setTo("2026-02-01")
                .setComparison(io.touchstone.proto.v1.Comparison.newBuilder()
                        .setBaseline(io.touchstone.proto.v1.Baseline.BASELINE_PREVIOUS_PERIOD).setFrom("2025-01-01"))
                .build());

        assertThat(refused.violations()).extracting(v -> v.field(), v -> v.code())
                .containsExactly(tuple("comparison", "query.baseline-dates-unexpected"));
    }

    @Test
    void anExportRequestBecomesTheRestCommand() {
        ExportResponsesRequest request = ExportResponsesRequest.newBuilder()
                .setSurveyId(SURVEY)
                .setFrom("2026-01-01")
                .setTo("2026-02-01")
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("attribute:store")
                        .setOperator(FilterOperator.FILTER_OPERATOR_EQUALS).addValues("Brno"))
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMin(9).setMax(10))
                .build();

        assertThat(MetricsQueryProtoMapper.command(request)).isEqualTo(new ExportCommand(SURVEY, "2026-01-01",
                "2026-02-01", List.of(new FilterInput("attribute:store", "EQUALS", List.of("Brno"))),
                List.of(new ScoreRangeInput("nps", 9, 10))));
        assertThat(MetricsQueryProtoMapper.command(ExportResponsesRequest.getDefaultInstance()))
                .isEqualTo(new ExportCommand(null, null, null, List.of(), List.of()));
    }

    @Test
    void aBadExportIsRefusedWithTheRestFieldPaths() {
        ExportResponsesRequest request = ExportResponsesRequest.newBuilder()
                .setFrom("2026-02-01")
                .setTo("2026-01-01")
                .addFilters(io.touchstone.proto.v1.DimensionFilter.newBuilder().setDimension("question")
                        .setOperator(FilterOperator.FILTER_OPERATOR_EQUALS).addValues("nps"))
                .build();

        Throwable refused = failureOf(new ResponseExportService(null, null, null)
                .export(CALLER, MetricsQueryProtoMapper.command(request)));

        assertThat(refused).isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                .extracting(v -> v.field(), v -> v.code())
                .containsExactly(tuple("surveyId", "value.required"), tuple("to", "query.range-empty")));
    }

    @Test
    void aSurveyIdThatIsNoUuidIsNotFoundLikeInRest() {
        Throwable refused = failureOf(new MetricsQueryService(null, null, null, null).query(CALLER,
                MetricsQueryProtoMapper.command(QueryMetricsRequest.newBuilder()
                        .addMetrics(io.touchstone.proto.v1.Metric.METRIC_NPS)
                        .setSurveyId("nps-survey").setFrom("2026-01-01").setTo("2026-02-01").build())));

        assertThat(refused).isInstanceOfSatisfying(NotFound.class,
                notFound -> assertThat(notFound.code()).isEqualTo("survey.not-found"));
    }

    // --- the report --------------------------------------------------------------------------------------------------

    private static final DateRange JANUARY_WEEK_2 = new DateRange(LocalDate.parse("2026-01-05"),
            LocalDate.parse("2026-01-12"));
    private static final DateRange JANUARY_WEEK_3 = new DateRange(LocalDate.parse("2026-01-12"),
            LocalDate.parse("2026-01-19"));
    private static final DateRange JANUARY_WEEK_1 = new DateRange(LocalDate.parse("2025-12-29"),
            LocalDate.parse("2026-01-05"));

    private static MetricsQuery query(List<Metric> metrics, List<Dimension> groupBy, boolean compare) {
        return new MetricsQuery(metrics, Optional.of(new SurveyId(UUID.fromString(SURVEY))), Optional.empty(),
                new DateRange(JANUARY_WEEK_2.from(), JANUARY_WEEK_3.to()),
                Optional.of(io.touchstone.domain.analytics.BucketUnit.WEEK), groupBy, List.of(), List.of(),
                compare ? Optional.of(new Baseline.PreviousPeriod()) : Optional.empty(), true);
    }

    private static Figure undefined(Metric metric, Optional<Comparison> comparison) {
        return new Figure(metric, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), comparison);
    }

    @Test
    void theReportEchoesTheQueryAndListsGroupsInGroupByOrderWithNoValueAbsent() {
        MetricsQuery query = query(List.of(Metric.NPS), List.of(Dimension.CHANNEL, Dimension.attribute("store")),
                false);
        MetricsReport report = new MetricsReport(query, List.of(
                new ReportRow(JANUARY_WEEK_2, GroupKey.of("WEB", "Brno"), List.of(undefined(Metric.NPS,
                        Optional.empty()))),
                new ReportRow(JANUARY_WEEK_2, GroupKey.of("WEB", null), List.of(undefined(Metric.NPS,
                        Optional.empty()))),
                new ReportRow(JANUARY_WEEK_3, GroupKey.of(null, null), List.of(undefined(Metric.NPS,
                        Optional.empty())))));

        QueryMetricsResponse proto = MetricsQueryProtoMapper.report(report);

        assertThat(proto.getMetricsList()).containsExactly(io.touchstone.proto.v1.Metric.METRIC_NPS);
        assertThat(proto.getGroupByList()).containsExactly("channel", "attribute:store");
        assertThat(proto.getBucket()).isEqualTo(BucketUnit.BUCKET_UNIT_WEEK);
        assertThat(proto.getFrom()).isEqualTo("2026-01-05");
        assertThat(proto.getTo()).isEqualTo("2026-01-19");
        assertThat(proto.getRowsList()).extracting(MetricsRow::getFrom, MetricsRow::getTo).containsExactly(
                tuple("2026-01-05", "2026-01-12"), tuple("2026-01-05", "2026-01-12"),
                tuple("2026-01-12", "2026-01-19"));
        assertThat(proto.getRows(0).getGroupList()).extracting(GroupValue::getDimension, GroupValue::hasValue,
                GroupValue::getValue).containsExactly(tuple("channel", true, "WEB"),
                tuple("attribute:store", true, "Brno"));
        assertThat(proto.getRows(1).getGroupList()).extracting(GroupValue::getDimension, GroupValue::hasValue,
                GroupValue::getValue).containsExactly(tuple("channel", true, "WEB"),
                tuple("attribute:store", false, ""));
        assertThat(proto.getRows(2).getGroupList()).extracting(GroupValue::hasValue).containsExactly(false, false);
    }

    @Test
    void withoutBucketsAndGroupsTheReportSaysSo() {
        MetricsQuery query = new MetricsQuery(List.of(Metric.RESPONSE_COUNT), Optional.empty(), Optional.empty(),
                JANUARY_WEEK_2, Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), false);
        Figure count = new Figure(Metric.RESPONSE_COUNT, 31, Optional.of(31.0), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        QueryMetricsResponse proto = MetricsQueryProtoMapper.report(new MetricsReport(query,
                List.of(new ReportRow(JANUARY_WEEK_2, GroupKey.NONE, List.of(count)))));

        assertThat(proto.getBucket()).isEqualTo(BucketUnit.BUCKET_UNIT_UNSPECIFIED);
        assertThat(proto.getGroupByList()).isEmpty();
        assertThat(proto.getRows(0).getGroupList()).isEmpty();
        io.touchstone.proto.v1.Figure figure = proto.getRows(0).getFigures(0);
        assertThat(figure.getMetric()).isEqualTo(io.touchstone.proto.v1.Metric.METRIC_RESPONSE_COUNT);
        assertThat(figure.getN()).isEqualTo(31);
        assertThat(figure.getSmallSample()).isFalse();
        assertThat(figure.getValue()).isEqualTo(31.0);
        assertThat(figure.hasConfidenceInterval() || figure.hasNps() || figure.hasCsat() || figure.hasCes()
                || figure.hasComparison()).isFalse();
        assertThat(figure.getHistogramList()).isEmpty();
    }

    @Test
    void npsFiguresPassBitForBitWithEveryScoreOfTheHistogram() {
        // 5 promoters, 3 passives, 2 detractors: NPS 30; the baseline 1 promoter, 2 detractors of 4: NPS -25
        ScoreHistogram answers = ScoreHistogram.of(0, 10, 1, 0, 0, 0, 0, 0, 1, 2, 1, 3, 2);
        ScoreHistogram before = ScoreHistogram.of(0, 10, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1);
        NpsResult nps = Nps.of(answers).orElseThrow();
        NpsResult then = Nps.of(before).orElseThrow();
        Significance significance = Significance.ofNps(nps, then).orElseThrow();
        Comparison comparison = new Comparison(JANUARY_WEEK_1, 4, Optional.of(then.score()),
                Optional.of(nps.score() - then.score()), Optional.of(significance));
        Figure figure = new Figure(Metric.NPS, 10, Optional.of(nps.score()), Optional.of(nps.confidenceInterval()),
                Optional.of(nps), Optional.empty(), Optional.empty(), Optional.of(answers), Optional.of(comparison));

        io.touchstone.proto.v1.Figure proto = MetricsQueryProtoMapper.figure(figure);

        assertThat(proto.getMetric()).isEqualTo(io.touchstone.proto.v1.Metric.METRIC_NPS);
        assertThat(proto.getN()).isEqualTo(10);
        assertThat(proto.getSmallSample()).isTrue();
        assertThat(proto.getValue()).isEqualTo(30.0);
        assertThat(Double.doubleToLongBits(proto.getConfidenceInterval().getLower()))
                .isEqualTo(Double.doubleToLongBits(nps.confidenceInterval().lower()));
        assertThat(Double.doubleToLongBits(proto.getConfidenceInterval().getUpper()))
                .isEqualTo(Double.doubleToLongBits(nps.confidenceInterval().upper()));
        assertThat(proto.getNps().getPromoters()).isEqualTo(5);
        assertThat(proto.getNps().getPassives()).isEqualTo(3);
        assertThat(proto.getNps().getDetractors()).isEqualTo(2);
        assertThat(proto.getNps().getPromoterShare()).isEqualTo(0.5);
        assertThat(proto.getNps().getPassiveShare()).isEqualTo(0.3);
        assertThat(proto.getNps().getDetractorShare()).isEqualTo(0.2);
        assertThat(proto.hasCsat() || proto.hasCes()).isFalse();
        assertThat(proto.getHistogramList()).extracting(ScoreCount::getScore)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(proto.getHistogramList()).extracting(ScoreCount::getCount)
                .containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L, 2L, 1L, 3L, 2L);
        assertThat(proto.getComparison().getFrom()).isEqualTo("2025-12-29");
        assertThat(proto.getComparison().getTo()).isEqualTo("2026-01-05");
        assertThat(proto.getComparison().getN()).isEqualTo(4);
        assertThat(proto.getComparison().getValue()).isEqualTo(-25.0);
        assertThat(proto.getComparison().getChange()).isEqualTo(55.0);
        assertThat(Double.doubleToLongBits(proto.getComparison().getZ()))
                .isEqualTo(Double.doubleToLongBits(significance.z()));
        assertThat(proto.getComparison().hasSignificant()).isTrue();
        assertThat(proto.getComparison().getSignificant()).isEqualTo(significance.significant());
    }

    @Test
    void csatAndCesDetailsPassUnchanged() {
        // CSAT 1-5 satisfied from 4: 5, 4, 3, 5, 1, 4 → 4 of 6 satisfied, mean 22 / 6
        CsatResult csat = Csat.of(ScoreHistogram.of(1, 5, 1, 0, 1, 2, 2), 4).orElseThrow();
        Figure csatFigure = new Figure(Metric.CSAT_PERCENT, 6, Optional.of(csat.percentSatisfied()),
                Optional.of(Csat.confidenceInterval(4, 6)), Optional.empty(), Optional.of(csat), Optional.empty(),
                Optional.empty(), Optional.empty());
        // CES 1-7 higher is harder: raw 1, 4, 6, 2 → normalised 7, 4, 2, 6
        CesResult ces = Ces.of(ScoreHistogram.of(1, 7, 1, 1, 0, 1, 0, 1, 0), CesOrientation.HIGHER_IS_HARDER)
                .orElseThrow();
        Figure cesFigure = new Figure(Metric.CES_NET, 4, Optional.of(ces.net()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(ces), Optional.empty(), Optional.empty());

        io.touchstone.proto.v1.Figure csatProto = MetricsQueryProtoMapper.figure(csatFigure);
        io.touchstone.proto.v1.Figure cesProto = MetricsQueryProtoMapper.figure(cesFigure);

        assertThat(csatProto.getValue()).isEqualTo(csat.percentSatisfied()).isEqualTo(400.0 / 6);
        ConfidenceInterval wilson = Csat.confidenceInterval(4, 6);
        assertThat(csatProto.getConfidenceInterval().getLower()).isEqualTo(wilson.lower());
        assertThat(csatProto.getConfidenceInterval().getUpper()).isEqualTo(wilson.upper());
        assertThat(csatProto.getCsat().getSatisfied()).isEqualTo(4);
        assertThat(csatProto.getCsat().getSatisfiedFrom()).isEqualTo(4);
        assertThat(csatProto.getCsat().getMean()).isEqualTo(22.0 / 6);
        assertThat(csatProto.hasNps() || csatProto.hasCes()).isFalse();

        assertThat(cesProto.getValue()).isEqualTo(25.0);
        assertThat(cesProto.getCes().getAgree()).isEqualTo(2);
        assertThat(cesProto.getCes().getNeutral()).isEqualTo(1);
        assertThat(cesProto.getCes().getDisagree()).isEqualTo(1);
        assertThat(cesProto.getCes().getMean()).isEqualTo(4.75);
        assertThat(cesProto.getCes().getNet()).isEqualTo(25.0);
        assertThat(cesProto.getCes().getScale()).isEqualTo(7);
        assertThat(cesProto.hasConfidenceInterval() || cesProto.hasNps() || cesProto.hasCsat()).isFalse();
    }

    @Test
    void everyOptionalFieldStaysUnsetWhenTheFigureIsUndefined() {
        Comparison nothingBefore = new Comparison(JANUARY_WEEK_1, 0, Optional.empty(), Optional.empty(),
                Optional.empty());

        io.touchstone.proto.v1.Figure proto = MetricsQueryProtoMapper.figure(
                undefined(Metric.CSAT_MEAN, Optional.of(nothingBefore)));

        assertThat(proto.getN()).isZero();
        assertThat(proto.getSmallSample()).isTrue();
        assertThat(proto.hasValue()).isFalse();
        assertThat(proto.hasConfidenceInterval()).isFalse();
        assertThat(proto.hasNps()).isFalse();
        assertThat(proto.hasCsat()).isFalse();
        assertThat(proto.hasCes()).isFalse();
        assertThat(proto.getHistogramList()).isEmpty();
        assertThat(proto.hasComparison()).isTrue();
        assertThat(proto.getComparison().getN()).isZero();
        assertThat(proto.getComparison().hasValue()).isFalse();
        assertThat(proto.getComparison().hasChange()).isFalse();
        assertThat(proto.getComparison().hasZ()).isFalse();
        assertThat(proto.getComparison().hasSignificant()).isFalse();
    }

    @Test
    void aValueOfZeroIsPresentNotAbsent() {
        // one promoter and one detractor: NPS exactly 0, and no change against a baseline of 0
        NpsResult nps = Nps.of(ScoreHistogram.of(0, 10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).orElseThrow();
        Comparison same = new Comparison(JANUARY_WEEK_1, 2, Optional.of(0.0), Optional.of(0.0), Optional.empty());
        Figure figure = new Figure(Metric.NPS, 2, Optional.of(nps.score()), Optional.of(nps.confidenceInterval()),
                Optional.of(nps), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(same));

        io.touchstone.proto.v1.Figure proto = MetricsQueryProtoMapper.figure(figure);

        assertThat(proto.hasValue()).isTrue();
        assertThat(proto.getValue()).isZero();
        assertThat(proto.getComparison().hasValue()).isTrue();
        assertThat(proto.getComparison().hasChange()).isTrue();
        assertThat(proto.getComparison().getChange()).isZero();
        assertThat(proto.getComparison().hasZ()).isFalse();
    }

    // --- the export --------------------------------------------------------------------------------------------------

    @Test
    void theLayoutNamesTheSurveyAndItsColumnsInOrder() {
        ExportResponsesResponse layout = MetricsQueryProtoMapper.layout(new SurveyId(UUID.fromString(SURVEY)),
                new io.touchstone.domain.analytics.ExportLayout(List.of(new QuestionId("nps"),
                        new QuestionId("why"), new QuestionId("old-csat"))));

        assertThat(layout.hasLayout()).isTrue();
        assertThat(layout.getLayout().getSurveyId()).isEqualTo(SURVEY);
        assertThat(layout.getLayout().getQuestionIdsList()).containsExactly("nps", "why", "old-csat");
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static InvalidValue refusedQuery(QueryMetricsRequest request) {
        Throwable failure = failureOf(new MetricsQueryService(null, null, null, null)
                .query(CALLER, MetricsQueryProtoMapper.command(request)));
        assertThat(failure).isInstanceOf(InvalidValue.class);
        return (InvalidValue) failure;
    }

    private static Throwable failureOf(io.smallrye.mutiny.Uni<?> uni) {
        return uni.onItem().transform(item -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure)
                .await().indefinitely();
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.protobuf.Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}

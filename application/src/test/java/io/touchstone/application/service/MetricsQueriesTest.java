package io.touchstone.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.port.in.ExportResponsesUseCase.ExportCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ComparisonInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import io.touchstone.domain.analytics.Baseline;
import io.touchstone.domain.analytics.BucketUnit;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.ScoreRange;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How both APIs' query fields are read: every rule with its code and exact field path. */
class MetricsQueriesTest {

    private static final String SURVEY = "0190a5e0-0000-7000-8000-0000000000b1";

    /** A valid query: NPS of one survey over 26 ISO weeks; each test changes one part. */
    private record Command(List<String> metrics, String surveyId, String questionId, String from, String to,
            String bucket, List<String> groupBy, List<FilterInput> filters, List<ScoreRangeInput> scoreRanges,
            ComparisonInput comparison) {

        static Command valid() {
            return new Command(List.of("NPS"), SURVEY, null, "2026-01-05", "2026-07-06", "WEEK", List.of(), List.of(),
                    List.of(), null);
        }

        Command metrics(String... names) {
            return new Command(Arrays.asList(names), surveyId, questionId, from, to, bucket, groupBy, filters,
                    scoreRanges, comparison);
        }

        Command survey(String id) {
            return new Command(metrics, id, questionId, from, to, bucket, groupBy, filters, scoreRanges, comparison);
        }

        Command question(String id) {
            return new Command(metrics, surveyId, id, from, to, bucket, groupBy, filters, scoreRanges, comparison);
        }

        Command range(String start, String end) {
            return new Command(metrics, surveyId, questionId, start, end, bucket, groupBy, filters, scoreRanges,
                    comparison);
        }

        Command bucket(String name) {
            return new Command(metrics, surveyId, questionId, from, to, name, groupBy, filters, scoreRanges,
                    comparison);
        }

        Command groupBy(String... names) {
            return new Command(metrics, surveyId, questionId, from, to, bucket, Arrays.asList(names), filters,
                    scoreRanges, comparison);
        }

        Command filters(FilterInput... given) {
            return new Command(metrics, surveyId, questionId, from, to, bucket, groupBy, Arrays.asList(given),
                    scoreRanges, comparison);
        }

        Command scoreRanges(ScoreRangeInput... given) {
            return new Command(metrics, surveyId, questionId, from, to, bucket, groupBy, filters,
                    Arrays.asList(given), comparison);
        }

        Command comparison(String baseline, String start, String end) {
            return new Command(metrics, surveyId, questionId, from, to, bucket, groupBy, filters, scoreRanges,
                    new ComparisonInput(baseline, start, end));
        }

        MetricsQueryCommand command() {
            return new MetricsQueryCommand(metrics, surveyId, questionId, from, to, bucket, groupBy, filters,
                    scoreRanges, comparison, true);
        }

        MetricsQuery parse() {
            return MetricsQueries.metrics(command());
        }
    }

    private static void assertInvalid(Command command, Tuple... violations) {
        assertThatThrownBy(command::parse).isInstanceOfSatisfying(InvalidValue.class, invalid ->
                assertThat(invalid.violations()).extracting("field", "code").containsExactly(violations));
    }

    private static FilterInput filter(String dimension, String operator, String... values) {
        return new FilterInput(dimension, operator, values == null ? null : Arrays.asList(values));
    }

    // --- a valid query ---------------------------------------------------------------------------------------------

    @Test
    void readsEveryPartOfAValidQuery() {
        MetricsQuery query = Command.valid().metrics("NPS", "CSAT_PERCENT").question("nps")
                .groupBy("channel", "attribute:store")
                .filters(filter("language", "IN", "cs", "en"), filter("survey", "NOT_IN", SURVEY))
                .scoreRanges(new ScoreRangeInput("nps", 0, 6))
                .comparison("FIXED", "2025-01-06", "2025-07-07").parse();

        assertThat(query.metrics()).containsExactly(Metric.NPS, Metric.CSAT_PERCENT);
        assertThat(query.survey()).contains(new SurveyId(UUID.fromString(SURVEY)));
        assertThat(query.question()).contains(new QuestionId("nps"));
        assertThat(query.range())
                .isEqualTo(new DateRange(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-07-06")));
        assertThat(query.bucket()).contains(BucketUnit.WEEK);
        assertThat(query.groupBy()).containsExactly(Dimension.CHANNEL, Dimension.attribute("store"));
        assertThat(query.filters()).containsExactly(
                new DimensionFilter(Dimension.LANGUAGE, DimensionFilter.Operator.IN, List.of("cs", "en")),
                new DimensionFilter(Dimension.SURVEY, DimensionFilter.Operator.NOT_IN, List.of(SURVEY)));
        assertThat(query.scoreRanges()).containsExactly(new ScoreRange(new QuestionId("nps"), 0, 6));
        assertThat(query.baseline()).contains(new Baseline.Fixed(
                new DateRange(LocalDate.parse("2025-01-06"), LocalDate.parse("2025-07-07"))));
        assertThat(query.distribution()).isTrue();
        assertThat(query.periods()).hasSize(26);
    }

    @Test
    void leavesOutWhatIsNotGiven() {
        MetricsQuery query = new Command(List.of("RESPONSE_COUNT"), null, null, "2026-01-05", "2026-01-06", null, null,
                null, null, null).parse();

        assertThat(query.survey()).isEmpty();
        assertThat(query.question()).isEmpty();
        assertThat(query.bucket()).isEmpty();
        assertThat(query.groupBy()).isEmpty();
        assertThat(query.filters()).isEmpty();
        assertThat(query.scoreRanges()).isEmpty();
        assertThat(query.baseline()).isEmpty();
        assertThat(Command.valid().comparison("PREVIOUS_PERIOD", null, null).parse().baseline())
                .contains(new Baseline.PreviousPeriod());
    }

    // --- names -----------------------------------------------------------------------------------------------------

    @Test
    void refusesUnknownMetricsByPosition() {
        assertInvalid(Command.valid().metrics("NPS", "nps", "CES"),
                tuple("metrics[1]", "query.metric-unknown"), tuple("metrics[2]", "query.metric-unknown"));
        assertInvalid(Command.valid().metrics("NPS", null), tuple("metrics[1]", "query.metric-unknown"));
    }

    @Test
    void refusesNoMetricsAndDuplicateOnes() {
        assertInvalid(Command.valid().metrics(new String[0]), tuple("metrics", "query.metrics-required"));
        assertInvalid(new Command(null, SURVEY, null, "2026-01-05", "2026-07-06", "WEEK", null, null, null, null),
                tuple("metrics", "query.metrics-required"));
        assertInvalid(Command.valid().metrics("CES_NET", "NPS", "CES_NET"),
                tuple("metrics[2]", "query.metric-duplicate"));
    }

    @Test
    void refusesAnUnknownBucket() {
        assertInvalid(Command.valid().bucket("YEAR"), tuple("bucket", "query.bucket-unknown"));
        assertInvalid(Command.valid().bucket("week"), tuple("bucket", "query.bucket-unknown"));
    }

    @Test
    void refusesUnknownAndDuplicateGroupBys() {
        assertInvalid(Command.valid().groupBy("channel", "teams"), tuple("groupBy[1]", "query.dimension-unknown"));
        assertInvalid(Command.valid().groupBy("attribute:"), tuple("groupBy[0]", "query.dimension-unknown"));
        assertInvalid(Command.valid().groupBy("attribute:a b"), tuple("groupBy[0]", "query.dimension-unknown"));
        assertInvalid(Command.valid().groupBy("language", "language"),
                tuple("groupBy[1]", "query.dimension-duplicate"));
        assertInvalid(Command.valid().groupBy("language", "channel", "survey"),
                tuple("groupBy", "query.too-many-group-bys"));
    }

    @Test
    void refusesTheResponseCountCutByQuestionOrScale() {
        assertInvalid(Command.valid().metrics("RESPONSE_COUNT").groupBy("survey", "scale"),
                tuple("groupBy[1]", "query.dimension-not-applicable"));
        assertInvalid(Command.valid().metrics("NPS", "RESPONSE_COUNT").filters(filter("question", "EQUALS", "nps")),
                tuple("filters[0].dimension", "query.dimension-not-applicable"));
    }

    // --- filters and score ranges ----------------------------------------------------------------------------------

    @Test
    void namesEveryBadPartOfAFilter() {
        assertInvalid(Command.valid().filters(
                        filter("teams", "IN", "a"),
                        filter("channel", "LIKE", "WEB"),
                        filter("channel", "EQUALS", "WEB", "SMS"),
                        filter("channel", "IN", "WEB", "SMS", "fax"),
                        filter("language", "NOT_IN", (String[]) null),
                        null),
                tuple("filters[0].dimension", "query.dimension-unknown"),
                tuple("filters[1].operator", "query.filter-operator-unknown"),
                tuple("filters[2].values", "query.filter-values-count"),
                tuple("filters[3].values[2]", "channel.unknown"),
                tuple("filters[4].values", "query.filter-values-count"),
                tuple("filters[5]", "value.required"));
    }

    @Test
    void namesEveryBadPartOfAScoreRange() {
        assertInvalid(Command.valid().scoreRanges(
                        new ScoreRangeInput("nps", 7, 6),
                        new ScoreRangeInput("nps", null, 6),
                        new ScoreRangeInput("nps", 0, null),
                        new ScoreRangeInput("-bad", 0, 11),
                        new ScoreRangeInput("nps", -1, 11),
                        null),
                tuple("scoreRanges[0]", "query.score-range-invalid"),
                tuple("scoreRanges[1].min", "value.required"),
                tuple("scoreRanges[2].max", "value.required"),
                tuple("scoreRanges[3].questionId", "question.id-invalid"),
                tuple("scoreRanges[4]", "query.score-range-invalid"),
                tuple("scoreRanges[5]", "value.required"));
    }

    // --- survey and question ---------------------------------------------------------------------------------------

    @Test
    void aQuestionNeedsASurveyAndAValidId() {
        assertInvalid(Command.valid().survey(null).question("nps"),
                tuple("questionId", "query.question-requires-survey"));
        assertInvalid(Command.valid().question("ne platí"), tuple("questionId", "question.id-invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "0190a5e0-0000-7000-8000", "0190a5e0-0000-7000-8000-0000000000b1x"})
    void aSurveyIdThatIsNoUuidNamesNoSurvey(String id) {
        assertThatThrownBy(() -> Command.valid().survey(id).parse()).isInstanceOfSatisfying(NotFound.class,
                notFound -> assertThat(notFound.code()).isEqualTo("survey.not-found"));
    }

    @Test
    void invalidFieldsAreReportedBeforeAnUnknownSurvey() {
        assertInvalid(Command.valid().survey("not-a-uuid").bucket("YEAR"), tuple("bucket", "query.bucket-unknown"));
    }

    // --- dates -----------------------------------------------------------------------------------------------------

    @Test
    void refusesMissingAndMalformedDates() {
        assertInvalid(Command.valid().range(null, null),
                tuple("from", "value.required"), tuple("to", "value.required"));
        assertInvalid(Command.valid().range("2026-1-5", "5.1.2026"),
                tuple("from", "query.date-invalid"), tuple("to", "query.date-invalid"));
        assertInvalid(Command.valid().range("2026-02-30", "2026-07-06"), tuple("from", "query.date-invalid"));
        assertInvalid(Command.valid().range("2026-01-05T00:00:00Z", "2026-07-06"), tuple("from", "query.date-invalid"));
    }

    @Test
    void refusesAnEmptyOrInvertedRange() {
        assertInvalid(Command.valid().range("2026-01-05", "2026-01-05"), tuple("to", "query.range-empty"));
        assertInvalid(Command.valid().range("2026-07-06", "2026-01-05"), tuple("to", "query.range-empty"));
    }

    @Test
    void refusesDaysNoCalendarOfOursHas() {
        // ISO dates may carry more than four year digits with a sign; periods and baselines around them cannot be
        // computed (the year after +999999999 does not exist), so such days are refused like malformed ones
        assertInvalid(Command.valid().bucket("MONTH").range("+999999999-12-01", "+999999999-12-31"),
                tuple("from", "query.date-invalid"), tuple("to", "query.date-invalid"));
        assertInvalid(Command.valid().bucket(null).range("-999999999-01-01", "-999999999-01-02")
                        .comparison("PREVIOUS_PERIOD", null, null),
                tuple("from", "query.date-invalid"), tuple("to", "query.date-invalid"));
        assertInvalid(Command.valid().bucket(null).range("0000-12-27", "+10000-01-03"),
                tuple("from", "query.date-invalid"), tuple("to", "query.date-invalid"));
        assertInvalid(Command.valid().comparison("FIXED", "2025-01-06", "+12025-01-06"),
                tuple("comparison.to", "query.date-invalid"));
    }

    @Test
    void acceptsTheFirstAndLastYearsOfFourDigits() {
        assertThat(Command.valid().bucket(null).range("0001-01-01", "0001-01-08")
                .comparison("PREVIOUS_PERIOD", null, null).parse().periodBeforeFirst().days()).isEqualTo(7);
        assertInvalid(Command.valid().bucket("MONTH").range("9999-12-01", "9999-12-31"),
                tuple("to", "query.range-not-aligned"));
    }

    @Test
    void checksTheRangeAgainstTheBuckets() {
        assertInvalid(Command.valid().range("2020-01-01", "2026-01-01").bucket(null),
                tuple("to", "query.range-too-long"));
        assertInvalid(Command.valid().range("2023-01-01", "2026-01-01").bucket("DAY"),
                tuple("bucket", "query.too-many-buckets"));
        assertInvalid(Command.valid().range("2026-01-06", "2026-07-06"), tuple("from", "query.range-not-aligned"));
        assertInvalid(Command.valid().range("2026-01-01", "2026-07-01").bucket("MONTH").range("2026-01-01",
                "2026-06-30"), tuple("to", "query.range-not-aligned"));
        assertInvalid(Command.valid().range("2026-02-01", "2026-07-01").bucket("QUARTER"),
                tuple("from", "query.range-not-aligned"));
    }

    // --- baseline --------------------------------------------------------------------------------------------------

    @Test
    void aFixedBaselineNeedsItsOwnValidRange() {
        assertInvalid(Command.valid().comparison("FIXED", null, null),
                tuple("comparison.from", "value.required"), tuple("comparison.to", "value.required"));
        assertInvalid(Command.valid().comparison("FIXED", "2025-13-01", "2025-07-07"),
                tuple("comparison.from", "query.date-invalid"));
        assertInvalid(Command.valid().comparison("FIXED", "2025-07-07", "2025-01-06"),
                tuple("comparison.to", "query.range-empty"));
        assertInvalid(Command.valid().comparison("FIXED", "2015-01-01", "2025-01-01"),
                tuple("comparison.to", "query.range-too-long"));
    }

    @Test
    void thePreviousPeriodTakesNoDates() {
        assertInvalid(Command.valid().comparison("PREVIOUS_PERIOD", "2025-01-06", null),
                tuple("comparison", "query.baseline-dates-unexpected"));
        assertInvalid(Command.valid().comparison("PREVIOUS_PERIOD", null, "2025-01-06"),
                tuple("comparison", "query.baseline-dates-unexpected"));
    }

    @Test
    void refusesAnUnknownBaseline() {
        assertInvalid(Command.valid().comparison("LAST_YEAR", null, null),
                tuple("comparison.baseline", "query.baseline-unknown"));
        assertInvalid(Command.valid().comparison(null, null, null),
                tuple("comparison.baseline", "query.baseline-unknown"));
    }

    @Test
    void reportsTheProblemsOfEveryFieldTogether() {
        assertInvalid(Command.valid().metrics("NPS", "NPS?").bucket("HOUR").groupBy("teams")
                        .filters(filter("channel", "IN", "fax")).scoreRanges(new ScoreRangeInput("nps", 0, 42))
                        .comparison("FIXED", "2025-01-06", "yesterday"),
                tuple("metrics[1]", "query.metric-unknown"),
                tuple("bucket", "query.bucket-unknown"),
                tuple("groupBy[0]", "query.dimension-unknown"),
                tuple("filters[0].values[0]", "channel.unknown"),
                tuple("scoreRanges[0]", "query.score-range-invalid"),
                tuple("comparison.to", "query.date-invalid"));
    }

    // --- export ----------------------------------------------------------------------------------------------------

    @Test
    void readsAnExport() {
        ExportQuery export = MetricsQueries.export(new ExportCommand(SURVEY, "2026-01-05", "2026-02-01",
                List.of(filter("channel", "NOT_IN", "SMS")), List.of(new ScoreRangeInput("nps", 9, 10))));

        assertThat(export.survey()).isEqualTo(new SurveyId(UUID.fromString(SURVEY)));
        assertThat(export.range()).isEqualTo(new DateRange(LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-02-01")));
        assertThat(export.filters()).extracting(DimensionFilter::dimension).containsExactly(Dimension.CHANNEL);
        assertThat(export.scoreRanges()).containsExactly(new ScoreRange(new QuestionId("nps"), 9, 10));
    }

    @Test
    void anExportNeedsASurveyAndValidFields() {
        assertThatThrownBy(() -> MetricsQueries.export(new ExportCommand(null, "2026-01-05", null,
                List.of(filter("language", "EQUALS")), List.of(new ScoreRangeInput("nps", 11, 12)))))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "code").containsExactly(
                                tuple("surveyId", "value.required"),
                                tuple("to", "value.required"),
                                tuple("filters[0].values", "query.filter-values-count"),
                                tuple("scoreRanges[0]", "query.score-range-invalid")));
        assertThatThrownBy(() -> MetricsQueries.export(new ExportCommand(SURVEY, "2026-01-05", "2026-02-01",
                List.of(filter("question", "EQUALS", "nps")), List.of())))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "code").containsExactly(
                                tuple("filters[0].dimension", "query.dimension-not-applicable")));
        assertThatThrownBy(() -> MetricsQueries.export(new ExportCommand("nope", "2026-01-05", "2026-02-01",
                List.of(), List.of()))).isInstanceOf(NotFound.class);
    }
}

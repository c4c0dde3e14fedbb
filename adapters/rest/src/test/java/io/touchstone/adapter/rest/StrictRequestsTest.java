package io.touchstone.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.touchstone.application.port.in.QueryMetricsUseCase.ComparisonInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The request records under the service's strict JSON reader: field for field the commands, bad types by path. */
class StrictRequestsTest {

    private static final ObjectMapper JSON = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aFullQueryMapsOneToOneOntoTheCommand() throws Exception {
        MetricsQueryRequest request = JSON.readValue("""
                {"metrics": ["NPS", "CSAT_PERCENT"], "surveyId": "s", "questionId": "nps", "from": "2026-01-05",
                 "to": "2026-07-06", "bucket": "WEEK", "groupBy": ["channel", "attribute:store"],
                 "filters": [{"dimension": "language", "operator": "IN", "values": ["cs", "en"]}, null],
                 "scoreRanges": [{"questionId": "nps", "min": 0, "max": 6}],
                 "comparison": {"baseline": "FIXED", "from": "2025-01-06", "to": "2025-07-07"},
                 "distribution": true}
                """, MetricsQueryRequest.class);

        assertThat(request.toCommand()).isEqualTo(new MetricsQueryCommand(List.of("NPS", "CSAT_PERCENT"), "s", "nps",
                "2026-01-05", "2026-07-06", "WEEK", List.of("channel", "attribute:store"),
                java.util.Arrays.asList(new FilterInput("language", "IN", List.of("cs", "en")), null),
                List.of(new ScoreRangeInput("nps", 0, 6)), new ComparisonInput("FIXED", "2025-01-06", "2025-07-07"),
                true));
    }

    @Test
    void anEmptyQueryIsAllNotGiven() throws Exception {
        assertThat(JSON.readValue("{}", MetricsQueryRequest.class).toCommand()).isEqualTo(
                new MetricsQueryCommand(null, null, null, null, null, null, null, null, null, null, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"metrics\": \"NPS\"}                                                  | metrics",
            "{\"metrics\": [1]}                                                      | metrics[0]",
            "{\"from\": 20260105}                                                    | from",
            "{\"groupBy\": [\"channel\", {}]}                                        | groupBy[1]",
            "{\"filters\": [{\"values\": \"cs\"}]}                                   | filters[0].values",
            "{\"filters\": [{}, {\"values\": [\"a\", 2]}]}                           | filters[1].values[1]",
            "{\"scoreRanges\": [{\"min\": \"0\"}]}                                   | scoreRanges[0].min",
            "{\"scoreRanges\": [{\"max\": 6.5}]}                                     | scoreRanges[0].max",
            "{\"comparison\": {\"baseline\": true}}                                  | comparison.baseline",
            "{\"comparison\": \"PREVIOUS_PERIOD\"}                                   | comparison",
            "{\"distribution\": \"yes\"}                                             | distribution"})
    void aValueOfTheWrongTypeIsReportedAtItsPath(String body, String path) {
        JsonMappingException failure = catchThrowableOfType(JsonMappingException.class,
                () -> JSON.readValue(body, MetricsQueryRequest.class));
        assertThat(ProblemMapper.path(failure)).isEqualTo(path);
    }

    @Test
    void anUnknownFieldIsReportedAtItsPath() {
        UnrecognizedPropertyException failure = catchThrowableOfType(UnrecognizedPropertyException.class,
                () -> JSON.readValue("{\"filters\": [{\"dimension\": \"channel\", \"op\": \"IN\"}]}",
                        MetricsQueryRequest.class));
        assertThat(ProblemMapper.path(failure)).isEqualTo("filters[0].op");
    }

    @Test
    void anExportRequestMapsOntoTheCommandAndItsFormat() throws Exception {
        ExportRequest request = JSON.readValue("""
                {"surveyId": "s", "from": "2026-01-01", "to": "2026-02-01",
                 "filters": [{"dimension": "channel", "operator": "EQUALS", "values": ["WEB"]}],
                 "scoreRanges": [{"questionId": "nps", "min": 9, "max": 10}], "format": "JSON_LINES"}
                """, ExportRequest.class);

        assertThat(request.toCommand()).isEqualTo(new io.touchstone.application.port.in.ExportResponsesUseCase
                .ExportCommand("s", "2026-01-01", "2026-02-01", List.of(new FilterInput("channel", "EQUALS",
                        List.of("WEB"))), List.of(new ScoreRangeInput("nps", 9, 10))));
        assertThat(ExportFormat.parse(request.format())).isEqualTo(ExportFormat.JSON_LINES);
        assertThat(ExportFormat.parse(null)).isEqualTo(ExportFormat.CSV);
        assertThat(catchThrowableOfType(io.touchstone.domain.shared.error.InvalidValue.class,
                () -> ExportFormat.parse("csv")).violations())
                .containsExactly(new io.touchstone.domain.shared.error.Violation("format", "export.format-unknown",
                        "'csv' is not an export format; one of CSV, JSON_LINES"));
    }
}

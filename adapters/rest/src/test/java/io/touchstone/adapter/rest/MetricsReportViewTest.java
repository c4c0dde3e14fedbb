package io.touchstone.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.touchstone.domain.analytics.BucketUnit;
import io.touchstone.domain.analytics.Comparison;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.Figure;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.MetricsReport;
import io.touchstone.domain.analytics.ReportRow;
import io.touchstone.domain.analytics.Baseline;
import io.touchstone.domain.metric.Nps;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.metric.Significance;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsReportViewTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private static MetricsQuery query() {
        return new MetricsQuery(List.of(Metric.NPS), Optional.empty(), Optional.empty(),
                new DateRange(MONDAY, MONDAY.plusWeeks(2)), Optional.of(BucketUnit.WEEK),
                List.of(Dimension.CHANNEL, Dimension.attribute("store")), List.of(), List.of(),
                Optional.of(new Baseline.PreviousPeriod()), true);
    }

    @Test
    void figuresCarryFullPrecisionAndUndefinedValuesAreAbsentKeys() throws Exception {
        ScoreHistogram histogram = ScoreHistogram.of(0, 10, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0);
        NpsResult nps = Nps.of(histogram).orElseThrow();
        DateRange first = new DateRange(MONDAY, MONDAY.plusWeeks(1));
        DateRange before = new DateRange(MONDAY.minusWeeks(1), MONDAY);
        Figure measured = new Figure(Metric.NPS, 3, Optional.of(nps.score()), Optional.of(nps.confidenceInterval()),
                Optional.of(nps), Optional.empty(), Optional.empty(), Optional.of(histogram),
                Optional.of(new Comparison(before, 0, Optional.empty(), Optional.empty(), Optional.empty())));
        Figure empty = new Figure(Metric.NPS, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Comparison(first, 3, Optional.of(nps.score()), Optional.empty(),
                        Optional.of(new Significance(-2.5, true)))));
        MetricsReport report = new MetricsReport(query(), List.of(
                new ReportRow(first, GroupKey.of("WEB", null), List.of(measured)),
                new ReportRow(new DateRange(MONDAY.plusWeeks(1), MONDAY.plusWeeks(2)), GroupKey.of(null, "Brno"),
                        List.of(empty))));

        JsonNode json = JSON.readTree(JSON.writeValueAsString(MetricsReportView.of(report)));

        assertThat(json.get("metrics").toString()).isEqualTo("[\"NPS\"]");
        assertThat(json.get("groupBy").toString()).isEqualTo("[\"channel\",\"attribute:store\"]");
        assertThat(json.get("bucket").asText()).isEqualTo("WEEK");
        assertThat(json.get("from").asText()).isEqualTo("2026-01-05");
        assertThat(json.get("to").asText()).isEqualTo("2026-01-19");

        JsonNode row = json.get("rows").get(0);
        assertThat(row.get("from").asText()).isEqualTo("2026-01-05");
        assertThat(row.get("to").asText()).isEqualTo("2026-01-12");
        assertThat(row.get("group").toString()).isEqualTo("{\"channel\":\"WEB\",\"attribute:store\":null}");
        JsonNode figure = row.get("figures").get(0);
        assertThat(figure.get("metric").asText()).isEqualTo("NPS");
        assertThat(figure.get("n").asLong()).isEqualTo(3);
        assertThat(figure.get("smallSample").asBoolean()).isTrue();
        assertThat(figure.get("value").asDouble()).isEqualTo(-200.0 / 3);
        assertThat(figure.get("value").toString()).isEqualTo(Double.toString(-200.0 / 3));
        assertThat(figure.get("confidenceInterval").get("lower").asDouble())
                .isEqualTo(nps.confidenceInterval().lower());
        assertThat(figure.get("nps").toString()).isEqualTo("{\"promoters\":0,\"passives\":1,\"detractors\":2,"
                + "\"promoterShare\":0.0,\"passiveShare\":" + (1.0 / 3) + ",\"detractorShare\":" + (2.0 / 3) + "}");
        assertThat(figure.has("csat")).isFalse();
        assertThat(figure.has("ces")).isFalse();
        assertThat(figure.get("histogram")).hasSize(11);
        assertThat(figure.get("histogram").get(0).toString()).isEqualTo("{\"score\":0,\"count\":1}");
        assertThat(figure.get("histogram").get(10).toString()).isEqualTo("{\"score\":10,\"count\":0}");
        assertThat(figure.get("comparison").toString()).isEqualTo("{\"from\":\"2025-12-29\",\"to\":\"2026-01-05\","
                + "\"n\":0}");

        JsonNode second = json.get("rows").get(1);
        assertThat(second.get("group").toString()).isEqualTo("{\"channel\":null,\"attribute:store\":\"Brno\"}");
        JsonNode none = second.get("figures").get(0);
        assertThat(none.get("n").asLong()).isZero();
        assertThat(none.has("value")).isFalse();
        assertThat(none.has("confidenceInterval")).isFalse();
        assertThat(none.has("nps")).isFalse();
        assertThat(none.has("histogram")).isFalse();
        assertThat(none.get("comparison").toString()).isEqualTo("{\"from\":\"2026-01-05\",\"to\":\"2026-01-12\","
                + "\"n\":3,\"value\":" + (-200.0 / 3) + ",\"z\":-2.5,\"significant\":true}");
    }

    @Test
    void withoutBucketsAndGroupsTheBucketIsAbsentAndTheGroupEmpty() throws Exception {
        MetricsQuery query = new MetricsQuery(List.of(Metric.RESPONSE_COUNT), Optional.empty(), Optional.empty(),
                new DateRange(MONDAY, MONDAY.plusDays(3)), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), false);
        Figure count = new Figure(Metric.RESPONSE_COUNT, 7, Optional.of(7.0), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        MetricsReport report = new MetricsReport(query, List.of(new ReportRow(query.range(), GroupKey.NONE,
                List.of(count))));

        JsonNode json = JSON.readTree(JSON.writeValueAsString(MetricsReportView.of(report)));

        assertThat(json.has("bucket")).isFalse();
        assertThat(json.get("groupBy").toString()).isEqualTo("[]");
        assertThat(json.get("rows").get(0).get("group").toString()).isEqualTo("{}");
        assertThat(json.get("rows").get(0).get("figures").toString()).isEqualTo("[{\"metric\":\"RESPONSE_COUNT\","
                + "\"n\":7,\"smallSample\":true,\"value\":7.0}]");
    }
}

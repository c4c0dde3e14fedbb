package io.touchstone.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchstone.application.port.in.JourneyMapUseCase.JourneyMapReport;
import io.touchstone.domain.journeymap.HeadlineFigure;
import io.touchstone.domain.journeymap.JourneyMap;
import io.touchstone.domain.metric.AbandonmentResult;
import io.touchstone.domain.metric.ConfidenceInterval;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The journey map as JSON: ids as strings, undefined figures absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JourneyMap")
public record JourneyMapView(
        String journeyId,
        String name,
        @Schema(description = "First day of the period (included)") LocalDate from,
        @Schema(description = "Day after the period (excluded)") LocalDate to,
        @Schema(description = "First day of the previous period of the same length") LocalDate previousFrom,
        List<StageView> stages,
        @Schema(description = "Touchpoints whose headline changed significantly, by z from the lowest (the sharpest "
                + "worsening first)") List<ChangeView> significantChanges) {

    static JourneyMapView of(JourneyMapReport report) {
        return new JourneyMapView(report.journey().value().toString(), report.name(), report.period().from(),
                report.period().to(), report.previous().from(),
                report.map().stages().stream().map(StageView::of).toList(),
                report.map().significantChanges().stream().map(ChangeView::of).toList());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JourneyMapStage")
    public record StageView(String id, String name, int order,
            @Schema(description = "Interactions started at its touchpoints") long volume,
            @Schema(description = "Absent when the volume is 0") AbandonmentView abandonment,
            @Schema(description = "Responses about its touchpoints' interactions") long responses,
            @Schema(description = "Over its touchpoints' headline answers when they share one metric and scale; "
                    + "absent otherwise") HeadlineView headline,
            List<TouchpointView> touchpoints) {

        static StageView of(JourneyMap.StageView stage) {
            return new StageView(stage.id().value().toString(), stage.name(), stage.order(), stage.volume(),
                    stage.abandonment().map(AbandonmentView::of).orElse(null), stage.responses(),
                    stage.headline().map(HeadlineView::of).orElse(null),
                    stage.touchpoints().stream().map(TouchpointView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JourneyMapTouchpoint")
    public record TouchpointView(String id, String name, String channel,
            @Schema(enumeration = {"ACTIVE", "RETIRED"}) String status, long volume, AbandonmentView abandonment,
            long responses,
            @Schema(description = "Absent without an attached survey that has an NPS, CSAT or CES question")
            HeadlineView headline, boolean significantChange) {

        static TouchpointView of(JourneyMap.TouchpointView touchpoint) {
            return new TouchpointView(touchpoint.id().value().toString(), touchpoint.name(),
                    touchpoint.channel().name(), touchpoint.status().name(), touchpoint.volume(),
                    touchpoint.abandonment().map(AbandonmentView::of).orElse(null), touchpoint.responses(),
                    touchpoint.headline().map(HeadlineView::of).orElse(null), touchpoint.significantChange());
        }
    }

    @Schema(name = "JourneyMapAbandonment")
    public record AbandonmentView(long started, long abandoned, double rate, Interval confidenceInterval,
            boolean smallSample) {

        static AbandonmentView of(AbandonmentResult result) {
            return new AbandonmentView(result.started(), result.abandoned(), result.rate(),
                    Interval.of(result.confidenceInterval()), result.smallSample());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JourneyMapHeadline")
    public record HeadlineView(@Schema(enumeration = {"NPS", "CSAT_PERCENT", "CES_MEAN"}) String metric, long n,
            @Schema(description = "Absent when n = 0") Double value, Interval confidenceInterval, boolean smallSample,
            long previousN, Double previousValue,
            @Schema(description = "value − previousValue; absent unless both are defined") Double change,
            @Schema(description = "z of the change; absent when the test is undefined") Double z,
            Boolean significant) {

        static HeadlineView of(HeadlineFigure figure) {
            return new HeadlineView(figure.metric().name(), figure.n(), figure.value().orElse(null),
                    figure.confidenceInterval().map(Interval::of).orElse(null), figure.smallSample(),
                    figure.previousN(), figure.previousValue().orElse(null),
                    figure.change().map(change -> change.difference()).orElse(null),
                    figure.change().flatMap(change -> change.significance()).map(s -> s.z()).orElse(null),
                    figure.change().flatMap(change -> change.significance()).map(s -> s.significant())
                            .orElse(null));
        }
    }

    @Schema(name = "JourneyMapChange")
    public record ChangeView(String stageId, String touchpointId, String metric, double change, double z) {

        static ChangeView of(JourneyMap.SignificantChange change) {
            return new ChangeView(change.stage().value().toString(), change.touchpoint().value().toString(),
                    change.metric().name(), change.change().difference(), change.z());
        }
    }

    @Schema(name = "JourneyMapInterval")
    public record Interval(double lower, double upper) {

        static Interval of(ConfidenceInterval interval) {
            return new Interval(interval.lower(), interval.upper());
        }
    }
}

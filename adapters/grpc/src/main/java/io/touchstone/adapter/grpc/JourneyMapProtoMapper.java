package io.touchstone.adapter.grpc;

import io.touchstone.application.port.in.JourneyMapUseCase.JourneyMapReport;
import io.touchstone.domain.journeymap.HeadlineFigure;
import io.touchstone.domain.journeymap.JourneyMap;
import io.touchstone.domain.metric.AbandonmentResult;
import io.touchstone.proto.v1.ConfidenceInterval;
import io.touchstone.proto.v1.GetJourneyMapResponse;
import io.touchstone.proto.v1.JourneyMapAbandonment;
import io.touchstone.proto.v1.JourneyMapChange;
import io.touchstone.proto.v1.JourneyMapHeadline;
import io.touchstone.proto.v1.JourneyMapStage;
import io.touchstone.proto.v1.JourneyMapTouchpoint;

/** The journey map as proto messages; undefined figures are absent, as in REST. */
final class JourneyMapProtoMapper {

    private JourneyMapProtoMapper() {
    }

    static GetJourneyMapResponse map(JourneyMapReport report) {
        GetJourneyMapResponse.Builder proto = GetJourneyMapResponse.newBuilder()
                .setJourneyId(report.journey().value().toString())
                .setName(report.name())
                .setFrom(report.period().from().toString())
                .setTo(report.period().to().toString())
                .setPreviousFrom(report.previous().from().toString());
        report.map().stages().forEach(stage -> proto.addStages(stage(stage)));
        report.map().significantChanges().forEach(change -> proto.addSignificantChanges(JourneyMapChange.newBuilder()
                .setStageId(change.stage().value().toString())
                .setTouchpointId(change.touchpoint().value().toString())
                .setMetric(MetricsQueryProtoMapper.metric(change.metric()))
                .setChange(change.change().difference())
                .setZ(change.z())));
        return proto.build();
    }

    private static JourneyMapStage stage(JourneyMap.StageView stage) {
        JourneyMapStage.Builder proto = JourneyMapStage.newBuilder()
                .setId(stage.id().value().toString())
                .setName(stage.name())
                .setOrder(stage.order())
                .setVolume(stage.volume())
                .setResponses(stage.responses());
        stage.abandonment().ifPresent(abandonment -> proto.setAbandonment(abandonment(abandonment)));
        stage.headline().ifPresent(headline -> proto.setHeadline(headline(headline)));
        stage.touchpoints().forEach(touchpoint -> proto.addTouchpoints(touchpoint(touchpoint)));
        return proto.build();
    }

    private static JourneyMapTouchpoint touchpoint(JourneyMap.TouchpointView touchpoint) {
        JourneyMapTouchpoint.Builder proto = JourneyMapTouchpoint.newBuilder()
                .setId(touchpoint.id().value().toString())
                .setName(touchpoint.name())
                .setChannel(ResponseProtoMapper.channel(touchpoint.channel()))
                .setStatus(JourneyProtoMapper.status(touchpoint.status()))
                .setVolume(touchpoint.volume())
                .setResponses(touchpoint.responses())
                .setSignificantChange(touchpoint.significantChange());
        touchpoint.abandonment().ifPresent(abandonment -> proto.setAbandonment(abandonment(abandonment)));
        touchpoint.headline().ifPresent(headline -> proto.setHeadline(headline(headline)));
        return proto.build();
    }

    private static JourneyMapAbandonment abandonment(AbandonmentResult result) {
        return JourneyMapAbandonment.newBuilder()
                .setStarted(result.started())
                .setAbandoned(result.abandoned())
                .setRate(result.rate())
                .setConfidenceInterval(ConfidenceInterval.newBuilder().setLower(result.confidenceInterval().lower())
                        .setUpper(result.confidenceInterval().upper()))
                .setSmallSample(result.smallSample())
                .build();
    }

    private static JourneyMapHeadline headline(HeadlineFigure figure) {
        JourneyMapHeadline.Builder proto = JourneyMapHeadline.newBuilder()
                .setMetric(MetricsQueryProtoMapper.metric(figure.metric()))
                .setN(figure.n())
                .setSmallSample(figure.smallSample())
                .setPreviousN(figure.previousN());
        figure.value().ifPresent(proto::setValue);
        figure.confidenceInterval().ifPresent(interval -> proto.setConfidenceInterval(ConfidenceInterval.newBuilder()
                .setLower(interval.lower()).setUpper(interval.upper())));
        figure.previousValue().ifPresent(proto::setPreviousValue);
        figure.change().ifPresent(change -> {
            proto.setChange(change.difference());
            change.significance().ifPresent(significance -> proto.setZ(significance.z())
                    .setSignificant(significance.significant()));
        });
        return proto.build();
    }
}

package io.touchstone.adapter.grpc;

import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.SampleSize;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.summary.SurveySummary;
import io.touchstone.proto.v1.CesFigures;
import io.touchstone.proto.v1.ConfidenceInterval;
import io.touchstone.proto.v1.CsatFigures;
import io.touchstone.proto.v1.GetSurveySummaryResponse;
import io.touchstone.proto.v1.NpsFigures;
import io.touchstone.proto.v1.OptionCount;
import io.touchstone.proto.v1.QuestionSummary;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ScoreCount;

/**
 * Survey summaries to proto. Figures the domain leaves undefined (no answers) stay unset, never 0; numbers pass
 * unchanged, without rounding.
 */
final class MetricsProtoMapper {

    private MetricsProtoMapper() {
    }

    static GetSurveySummaryResponse summary(SurveySummary summary) {
        return GetSurveySummaryResponse.newBuilder()
                .setSurveyId(summary.surveyId().value().toString())
                .setVersion(summary.version())
                .setResponses(summary.responses())
                .addAllQuestions(summary.questions().stream().map(MetricsProtoMapper::question).toList())
                .build();
    }

    private static QuestionSummary question(io.touchstone.domain.summary.QuestionSummary question) {
        QuestionSummary.Builder proto = QuestionSummary.newBuilder()
                .setQuestionId(question.questionId().value())
                .setN(question.n())
                .setSmallSample(SampleSize.isSmall(question.n()));
        switch (question) {
            case io.touchstone.domain.summary.QuestionSummary.Nps nps -> {
                proto.setType(QuestionType.QUESTION_TYPE_NPS);
                histogram(proto, nps.histogram());
                nps.nps().ifPresent(result -> proto.setNps(nps(result)));
            }
            case io.touchstone.domain.summary.QuestionSummary.Csat csat -> {
                proto.setType(QuestionType.QUESTION_TYPE_CSAT);
                histogram(proto, csat.histogram());
                csat.csat().ifPresent(result -> proto.setCsat(csat(result, csat.histogram().max())));
            }
            case io.touchstone.domain.summary.QuestionSummary.Ces ces -> {
                proto.setType(QuestionType.QUESTION_TYPE_CES);
                histogram(proto, ces.histogram());
                ces.ces().ifPresent(result -> proto.setCes(ces(result, ces.orientation())));
            }
            case io.touchstone.domain.summary.QuestionSummary.SingleChoice choice -> {
                proto.setType(QuestionType.QUESTION_TYPE_SINGLE_CHOICE);
                choice.counts().forEach((optionId, count) ->
                        proto.addOptions(OptionCount.newBuilder().setOptionId(optionId).setCount(count)));
            }
            case io.touchstone.domain.summary.QuestionSummary.FreeText text ->
                    proto.setType(QuestionType.QUESTION_TYPE_FREE_TEXT);
        }
        return proto.build();
    }

    /** Every score of the scale, lowest first, including those nobody answered. */
    private static void histogram(QuestionSummary.Builder proto, ScoreHistogram histogram) {
        for (int score = histogram.min(); score <= histogram.max(); score++) {
            proto.addHistogram(ScoreCount.newBuilder().setScore(score).setCount(histogram.count(score)));
        }
    }

    private static NpsFigures nps(NpsResult result) {
        return NpsFigures.newBuilder()
                .setPromoters(result.promoters())
                .setPassives(result.passives())
                .setDetractors(result.detractors())
                .setPromoterShare(result.promoterShare())
                .setPassiveShare(result.passiveShare())
                .setDetractorShare(result.detractorShare())
                .setScore(result.score())
                .setConfidenceInterval(ConfidenceInterval.newBuilder()
                        .setLower(result.confidenceInterval().lower())
                        .setUpper(result.confidenceInterval().upper()))
                .build();
    }

    private static CsatFigures csat(CsatResult result, int scale) {
        return CsatFigures.newBuilder()
                .setScale(scale)
                .setSatisfiedFrom(result.satisfiedFrom())
                .setSatisfied(result.satisfied())
                .setPercentSatisfied(result.percentSatisfied())
                .setMean(result.mean())
                .build();
    }

    private static CesFigures ces(CesResult result, io.touchstone.domain.metric.CesOrientation orientation) {
        return CesFigures.newBuilder()
                .setScale(result.points())
                .setOrientation(SurveyProtoMapper.orientation(orientation))
                .setMean(result.mean())
                .setNet(result.net())
                .setAgree(result.agree())
                .setNeutral(result.neutral())
                .setDisagree(result.disagree())
                .build();
    }
}

package io.touchstone.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.SampleSize;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.summary.QuestionSummary;
import io.touchstone.domain.summary.SurveySummary;
import io.touchstone.domain.survey.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Per-question figures of one survey version. Doubles carry full precision, never rounded. A metric over no answers
 * is undefined: its key is absent (never 0).
 */
public record SurveySummaryView(UUID surveyId, int version, long responses, List<QuestionSummaryView> questions) {

    static SurveySummaryView of(SurveySummary summary) {
        return new SurveySummaryView(summary.surveyId().value(), summary.version(), summary.responses(),
                summary.questions().stream().map(QuestionSummaryView::of).toList());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuestionSummary")
    public record QuestionSummaryView(
            String questionId,
            @Schema(enumeration = {"NPS", "CSAT", "CES", "FREE_TEXT", "SINGLE_CHOICE"}) String type,
            @Schema(description = "Number of answers to this question") long n,
            @Schema(description = "n < 30: read the figures with care") boolean smallSample,
            @Schema(description = "Answers per score over the whole scale (score questions)")
            List<ScoreCount> histogram,
            @Schema(description = "Answers per option (single-choice questions)") List<OptionCount> options,
            @Schema(description = "Absent when n = 0") NpsView nps,
            @Schema(description = "Absent when n = 0") CsatView csat,
            @Schema(description = "Absent when n = 0") CesView ces) {

        static QuestionSummaryView of(QuestionSummary question) {
            String id = question.questionId().value();
            long n = question.n();
            boolean small = SampleSize.isSmall(n);
            return switch (question) {
                case QuestionSummary.Nps nps -> new QuestionSummaryView(id, QuestionType.NPS.name(), n, small,
                        histogram(nps.histogram()), null, nps.nps().map(NpsView::of).orElse(null), null, null);
                case QuestionSummary.Csat csat -> new QuestionSummaryView(id, QuestionType.CSAT.name(), n, small,
                        histogram(csat.histogram()), null, null,
                        csat.csat().map(result -> CsatView.of(csat.histogram().max(), result)).orElse(null), null);
                case QuestionSummary.Ces ces -> new QuestionSummaryView(id, QuestionType.CES.name(), n, small,
                        histogram(ces.histogram()), null, null, null,
                        ces.ces().map(result -> CesView.of(ces.orientation().name(), result)).orElse(null));
                case QuestionSummary.SingleChoice choice -> new QuestionSummaryView(id,
                        QuestionType.SINGLE_CHOICE.name(), n, small, null,
                        choice.counts().entrySet().stream()
                                .map(entry -> new OptionCount(entry.getKey(), entry.getValue()))
                                .toList(),
                        null, null, null);
                case QuestionSummary.FreeText text -> new QuestionSummaryView(id, QuestionType.FREE_TEXT.name(), n,
                        small, null, null, null, null, null);
            };
        }

        private static List<ScoreCount> histogram(ScoreHistogram histogram) {
            List<ScoreCount> counts = new ArrayList<>();
            for (int score = histogram.min(); score <= histogram.max(); score++) {
                counts.add(new ScoreCount(score, histogram.count(score)));
            }
            return counts;
        }
    }

    public record ScoreCount(int score, long count) {
    }

    public record OptionCount(String optionId, long count) {
    }

    @Schema(name = "NpsFigures", description = "Shares are fractions 0..1; score and interval lie within -100..100")
    public record NpsView(long promoters, long passives, long detractors, double promoterShare, double passiveShare,
            double detractorShare, double score, Interval confidenceInterval) {

        static NpsView of(NpsResult nps) {
            return new NpsView(nps.promoters(), nps.passives(), nps.detractors(), nps.promoterShare(),
                    nps.passiveShare(), nps.detractorShare(), nps.score(),
                    new Interval(nps.confidenceInterval().lower(), nps.confidenceInterval().upper()));
        }
    }

    @Schema(description = "95 % confidence interval")
    public record Interval(double lower, double upper) {
    }

    @Schema(name = "CsatFigures")
    public record CsatView(int scale, int satisfiedFrom, long satisfied, double percentSatisfied, double mean) {

        static CsatView of(int scale, CsatResult csat) {
            return new CsatView(scale, csat.satisfiedFrom(), csat.satisfied(), csat.percentSatisfied(), csat.mean());
        }
    }

    @Schema(name = "CesFigures", description = "Scores normalised so that higher means easier")
    public record CesView(int scale, @Schema(enumeration = {"HIGHER_IS_EASIER", "HIGHER_IS_HARDER"}) String orientation,
            double mean, double net, long agree, long neutral, long disagree) {

        static CesView of(String orientation, CesResult ces) {
            return new CesView(ces.points(), orientation, ces.mean(), ces.net(), ces.agree(), ces.neutral(),
                    ces.disagree());
        }
    }
}

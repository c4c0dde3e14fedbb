package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.Csat;
import io.touchstone.domain.metric.Nps;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.summary.QuestionSummary;
import io.touchstone.domain.summary.SurveySummary;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.proto.v1.GetSurveySummaryResponse;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ScoreCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsProtoMapperTest {

    @Test
    void npsFiguresPassUnroundedAndTheHistogramListsEveryScore() {
        // 5 promoters, 3 passives, 2 detractors: NPS 30
        ScoreHistogram answers = ScoreHistogram.of(0, 10, 1, 0, 0, 0, 0, 0, 1, 2, 1, 3, 2);
        var summary = new SurveySummary(new SurveyId(UUID.randomUUID()), 1, 10,
                List.of(new QuestionSummary.Nps(new QuestionId("nps"), answers, Nps.of(answers))));

        GetSurveySummaryResponse proto = MetricsProtoMapper.summary(summary);

        var question = proto.getQuestions(0);
        assertThat(question.getType()).isEqualTo(QuestionType.QUESTION_TYPE_NPS);
        assertThat(question.getN()).isEqualTo(10);
        assertThat(question.getSmallSample()).isTrue();
        assertThat(question.getHistogramList()).extracting(ScoreCount::getScore)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(question.getHistogramList()).extracting(ScoreCount::getCount)
                .containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L, 2L, 1L, 3L, 2L);
        assertThat(question.hasNps()).isTrue();
        assertThat(question.getNps().getScore()).isEqualTo(30.0);
        var domain = Nps.of(answers).orElseThrow();
        assertThat(question.getNps().getConfidenceInterval().getLower())
                .isEqualTo(domain.confidenceInterval().lower());
        assertThat(question.getNps().getConfidenceInterval().getUpper())
                .isEqualTo(domain.confidenceInterval().upper());
        double halfWidth = 1.96 * 100 * Math.sqrt((0.5 + 0.2 - 0.3 * 0.3) / 10);
        assertThat(question.getNps().getConfidenceInterval().getLower()).isCloseTo(30.0 - halfWidth, within(1e-9));
        assertThat(question.getNps().getPromoterShare()).isEqualTo(0.5);
        assertThat(question.hasCsat()).isFalse();
        assertThat(question.hasCes()).isFalse();
    }

    @Test
    void figuresOfQuestionsWithoutAnswersStayUnset() {
        ScoreHistogram none = ScoreHistogram.empty(1, 5);
        var summary = new SurveySummary(new SurveyId(UUID.randomUUID()), 2, 0, List.of(
                new QuestionSummary.Nps(new QuestionId("nps"), ScoreHistogram.empty(0, 10), Optional.empty()),
                new QuestionSummary.Csat(new QuestionId("csat"), none, Optional.empty()),
                new QuestionSummary.Ces(new QuestionId("ces"), CesOrientation.HIGHER_IS_HARDER, none,
                        Optional.empty()),
                new QuestionSummary.FreeText(new QuestionId("why"), 0)));

        GetSurveySummaryResponse proto = MetricsProtoMapper.summary(summary);

        assertThat(proto.getVersion()).isEqualTo(2);
        assertThat(proto.getResponses()).isZero();
        assertThat(proto.getQuestionsList()).allSatisfy(question -> {
            assertThat(question.getN()).isZero();
            assertThat(question.hasNps()).isFalse();
            assertThat(question.hasCsat()).isFalse();
            assertThat(question.hasCes()).isFalse();
        });
    }

    @Test
    void csatAndChoiceCountsKeepTheirValuesAndOrder() {
        ScoreHistogram answers = ScoreHistogram.of(1, 5, 0, 1, 0, 1, 1);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("b", 2L);
        counts.put("a", 0L);
        var summary = new SurveySummary(new SurveyId(UUID.randomUUID()), 1, 3, List.of(
                new QuestionSummary.Csat(new QuestionId("csat"), answers, Csat.of(answers, 4)),
                new QuestionSummary.SingleChoice(new QuestionId("pick"), 2, counts)));

        GetSurveySummaryResponse proto = MetricsProtoMapper.summary(summary);

        var csat = proto.getQuestions(0).getCsat();
        assertThat(csat.getScale()).isEqualTo(5);
        assertThat(csat.getSatisfiedFrom()).isEqualTo(4);
        assertThat(csat.getSatisfied()).isEqualTo(2);
        assertThat(csat.getPercentSatisfied()).isEqualTo(100.0 * 2 / 3);
        assertThat(csat.getMean()).isEqualTo(11.0 / 3);
        assertThat(proto.getQuestions(1).getOptionsList())
                .extracting(o -> o.getOptionId() + "=" + o.getCount())
                .containsExactly("b=2", "a=0");
    }
}

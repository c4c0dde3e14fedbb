package io.touchstone.domain.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyFixtures;
import io.touchstone.domain.survey.SurveyVersion;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Summaries of {@link SurveyFixtures#everyType()}: nps, csat (1..5), ces (1..7, higher is harder), channel, comment. */
class SurveySummaryTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final QuestionId NPS = new QuestionId("nps");
    private static final QuestionId CSAT = new QuestionId("csat");
    private static final QuestionId CES = new QuestionId("ces");
    private static final QuestionId CHANNEL = new QuestionId("channel");
    private static final QuestionId COMMENT = new QuestionId("comment");

    private final Survey survey = SurveyFixtures.published(SurveyFixtures.everyType());
    private final SurveyVersion version = survey.version(1);

    @Test
    void summarisesEveryQuestionInOrderWithHandComputedFigures() {
        AnswerCounts counts = new AnswerCounts()
                // NPS: 10 ×2, 9, 8, 5, 0 → n 6, promoters 3, passives 1, detractors 2; NPS = 100 × (3 − 2) / 6
                .addScore(NPS, 10, 2).addScore(NPS, 9, 1).addScore(NPS, 8, 1).addScore(NPS, 5, 1).addScore(NPS, 0, 1)
                // CSAT 1..5, satisfied from 4: 5 ×2, 4, 2 → n 4, satisfied 3 → 75 %; mean (10 + 4 + 2) / 4 = 4
                .addScore(CSAT, 5, 2).addScore(CSAT, 4, 1).addScore(CSAT, 2, 1)
                // CES 1..7 higher is harder, normalised 8 − s: raw 1 ×2 → 7, raw 4 → 4 (midpoint), raw 6 → 2
                // mean (7 + 7 + 4 + 2) / 4 = 5; agree 2, neutral 1, disagree 1 → net 100 × (2 − 1) / 4 = 25
                .addScore(CES, 1, 2).addScore(CES, 4, 1).addScore(CES, 6, 1)
                .addChoice(CHANNEL, "email", 3).addChoice(CHANNEL, "chat", 1)
                .addTexts(COMMENT, 2);

        SurveySummary summary = SurveySummary.of(survey.id(), version, 7, counts);

        assertThat(summary.surveyId()).isEqualTo(survey.id());
        assertThat(summary.version()).isEqualTo(1);
        assertThat(summary.responses()).isEqualTo(7);
        assertThat(summary.questions()).extracting(QuestionSummary::questionId)
                .containsExactly(NPS, CSAT, CES, CHANNEL, COMMENT);
        assertThat(summary.questions()).extracting(QuestionSummary::n).containsExactly(6L, 4L, 4L, 4L, 2L);

        var nps = (QuestionSummary.Nps) summary.questions().get(0);
        assertThat(nps.histogram()).isEqualTo(ScoreHistogram.of(0, 10, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 2));
        NpsResult npsResult = nps.nps().orElseThrow();
        assertThat(npsResult.promoters()).isEqualTo(3);
        assertThat(npsResult.passives()).isEqualTo(1);
        assertThat(npsResult.detractors()).isEqualTo(2);
        assertThat(npsResult.score()).isCloseTo(100.0 / 6, EXACT);

        var csat = (QuestionSummary.Csat) summary.questions().get(1);
        assertThat(csat.histogram()).isEqualTo(ScoreHistogram.of(1, 5, 0, 1, 0, 1, 2));
        CsatResult csatResult = csat.csat().orElseThrow();
        assertThat(csatResult.satisfied()).isEqualTo(3);
        assertThat(csatResult.satisfiedFrom()).isEqualTo(4);
        assertThat(csatResult.percentSatisfied()).isCloseTo(75.0, EXACT);
        assertThat(csatResult.mean()).isCloseTo(4.0, EXACT);

        var ces = (QuestionSummary.Ces) summary.questions().get(2);
        assertThat(ces.orientation()).isEqualTo(CesOrientation.HIGHER_IS_HARDER);
        assertThat(ces.histogram()).isEqualTo(ScoreHistogram.of(1, 7, 2, 0, 0, 1, 0, 1, 0));
        CesResult cesResult = ces.ces().orElseThrow();
        assertThat(cesResult.points()).isEqualTo(7);
        assertThat(cesResult.mean()).isCloseTo(5.0, EXACT);
        assertThat(cesResult.net()).isCloseTo(25.0, EXACT);
        assertThat(cesResult.agree()).isEqualTo(2);
        assertThat(cesResult.neutral()).isEqualTo(1);
        assertThat(cesResult.disagree()).isEqualTo(1);

        var channel = (QuestionSummary.SingleChoice) summary.questions().get(3);
        assertThat(channel.counts()).containsExactly(Map.entry("email", 3L), Map.entry("phone", 0L),
                Map.entry("chat", 1L));

        assertThat(summary.questions().get(4)).isEqualTo(new QuestionSummary.FreeText(COMMENT, 2));
    }

    @Test
    void withoutAnswersEveryMetricIsAbsentAndEveryOptionCountsZero() {
        SurveySummary summary = SurveySummary.of(survey.id(), version, 0, new AnswerCounts());

        assertThat(summary.responses()).isZero();
        assertThat(summary.questions()).extracting(QuestionSummary::n).containsOnly(0L);
        assertThat(((QuestionSummary.Nps) summary.questions().get(0)).nps()).isEmpty();
        assertThat(((QuestionSummary.Csat) summary.questions().get(1)).csat()).isEmpty();
        assertThat(((QuestionSummary.Ces) summary.questions().get(2)).ces()).isEmpty();
        assertThat(((QuestionSummary.SingleChoice) summary.questions().get(3)).counts())
                .containsExactly(Map.entry("email", 0L), Map.entry("phone", 0L), Map.entry("chat", 0L));
        assertThat(summary.questions().get(4)).isEqualTo(new QuestionSummary.FreeText(COMMENT, 0));
    }

    @Test
    void aQuestionNobodyAnsweredIsAbsentWhileOthersHaveFigures() {
        AnswerCounts counts = new AnswerCounts().addScore(NPS, 10, 1);

        SurveySummary summary = SurveySummary.of(survey.id(), version, 1, counts);

        assertThat(((QuestionSummary.Nps) summary.questions().get(0)).nps().map(NpsResult::score)).contains(100.0);
        assertThat(((QuestionSummary.Csat) summary.questions().get(1)).csat()).isEmpty();
        assertThat(((QuestionSummary.Ces) summary.questions().get(2)).ces()).isEmpty();
    }

    @Test
    void answerCountsAddUpRepeatedEntries() {
        AnswerCounts counts = new AnswerCounts()
                .addScore(NPS, 9, 2).addScore(NPS, 9, 3)
                .addChoice(CHANNEL, "email", 1).addChoice(CHANNEL, "email", 4)
                .addTexts(COMMENT, 1).addTexts(COMMENT, 1);

        assertThat(counts.scores(NPS)).containsExactly(Map.entry(9, 5L));
        assertThat(counts.choices(CHANNEL)).containsExactly(Map.entry("email", 5L));
        assertThat(counts.texts(COMMENT)).isEqualTo(2);
        assertThat(counts.scores(CSAT)).isEmpty();
        assertThat(counts.texts(NPS)).isZero();
    }
}

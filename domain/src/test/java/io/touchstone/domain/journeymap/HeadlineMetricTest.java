package io.touchstone.domain.journeymap;

import static io.touchstone.domain.survey.SurveyFixtures.ces;
import static io.touchstone.domain.survey.SurveyFixtures.content;
import static io.touchstone.domain.survey.SurveyFixtures.csat;
import static io.touchstone.domain.survey.SurveyFixtures.freeText;
import static io.touchstone.domain.survey.SurveyFixtures.nps;
import static io.touchstone.domain.survey.SurveyFixtures.singleChoice;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadlineMetricTest {

  private static Optional<HeadlineMetric> headlineOf(Question... questions) {
    return HeadlineMetric.of(SurveyFixtures.published(content(questions)));
  }

  @Test
  void firstNpsQuestionWinsWhereverItStands() {
    var headline = headlineOf(csat("csat", 5), ces("ces", 7, CesOrientation.HIGHER_IS_EASIER), nps("nps-1"),
        nps("nps-2"));

    assertThat(headline).contains(new HeadlineMetric.Nps(new QuestionId("nps-1")));
    assertThat(headline.orElseThrow().metric()).isEqualTo(Metric.NPS);
  }

  @Test
  void withoutNpsTheFirstCsatQuestionGivesCsatPercentWithItsThreshold() {
    var headline = headlineOf(ces("ces", 7, CesOrientation.HIGHER_IS_EASIER), freeText("comment", 100),
        new Question.Csat(new QuestionId("csat-delivery"), SurveyFixtures.text("cs", SurveyFixtures.CSAT_CS), 10, 9),
        csat("csat-other", 5));

    assertThat(headline).contains(new HeadlineMetric.CsatPercent(new QuestionId("csat-delivery"), 10, 9));
    assertThat(headline.orElseThrow().metric()).isEqualTo(Metric.CSAT_PERCENT);
  }

  @Test
  void withoutNpsAndCsatTheFirstCesQuestionGivesTheCesMean() {
    var headline = headlineOf(singleChoice("channel", "email", "phone"),
        ces("ces-1", 5, CesOrientation.HIGHER_IS_HARDER), ces("ces-2", 7, CesOrientation.HIGHER_IS_EASIER));

    assertThat(headline).contains(new HeadlineMetric.CesMean(new QuestionId("ces-1"), 5,
        CesOrientation.HIGHER_IS_HARDER));
    assertThat(headline.orElseThrow().metric()).isEqualTo(Metric.CES_MEAN);
  }

  @Test
  void aSurveyWithoutScoredQuestionsHasNoHeadline() {
    assertThat(headlineOf(freeText("comment", 100), singleChoice("channel", "email", "phone"))).isEmpty();
  }

  @Test
  void anUnpublishedSurveyHasNoHeadline() {
    assertThat(HeadlineMetric.of(SurveyFixtures.draft(content(nps("nps"))))).isEmpty();
  }

  @Test
  void theLatestPublishedVersionDecidesNotADraftNorAnOlderVersion() {
    Survey survey = SurveyFixtures.published(content(nps("nps")));
    survey.revise(content(csat("csat", 5)), SurveyFixtures.T0.plusSeconds(120));

    // version 2 is a draft: version 1 still decides
    assertThat(HeadlineMetric.of(survey)).contains(new HeadlineMetric.Nps(new QuestionId("nps")));

    survey.publish(SurveyFixtures.T0.plusSeconds(180));

    assertThat(HeadlineMetric.of(survey)).contains(new HeadlineMetric.CsatPercent(new QuestionId("csat"), 5, 4));
  }

  @Test
  void answersToAnotherVersionCountOnlyOnTheHeadlinesOwnScale() {
    QuestionId id = new QuestionId("q");
    HeadlineMetric nps = new HeadlineMetric.Nps(id);
    HeadlineMetric csat = new HeadlineMetric.CsatPercent(id, 5, 4);
    HeadlineMetric ces = new HeadlineMetric.CesMean(id, 7, CesOrientation.HIGHER_IS_EASIER);

    assertThat(HeadlineMetric.sameScale(nps, nps("q"))).isTrue();
    assertThat(HeadlineMetric.sameScale(nps, csat("q", 5))).isFalse();
    assertThat(HeadlineMetric.sameScale(csat, csat("q", 5))).isTrue();
    assertThat(HeadlineMetric.sameScale(csat, csat("q", 7))).isFalse();
    assertThat(HeadlineMetric.sameScale(csat, new Question.Csat(id, SurveyFixtures.text("cs", SurveyFixtures.CSAT_CS),
        5, 5))).isFalse();
    assertThat(HeadlineMetric.sameScale(ces, ces("q", 7, CesOrientation.HIGHER_IS_EASIER))).isTrue();
    assertThat(HeadlineMetric.sameScale(ces, ces("q", 7, CesOrientation.HIGHER_IS_HARDER))).isFalse();
    assertThat(HeadlineMetric.sameScale(ces, ces("q", 5, CesOrientation.HIGHER_IS_EASIER))).isFalse();
  }
}

package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NpsTest {

  private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-9);

  /** Scores 0..10; index = score. */
  private static ScoreHistogram answers(long... countsPerScore) {
    return ScoreHistogram.of(0, 10, countsPerScore);
  }

  private static NpsResult nps(ScoreHistogram answers) {
    return Nps.of(answers).orElseThrow();
  }

  @Test
  void mixedAnswersGiveHandComputedScoreSharesAndInterval() {
    // 10 answers: promoters 9,10 → 3+2 = 5; passives 7,8 → 2+1 = 3; detractors 0,6 → 1+1 = 2.
    // NPS = 100 × (5 − 2) / 10 = 30; p = 0.5, d = 0.2, passive share 0.3.
    // SE = sqrt((0.5 + 0.2 − 0.3²) / 10) = sqrt(0.61 / 10) = sqrt(0.061) = 0.246981780704569...
    // half width = 1.96 × 100 × SE = 48.408429018095...; CI = [−18.408429018095..., 78.408429018095...]
    var result = nps(answers(1, 0, 0, 0, 0, 0, 1, 2, 1, 3, 2));

    assertThat(result.n()).isEqualTo(10);
    assertThat(result.promoters()).isEqualTo(5);
    assertThat(result.passives()).isEqualTo(3);
    assertThat(result.detractors()).isEqualTo(2);
    assertThat(result.promoterShare()).isCloseTo(0.5, EXACT);
    assertThat(result.passiveShare()).isCloseTo(0.3, EXACT);
    assertThat(result.detractorShare()).isCloseTo(0.2, EXACT);
    assertThat(result.score()).isCloseTo(30.0, EXACT);
    assertThat(result.confidenceInterval().lower()).isCloseTo(-18.408429018095603, EXACT);
    assertThat(result.confidenceInterval().upper()).isCloseTo(78.408429018095603, EXACT);
  }

  @Test
  void detractorsAndPromotersCancelOut() {
    // 4 promoters (10), 2 passives (7), 4 detractors (3): NPS = 100 × (4 − 4) / 10 = 0.
    // p = d = 0.4: SE = sqrt((0.8 − 0) / 10) = sqrt(0.08) = 0.282842712474619...
    // half width = 196 × 0.282842712474619 = 55.437171645025...; CI = [−55.437171645025, 55.437171645025]
    var result = nps(answers(0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 4));

    assertThat(result.score()).isCloseTo(0.0, EXACT);
    assertThat(result.confidenceInterval().lower()).isCloseTo(-55.43717164502532, EXACT);
    assertThat(result.confidenceInterval().upper()).isCloseTo(55.43717164502532, EXACT);
  }

  @Test
  void boundariesBetweenGroupsAreSixSevenAndEightNine() {
    // one answer per score 0..10: detractors 0..6 = 7, passives 7..8 = 2, promoters 9..10 = 2.
    // NPS = 100 × (2 − 7) / 11 = −45.4545...
    var result = nps(answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));

    assertThat(result.detractors()).isEqualTo(7);
    assertThat(result.passives()).isEqualTo(2);
    assertThat(result.promoters()).isEqualTo(2);
    assertThat(result.score()).isCloseTo(-500.0 / 11, EXACT);
    assertThat(result.promoterShare()).isCloseTo(2.0 / 11, EXACT);
  }

  @Test
  void upperBoundOfIntervalIsClampedTo100() {
    // 9 promoters, 1 passive: NPS = 90; p = 0.9, d = 0.
    // SE = sqrt((0.9 − 0.81) / 10) = sqrt(0.009) = 0.094868329805051...
    // half width = 196 × SE = 18.594192641790...; raw CI = [71.405807358209..., 108.594192641790...]
    // → upper clamped to 100: an NPS above 100 is impossible.
    var result = nps(answers(0, 0, 0, 0, 0, 0, 0, 1, 0, 9, 0));

    assertThat(result.score()).isCloseTo(90.0, EXACT);
    assertThat(result.confidenceInterval().lower()).isCloseTo(71.40580735820993, EXACT);
    assertThat(result.confidenceInterval().upper()).isEqualTo(100.0);
  }

  @Test
  void lowerBoundOfIntervalIsClampedToMinus100() {
    // 1 promoter, 9 detractors: NPS = −80; p = 0.1, d = 0.9.
    // SE = sqrt((1.0 − 0.64) / 10) = sqrt(0.036) = 0.189736659610102...
    // half width = 196 × SE = 37.188385283580...; raw CI = [−117.188385283580..., −42.811614716419...]
    // → lower clamped to −100.
    var result = nps(answers(9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));

    assertThat(result.score()).isCloseTo(-80.0, EXACT);
    assertThat(result.confidenceInterval().lower()).isEqualTo(-100.0);
    assertThat(result.confidenceInterval().upper()).isCloseTo(-42.81161471641986, EXACT);
  }

  @Test
  void unanimousAnswersGiveAZeroWidthIntervalAtTheBound() {
    // 5 detractors: NPS = −100; p = 0, d = 1: SE = sqrt((1 − 1) / 5) = 0 → CI = [−100, −100].
    var allDetractors = nps(answers(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    // 3 promoters: NPS = 100, CI = [100, 100].
    var allPromoters = nps(answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0));

    assertThat(allDetractors.score()).isEqualTo(-100.0);
    assertThat(allDetractors.confidenceInterval()).isEqualTo(new ConfidenceInterval(-100, -100));
    assertThat(allPromoters.score()).isEqualTo(100.0);
    assertThat(allPromoters.confidenceInterval()).isEqualTo(new ConfidenceInterval(100, 100));
  }

  @Test
  void onlyPassivesGiveZeroWithZeroWidthInterval() {
    // 4 passives: NPS = 0; p = d = 0 → SE = 0.
    var result = nps(answers(0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0));

    assertThat(result.score()).isEqualTo(0.0);
    assertThat(result.passiveShare()).isEqualTo(1.0);
    assertThat(result.confidenceInterval()).isEqualTo(new ConfidenceInterval(0, 0));
  }

  @Test
  void scoreIsNotRounded() {
    // 2 promoters, 1 detractor: NPS = 100 × 1 / 3 = 33.333...
    var result = nps(answers(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2));

    assertThat(result.score()).isEqualTo(100.0 / 3);
  }

  @Test
  void intervalHalvesWhenTheSampleGrowsFourTimes() {
    // same shares, n 10 → 40: SE halves, 48.408429018095... → 24.204214509047...
    var result = nps(answers(4, 0, 0, 0, 0, 0, 4, 8, 4, 12, 8));

    assertThat(result.score()).isCloseTo(30.0, EXACT);
    assertThat(result.confidenceInterval().lower()).isCloseTo(30 - 24.2042145090478, EXACT);
    assertThat(result.confidenceInterval().upper()).isCloseTo(30 + 24.2042145090478, EXACT);
  }

  @Test
  void noAnswersMeanNoScore() {
    assertThat(Nps.of(ScoreHistogram.empty(0, 10))).isEmpty();
  }

  @Test
  void rejectsHistogramNotOnZeroToTenScale() {
    assertThatIllegalArgumentException().isThrownBy(() -> Nps.of(ScoreHistogram.empty(1, 10)));
    assertThatIllegalArgumentException().isThrownBy(() -> Nps.of(ScoreHistogram.empty(0, 5)));
    assertThatIllegalArgumentException().isThrownBy(() -> Nps.of(ScoreHistogram.empty(0, 11)));
  }

  @Test
  void resultRejectsGroupsThatDoNotAddUpToN() {
    var interval = new ConfidenceInterval(0, 0);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new NpsResult(10, 5, 3, 1, 0.5, 0.3, 0.1, 40, interval));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new NpsResult(0, 0, 0, 0, 0, 0, 0, 0, interval));
  }
}

package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsatTest {

  private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-9);

  @ParameterizedTest(name = "{0}-point scale -> satisfied from {1}")
  @CsvSource({"3, 3", "5, 4", "7, 6", "10, 8"})
  void defaultThresholdIsTheTopOfEachScale(int points, int satisfiedFrom) {
    assertThat(Csat.defaultSatisfiedFrom(points)).isEqualTo(satisfiedFrom);
  }

  @Test
  void fivePointScaleCountsTopTwoBoxes() {
    // scores 1..5 with counts 1, 1, 2, 3, 3 → n = 10; satisfied = 4s + 5s = 6 → 60 %.
    // mean = (1 + 2 + 6 + 12 + 15) / 10 = 36 / 10 = 3.6
    var result = Csat.of(ScoreHistogram.of(1, 5, 1, 1, 2, 3, 3), 4).orElseThrow();

    assertThat(result.n()).isEqualTo(10);
    assertThat(result.satisfied()).isEqualTo(6);
    assertThat(result.satisfiedFrom()).isEqualTo(4);
    assertThat(result.percentSatisfied()).isCloseTo(60.0, EXACT);
    assertThat(result.mean()).isCloseTo(3.6, EXACT);
  }

  @Test
  void threePointScaleCountsTopBox() {
    // scores 1..3 with counts 2, 3, 5 → satisfied = 5 of 10 → 50 %; mean = (2 + 6 + 15) / 10 = 2.3
    var result = Csat.of(ScoreHistogram.of(1, 3, 2, 3, 5)).orElseThrow();

    assertThat(result.satisfiedFrom()).isEqualTo(3);
    assertThat(result.satisfied()).isEqualTo(5);
    assertThat(result.percentSatisfied()).isCloseTo(50.0, EXACT);
    assertThat(result.mean()).isCloseTo(2.3, EXACT);
  }

  @Test
  void sevenPointScaleCountsTopTwoBoxes() {
    // scores 1..7 with counts 1, 0, 1, 2, 2, 3, 1 → satisfied = 6s + 7s = 4 of 10 → 40 %
    // mean = (1 + 0 + 3 + 8 + 10 + 18 + 7) / 10 = 47 / 10 = 4.7
    var result = Csat.of(ScoreHistogram.of(1, 7, 1, 0, 1, 2, 2, 3, 1)).orElseThrow();

    assertThat(result.satisfiedFrom()).isEqualTo(6);
    assertThat(result.satisfied()).isEqualTo(4);
    assertThat(result.percentSatisfied()).isCloseTo(40.0, EXACT);
    assertThat(result.mean()).isCloseTo(4.7, EXACT);
  }

  @Test
  void tenPointScaleCountsEightToTen() {
    // scores 1..10 with counts 0, 0, 0, 0, 1, 1, 1, 2, 3, 2 → satisfied = 2 + 3 + 2 = 7 of 10 → 70 %
    // mean = (5 + 6 + 7 + 16 + 27 + 20) / 10 = 81 / 10 = 8.1
    var result = Csat.of(ScoreHistogram.of(1, 10, 0, 0, 0, 0, 1, 1, 1, 2, 3, 2)).orElseThrow();

    assertThat(result.satisfiedFrom()).isEqualTo(8);
    assertThat(result.satisfied()).isEqualTo(7);
    assertThat(result.percentSatisfied()).isCloseTo(70.0, EXACT);
    assertThat(result.mean()).isCloseTo(8.1, EXACT);
  }

  @Test
  void customThresholdReplacesTheDefault() {
    // same 5-point answers as above, only 5s satisfied: 3 of 10 → 30 %; the mean does not depend on it.
    var result = Csat.of(ScoreHistogram.of(1, 5, 1, 1, 2, 3, 3), 5).orElseThrow();

    assertThat(result.satisfied()).isEqualTo(3);
    assertThat(result.satisfiedFrom()).isEqualTo(5);
    assertThat(result.percentSatisfied()).isCloseTo(30.0, EXACT);
    assertThat(result.mean()).isCloseTo(3.6, EXACT);
  }

  @Test
  void thresholdOfOneCountsEveryoneAsSatisfied() {
    var result = Csat.of(ScoreHistogram.of(1, 5, 4, 0, 0, 0, 1), 1).orElseThrow();

    assertThat(result.percentSatisfied()).isEqualTo(100.0);
    // (4 + 5) / 5 = 1.8
    assertThat(result.mean()).isCloseTo(1.8, EXACT);
  }

  @Test
  void percentIsNotRounded() {
    // answers 1, 4, 5 → satisfied 2 of 3 → 66.666...%; mean = 10 / 3
    var result = Csat.of(ScoreHistogram.of(1, 5, 1, 0, 0, 1, 1), 4).orElseThrow();

    assertThat(result.percentSatisfied()).isEqualTo(200.0 / 3);
    assertThat(result.mean()).isEqualTo(10.0 / 3);
  }

  @Test
  void noAnswersMeanNoScore() {
    assertThat(Csat.of(ScoreHistogram.empty(1, 5), 4)).isEmpty();
    assertThat(Csat.of(ScoreHistogram.empty(1, 10))).isEmpty();
  }

  @Test
  void rejectsUnsupportedScale() {
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.defaultSatisfiedFrom(4));
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.of(ScoreHistogram.empty(1, 4), 3));
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.of(ScoreHistogram.empty(0, 5), 4));
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.of(ScoreHistogram.empty(0, 10)));
  }

  @Test
  void rejectsThresholdOutsideScale() {
    var answers = ScoreHistogram.of(1, 5, 1, 1, 1, 1, 1);

    assertThatIllegalArgumentException().isThrownBy(() -> Csat.of(answers, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.of(answers, 6));
  }

  // Wilson score interval, z = 1.96: centre = (p + z²/2n) / (1 + z²/n),
  // half width = z × sqrt(p (1 − p) / n + z²/4n²) / (1 + z²/n), both × 100.
  // Reference bounds computed independently with 40-digit decimals (python3, module decimal).
  @ParameterizedTest(name = "{0} satisfied of {1} -> [{2}, {3}]")
  @CsvSource({
      "0, 10, 0.0, 27.75401687666165761",
      "10, 10, 72.24598312333834239, 100.0",
      "6, 10, 31.26695474501863806, 83.18224187964903042",
      "1, 3, 6.14903152761605076, 79.23450448735120837",
      "45, 50, 78.63950966521161033, 95.65248760084289028",
      "812, 1000, 78.66063248258257949, 83.50056904562665193",
      "1, 1, 20.65432914738929280, 100.0",
      "0, 1, 0.0, 79.34567085261070720"})
  void wilsonIntervalMatchesHandComputedBounds(long satisfied, long n, double lower, double upper) {
    var interval = Csat.confidenceInterval(satisfied, n);

    assertThat(interval.lower()).isCloseTo(lower, EXACT);
    assertThat(interval.upper()).isCloseTo(upper, EXACT);
  }

  @Test
  void wilsonIntervalOfSixOfTenIsNotTheWaldInterval() {
    // Wald would be 60 ± 196 × sqrt(0.24 / 10) = [29.636..., 90.363...]; Wilson is pulled towards 50 %
    var interval = Csat.confidenceInterval(6, 10);

    assertThat(interval.upper()).isLessThan(90.0);
    assertThat(interval.lower()).isGreaterThan(29.7);
  }

  @Test
  void wilsonIntervalRejectsImpossibleCounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.confidenceInterval(0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.confidenceInterval(-1, 5));
    assertThatIllegalArgumentException().isThrownBy(() -> Csat.confidenceInterval(6, 5));
  }
}

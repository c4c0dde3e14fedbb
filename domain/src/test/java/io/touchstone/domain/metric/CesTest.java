package io.touchstone.domain.metric;

import static io.touchstone.domain.metric.CesOrientation.HIGHER_IS_EASIER;
import static io.touchstone.domain.metric.CesOrientation.HIGHER_IS_HARDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CesTest {

  private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-9);

  private static final ScoreHistogram FIVE_POINT = ScoreHistogram.of(1, 5, 1, 1, 2, 3, 3);
  private static final ScoreHistogram SEVEN_POINT = ScoreHistogram.of(1, 7, 1, 0, 1, 2, 2, 3, 1);
  private static final ScoreHistogram TEN_POINT = ScoreHistogram.of(1, 10, 0, 0, 0, 0, 1, 1, 1, 2, 3, 2);

  @ParameterizedTest(name = "raw {0} on 1..{1} -> {2}")
  @CsvSource({"1, 5, 5", "2, 5, 4", "3, 5, 3", "5, 5, 1", "4, 7, 4", "1, 7, 7", "2, 10, 9", "10, 10, 1", "5, 10, 6"})
  void higherIsHarderIsMirroredSoHigherMeansEasier(int raw, int points, int normalised) {
    assertThat(Ces.normalise(raw, points, HIGHER_IS_HARDER)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "raw {0} on 1..{1} stays")
  @CsvSource({"1, 5", "5, 5", "4, 7", "10, 10"})
  void higherIsEasierIsKeptAsIs(int raw, int points) {
    assertThat(Ces.normalise(raw, points, HIGHER_IS_EASIER)).isEqualTo(raw);
  }

  @Test
  void fivePointEasierScaleHasNeutralMidpointThree() {
    // raw = normalised: counts 1, 1, 2, 3, 3 (n = 10); midpoint (1 + 5) / 2 = 3
    // agree = 4s + 5s = 6, neutral = 3s = 2, disagree = 1s + 2s = 2 → net = 100 × (6 − 2) / 10 = 40
    // mean = (1 + 2 + 6 + 12 + 15) / 10 = 3.6
    var result = Ces.of(FIVE_POINT, HIGHER_IS_EASIER).orElseThrow();

    assertThat(result.n()).isEqualTo(10);
    assertThat(result.points()).isEqualTo(5);
    assertThat(result.agree()).isEqualTo(6);
    assertThat(result.neutral()).isEqualTo(2);
    assertThat(result.disagree()).isEqualTo(2);
    assertThat(result.mean()).isCloseTo(3.6, EXACT);
    assertThat(result.net()).isCloseTo(40.0, EXACT);
  }

  @Test
  void fivePointHarderScaleIsMirrored() {
    // normalised = 6 − raw: raw 1 → 5 (1), 2 → 4 (1), 3 → 3 (2), 4 → 2 (3), 5 → 1 (3)
    // agree = 2, neutral = 2, disagree = 6 → net = −40; mean = (5 + 4 + 6 + 6 + 3) / 10 = 24 / 10 = 2.4
    var result = Ces.of(FIVE_POINT, HIGHER_IS_HARDER).orElseThrow();

    assertThat(result.agree()).isEqualTo(2);
    assertThat(result.neutral()).isEqualTo(2);
    assertThat(result.disagree()).isEqualTo(6);
    assertThat(result.net()).isCloseTo(-40.0, EXACT);
    assertThat(result.mean()).isCloseTo(2.4, EXACT);
  }

  @Test
  void sevenPointEasierScaleHasNeutralMidpointFour() {
    // counts 1, 0, 1, 2, 2, 3, 1 (n = 10); midpoint 4
    // agree = 5s + 6s + 7s = 2 + 3 + 1 = 6, neutral = 4s = 2, disagree = 1s + 3s = 2 → net = 40
    // mean = (1 + 3 + 8 + 10 + 18 + 7) / 10 = 4.7
    var result = Ces.of(SEVEN_POINT, HIGHER_IS_EASIER).orElseThrow();

    assertThat(result.points()).isEqualTo(7);
    assertThat(result.agree()).isEqualTo(6);
    assertThat(result.neutral()).isEqualTo(2);
    assertThat(result.disagree()).isEqualTo(2);
    assertThat(result.net()).isCloseTo(40.0, EXACT);
    assertThat(result.mean()).isCloseTo(4.7, EXACT);
  }

  @Test
  void sevenPointHarderScaleIsMirrored() {
    // normalised = 8 − raw; agree = raw 1..3 = 2, neutral = raw 4 = 2, disagree = raw 5..7 = 6 → net = −40
    // mean = 8 − 4.7 = 3.3 (= 33 / 10)
    var result = Ces.of(SEVEN_POINT, HIGHER_IS_HARDER).orElseThrow();

    assertThat(result.agree()).isEqualTo(2);
    assertThat(result.neutral()).isEqualTo(2);
    assertThat(result.disagree()).isEqualTo(6);
    assertThat(result.net()).isCloseTo(-40.0, EXACT);
    assertThat(result.mean()).isCloseTo(3.3, EXACT);
  }

  @Test
  void tenPointEasierScaleHasNoNeutral() {
    // counts 0, 0, 0, 0, 1, 1, 1, 2, 3, 2 (n = 10); midpoint 5.5 is no score
    // agree = 6..10 = 1 + 1 + 2 + 3 + 2 = 9, disagree = 1..5 = 1, neutral = 0 → net = 100 × 8 / 10 = 80
    // mean = (5 + 6 + 7 + 16 + 27 + 20) / 10 = 8.1
    var result = Ces.of(TEN_POINT, HIGHER_IS_EASIER).orElseThrow();

    assertThat(result.agree()).isEqualTo(9);
    assertThat(result.neutral()).isZero();
    assertThat(result.disagree()).isEqualTo(1);
    assertThat(result.net()).isCloseTo(80.0, EXACT);
    assertThat(result.mean()).isCloseTo(8.1, EXACT);
  }

  @Test
  void tenPointHarderScaleIsMirroredAndHasNoNeutral() {
    // normalised = 11 − raw: raw 5 → 6 is the only agree; raw 6..10 → 5..1 disagree = 9 → net = −80
    // mean = (110 − 81) / 10 = 2.9
    var result = Ces.of(TEN_POINT, HIGHER_IS_HARDER).orElseThrow();

    assertThat(result.agree()).isEqualTo(1);
    assertThat(result.neutral()).isZero();
    assertThat(result.disagree()).isEqualTo(9);
    assertThat(result.net()).isCloseTo(-80.0, EXACT);
    assertThat(result.mean()).isCloseTo(2.9, EXACT);
  }

  @Test
  void tenPointScaleSplitsAtFiveAndSix() {
    // one 5 and one 6: disagree 1, agree 1 → net 0; mean 5.5
    var result = Ces.of(ScoreHistogram.empty(1, 10).plus(5, 1).plus(6, 1), HIGHER_IS_EASIER).orElseThrow();

    assertThat(result.agree()).isEqualTo(1);
    assertThat(result.disagree()).isEqualTo(1);
    assertThat(result.net()).isEqualTo(0.0);
    assertThat(result.mean()).isEqualTo(5.5);
  }

  @Test
  void netIsNotRounded() {
    // 5-point: answers 5, 5, 1 → agree 2, disagree 1 → net = 100 / 3; mean = 11 / 3
    var result = Ces.of(ScoreHistogram.of(1, 5, 1, 0, 0, 0, 2), HIGHER_IS_EASIER).orElseThrow();

    assertThat(result.net()).isEqualTo(100.0 / 3);
    assertThat(result.mean()).isEqualTo(11.0 / 3);
  }

  @Test
  void noAnswersMeanNoScore() {
    assertThat(Ces.of(ScoreHistogram.empty(1, 5), HIGHER_IS_EASIER)).isEmpty();
    assertThat(Ces.of(ScoreHistogram.empty(1, 10), HIGHER_IS_HARDER)).isEmpty();
  }

  @Test
  void rejectsUnsupportedScale() {
    assertThatIllegalArgumentException().isThrownBy(() -> Ces.of(ScoreHistogram.empty(1, 3), HIGHER_IS_EASIER));
    assertThatIllegalArgumentException().isThrownBy(() -> Ces.of(ScoreHistogram.empty(0, 10), HIGHER_IS_EASIER));
    assertThatIllegalArgumentException().isThrownBy(() -> Ces.normalise(1, 4, HIGHER_IS_EASIER));
  }

  @Test
  void rejectsAnswerOutsideScale() {
    assertThatIllegalArgumentException().isThrownBy(() -> Ces.normalise(0, 5, HIGHER_IS_HARDER));
    assertThatIllegalArgumentException().isThrownBy(() -> Ces.normalise(6, 5, HIGHER_IS_EASIER));
    assertThatIllegalArgumentException().isThrownBy(() -> Ces.normalise(11, 10, HIGHER_IS_HARDER));
  }

  @Test
  void normalisedHistogramOfHigherIsHarderIsTurnedAround() {
    // 5-point counts 1, 1, 2, 3, 3 (raw 1..5) → normalised 6 − raw: counts 3, 3, 2, 1, 1
    assertThat(Ces.normalised(FIVE_POINT, HIGHER_IS_HARDER)).isEqualTo(ScoreHistogram.of(1, 5, 3, 3, 2, 1, 1));
    assertThat(Ces.normalised(FIVE_POINT, HIGHER_IS_EASIER)).isEqualTo(FIVE_POINT);
    // 10-point: raw 5 → 6, raw 10 → 1
    assertThat(Ces.normalised(TEN_POINT, HIGHER_IS_HARDER))
        .isEqualTo(ScoreHistogram.of(1, 10, 2, 3, 2, 1, 1, 1, 0, 0, 0, 0));
  }

  @Test
  void normalisedHistogramsOfBothOrientationsAddUp() {
    // "easy" question (higher is easier): raw 5, 5, 4; "effort" question (higher is harder): raw 1, 2, 5
    // normalised: 5, 5, 4 and 5, 4, 1 → counts 1 (1), 4 (2), 5 (3): n = 6
    // mean = (1 + 8 + 15) / 6 = 4; agree (> 3) = 5, disagree = 1 → net = 100 × 4 / 6 = 66.666...
    var easy = Ces.normalised(ScoreHistogram.of(1, 5, 0, 0, 0, 1, 2), HIGHER_IS_EASIER);
    var effort = Ces.normalised(ScoreHistogram.of(1, 5, 1, 1, 0, 0, 1), HIGHER_IS_HARDER);

    var result = Ces.of(easy.plus(effort), HIGHER_IS_EASIER).orElseThrow();

    assertThat(result.n()).isEqualTo(6);
    assertThat(result.mean()).isCloseTo(4.0, EXACT);
    assertThat(result.agree()).isEqualTo(5);
    assertThat(result.disagree()).isEqualTo(1);
    assertThat(result.net()).isCloseTo(200.0 / 3, EXACT);
  }

  @Test
  void normalisedRefusesAScaleCesDoesNotUse() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Ces.normalised(ScoreHistogram.empty(1, 3), HIGHER_IS_HARDER));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Ces.normalised(ScoreHistogram.empty(0, 10), HIGHER_IS_EASIER));
  }
}

package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

  @Test
  void emptyHistogramHasNoAnswers() {
    var empty = ScoreHistogram.empty(1, 5);

    assertThat(empty.min()).isEqualTo(1);
    assertThat(empty.max()).isEqualTo(5);
    assertThat(empty.n()).isZero();
    assertThat(empty.sum()).isZero();
    assertThat(empty.count(3)).isZero();
  }

  @Test
  void countsAreIndexedFromTheScaleMinimum() {
    var histogram = ScoreHistogram.of(1, 5, 1, 0, 2, 3, 4);

    assertThat(histogram.count(1)).isEqualTo(1);
    assertThat(histogram.count(2)).isZero();
    assertThat(histogram.count(5)).isEqualTo(4);
    assertThat(histogram.n()).isEqualTo(10);
    // 1×1 + 3×2 + 4×3 + 5×4 = 1 + 6 + 12 + 20 = 39
    assertThat(histogram.sum()).isEqualTo(39.0);
  }

  @Test
  void plusReturnsANewHistogramAndLeavesTheOriginalUnchanged() {
    var original = ScoreHistogram.empty(0, 10);

    var added = original.plus(9, 3).plus(9, 2).plus(0, 1);

    assertThat(original.n()).isZero();
    assertThat(added.count(9)).isEqualTo(5);
    assertThat(added.count(0)).isEqualTo(1);
    assertThat(added.n()).isEqualTo(6);
    assertThat(added.sum()).isEqualTo(45.0);
  }

  @Test
  void ofCopiesTheCountsArray() {
    long[] counts = {1, 2, 3};
    var histogram = ScoreHistogram.of(1, 3, counts);

    counts[0] = 100;

    assertThat(histogram.count(1)).isEqualTo(1);
  }

  @Test
  void countBetweenIsInclusiveAndClippedToTheScale() {
    var histogram = ScoreHistogram.of(0, 10, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4);

    assertThat(histogram.countBetween(0, 6)).isEqualTo(7);
    assertThat(histogram.countBetween(7, 8)).isEqualTo(4);
    assertThat(histogram.countBetween(9, 10)).isEqualTo(7);
    assertThat(histogram.countBetween(10, 10)).isEqualTo(4);
    assertThat(histogram.countBetween(-5, 100)).isEqualTo(18);
    assertThat(histogram.countBetween(11, 20)).isZero();
  }

  @Test
  void sumWorksOnScalesWithNegativeScores() {
    // -2×3 + 0×1 + 1×4 = -2
    var histogram = ScoreHistogram.of(-2, 1, 3, 0, 1, 4);

    assertThat(histogram.sum()).isEqualTo(-2.0);
    assertThat(histogram.n()).isEqualTo(8);
  }

  @Test
  void equalsAndHashCodeCompareScaleAndCounts() {
    var built = ScoreHistogram.empty(1, 3).plus(2, 4).plus(3, 1);
    var literal = ScoreHistogram.of(1, 3, 0, 4, 1);

    assertThat(built).isEqualTo(literal).hasSameHashCodeAs(literal);
    assertThat(built).isNotEqualTo(ScoreHistogram.of(1, 3, 0, 4, 2));
    assertThat(ScoreHistogram.empty(1, 3)).isNotEqualTo(ScoreHistogram.empty(0, 2));
    assertThat(built).hasToString("ScoreHistogram[1..3]{2=4, 3=1}");
  }

  @Test
  void singlePointScaleIsAllowed() {
    assertThat(ScoreHistogram.of(4, 4, 7).count(4)).isEqualTo(7);
  }

  @Test
  void rejectsInvertedScale() {
    assertThatIllegalArgumentException().isThrownBy(() -> ScoreHistogram.empty(5, 4));
    assertThatIllegalArgumentException().isThrownBy(() -> ScoreHistogram.of(5, 4));
  }

  @Test
  void rejectsWrongNumberOfCounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> ScoreHistogram.of(1, 5, 1, 2, 3, 4));
    assertThatIllegalArgumentException().isThrownBy(() -> ScoreHistogram.of(1, 5, 1, 2, 3, 4, 5, 6));
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> ScoreHistogram.of(1, 3, 1, -1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> ScoreHistogram.empty(1, 3).plus(2, -1));
  }

  @Test
  void rejectsAnswerOutsideScale() {
    var histogram = ScoreHistogram.empty(1, 5);

    assertThatIllegalArgumentException().isThrownBy(() -> histogram.plus(0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> histogram.plus(6, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> histogram.count(0));
    assertThatIllegalArgumentException().isThrownBy(() -> histogram.count(6));
  }

  @Test
  void rejectsReversedRangeInCountBetween() {
    assertThatIllegalArgumentException().isThrownBy(() -> ScoreHistogram.empty(1, 5).countBetween(4, 3));
  }

  @Test
  void rejectsTotalThatOverflows() {
    var nearlyFull = ScoreHistogram.of(1, 2, Long.MAX_VALUE, 0);

    assertThatIllegalArgumentException().isThrownBy(() -> nearlyFull.plus(2, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> nearlyFull.plus(1, 1));
  }

  @Test
  void plusOfAHistogramAddsCountByCount() {
    var a = ScoreHistogram.of(1, 5, 1, 0, 2, 3, 4);
    var b = ScoreHistogram.of(1, 5, 0, 5, 1, 0, 2);

    var sum = a.plus(b);

    assertThat(sum).isEqualTo(ScoreHistogram.of(1, 5, 1, 5, 3, 3, 6));
    assertThat(sum.n()).isEqualTo(18);
    assertThat(a).isEqualTo(ScoreHistogram.of(1, 5, 1, 0, 2, 3, 4));
  }

  @Test
  void plusRefusesAnotherScale() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScoreHistogram.empty(1, 5).plus(ScoreHistogram.empty(1, 7)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScoreHistogram.empty(0, 10).plus(ScoreHistogram.empty(1, 10)));
  }

  @Test
  void plusOfAHistogramRefusesAnOverflow() {
    var full = ScoreHistogram.of(1, 2, Long.MAX_VALUE, 0);

    assertThatIllegalArgumentException().isThrownBy(() -> full.plus(ScoreHistogram.of(1, 2, 1, 0)));
    assertThatIllegalArgumentException().isThrownBy(() -> full.plus(ScoreHistogram.of(1, 2, 0, 1)));
  }

  @Test
  void reversedTurnsTheScaleAround() {
    // on 1..5, s counts as 6 − s: counts 1, 0, 2, 3, 4 → 4, 3, 2, 0, 1
    assertThat(ScoreHistogram.of(1, 5, 1, 0, 2, 3, 4).reversed()).isEqualTo(ScoreHistogram.of(1, 5, 4, 3, 2, 0, 1));
    // on 0..10, s counts as 10 − s
    assertThat(ScoreHistogram.empty(0, 10).plus(0, 2).plus(9, 1).reversed())
        .isEqualTo(ScoreHistogram.empty(0, 10).plus(10, 2).plus(1, 1));
  }

  @Test
  void sumOfSquaredDeviationsIsHandComputed() {
    // 1..5 counts 1, 0, 2, 3, 4: n = 10, sum = 39, mean = 3.9
    // Σ (s − 3.9)² c = 2.9² + 2 × 0.9² + 3 × 0.1² + 4 × 1.1² = 8.41 + 1.62 + 0.03 + 4.84 = 14.9
    assertThat(ScoreHistogram.of(1, 5, 1, 0, 2, 3, 4).sumOfSquaredDeviations())
        .isCloseTo(14.9, org.assertj.core.api.Assertions.within(1e-9));
    // one answer, or all answers alike: no spread
    assertThat(ScoreHistogram.of(1, 5, 0, 0, 7, 0, 0).sumOfSquaredDeviations()).isZero();
    assertThat(ScoreHistogram.empty(1, 5).sumOfSquaredDeviations()).isZero();
  }
}

package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class NpsPropertiesTest {

  @Provide
  Arbitrary<long[]> counts() {
    return Arbitraries.longs().between(0, 10_000).array(long[].class).ofSize(11);
  }

  @Provide
  Arbitrary<long[]> nonEmptyCounts() {
    return counts().filter(c -> Arrays.stream(c).sum() > 0);
  }

  private static NpsResult nps(long[] counts) {
    return Nps.of(ScoreHistogram.of(0, 10, counts)).orElseThrow();
  }

  @Property
  void scoreStaysWithinMinus100And100(@ForAll("nonEmptyCounts") long[] counts) {
    var result = nps(counts);

    assertThat(result.score()).isBetween(-100.0, 100.0);
    assertThat(result.confidenceInterval().lower()).isGreaterThanOrEqualTo(-100.0);
    assertThat(result.confidenceInterval().upper()).isLessThanOrEqualTo(100.0);
  }

  @Property
  void intervalContainsTheEstimate(@ForAll("nonEmptyCounts") long[] counts) {
    var result = nps(counts);

    assertThat(result.confidenceInterval().contains(result.score())).isTrue();
  }

  @Property
  void groupsPartitionTheAnswers(@ForAll("nonEmptyCounts") long[] counts) {
    var result = nps(counts);

    assertThat(result.promoters() + result.passives() + result.detractors()).isEqualTo(result.n());
    assertThat(result.promoterShare() + result.passiveShare() + result.detractorShare())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Property
  void intervalDoesNotWidenWhenEveryCountIsMultipliedByFour(@ForAll("nonEmptyCounts") long[] counts) {
    var base = nps(counts);
    var larger = nps(Arrays.stream(counts).map(c -> 4 * c).toArray());

    assertThat(larger.score()).isEqualTo(base.score());
    assertThat(larger.confidenceInterval().width()).isLessThanOrEqualTo(base.confidenceInterval().width());
  }

  @Property
  void addingAPromoterNeverLowersTheScore(
      @ForAll("nonEmptyCounts") long[] counts, @ForAll @IntRange(min = 9, max = 10) int promoterScore) {
    var answers = ScoreHistogram.of(0, 10, counts);

    var before = Nps.of(answers).orElseThrow();
    var after = Nps.of(answers.plus(promoterScore, 1)).orElseThrow();

    assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
  }

  @Property
  void addingADetractorNeverRaisesTheScore(
      @ForAll("counts") long[] counts, @ForAll @IntRange(min = 0, max = 6) int detractorScore) {
    var answers = ScoreHistogram.of(0, 10, counts);
    var after = Nps.of(answers.plus(detractorScore, 1)).orElseThrow();

    if (answers.n() == 0) {
      assertThat(after.score()).isEqualTo(-100.0);
    } else {
      assertThat(after.score()).isLessThanOrEqualTo(Nps.of(answers).orElseThrow().score());
    }
  }

  @Property
  void addingAPassiveMovesTheScoreTowardsZero(
      @ForAll("nonEmptyCounts") long[] counts, @ForAll @IntRange(min = 7, max = 8) int passiveScore) {
    var answers = ScoreHistogram.of(0, 10, counts);

    var before = Nps.of(answers).orElseThrow();
    var after = Nps.of(answers.plus(passiveScore, 1)).orElseThrow();

    assertThat(Math.abs(after.score())).isLessThanOrEqualTo(Math.abs(before.score()));
    assertThat(Math.signum(after.score())).isEqualTo(Math.signum(before.score()));
  }

  @Property
  void intervalIsSymmetricAroundTheScoreUnlessClamped(@ForAll("nonEmptyCounts") long[] counts) {
    var result = nps(counts);
    var interval = result.confidenceInterval();

    if (interval.lower() > -100 && interval.upper() < 100) {
      assertThat(interval.upper() - result.score())
          .isCloseTo(result.score() - interval.lower(), org.assertj.core.api.Assertions.within(1e-9));
    }
  }
}

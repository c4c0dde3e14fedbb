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
}

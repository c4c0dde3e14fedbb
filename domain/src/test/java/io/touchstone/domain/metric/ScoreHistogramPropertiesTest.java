package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScoreHistogramPropertiesTest {

  record Three(ScoreHistogram a, ScoreHistogram b, ScoreHistogram c) {}

  private static Arbitrary<ScoreHistogram> on(int min, int max) {
    return Arbitraries.longs().between(0, 1_000_000).array(long[].class).ofSize(max - min + 1)
        .map(counts -> ScoreHistogram.of(min, max, counts));
  }

  /** Three histograms on one scale: NPS 0..10 or a 1..points scale of CSAT or CES. */
  @Provide
  Arbitrary<Three> sameScale() {
    return Arbitraries.of(0, 3, 5, 7, 10).flatMap(points -> {
      int min = points == 0 ? 0 : 1;
      int max = points == 0 ? 10 : points;
      return Combinators.combine(on(min, max), on(min, max), on(min, max)).as(Three::new);
    });
  }

  @Property
  void plusIsCommutative(@ForAll("sameScale") Three h) {
    assertThat(h.a().plus(h.b())).isEqualTo(h.b().plus(h.a()));
  }

  @Property
  void plusIsAssociative(@ForAll("sameScale") Three h) {
    assertThat(h.a().plus(h.b()).plus(h.c())).isEqualTo(h.a().plus(h.b().plus(h.c())));
  }

  @Property
  void plusAddsTheSampleSizesAndEveryCount(@ForAll("sameScale") Three h) {
    var sum = h.a().plus(h.b());

    assertThat(sum.n()).isEqualTo(h.a().n() + h.b().n());
    for (int score = h.a().min(); score <= h.a().max(); score++) {
      assertThat(sum.count(score)).isEqualTo(h.a().count(score) + h.b().count(score));
    }
  }

  @Property
  void theEmptyHistogramIsNeutralForPlus(@ForAll("sameScale") Three h) {
    assertThat(h.a().plus(ScoreHistogram.empty(h.a().min(), h.a().max()))).isEqualTo(h.a());
  }

  @Property
  void reversedTwiceIsTheIdentityAndKeepsN(@ForAll("sameScale") Three h) {
    assertThat(h.a().reversed().n()).isEqualTo(h.a().n());
    assertThat(h.a().reversed().reversed()).isEqualTo(h.a());
  }

  @Property
  void reversedMirrorsTheMeanAndKeepsTheSpread(@ForAll("sameScale") Three h) {
    var a = h.a();
    if (a.n() == 0) {
      return;
    }
    var reversed = a.reversed();

    assertThat(reversed.sum() / reversed.n()).isCloseTo(a.min() + a.max() - a.sum() / a.n(), within(1e-9));
    assertThat(reversed.sumOfSquaredDeviations())
        .isCloseTo(a.sumOfSquaredDeviations(), within(1e-9 * Math.max(1, a.sumOfSquaredDeviations())));
  }

  @Property
  void sumOfSquaredDeviationsIsNonNegativeAndEqualsTheShortcutFormula(@ForAll("sameScale") Three h) {
    var a = h.a();
    // Σ (s − m)² c = Σ s² c − (Σ s c)² / n
    double squares = 0;
    for (int score = a.min(); score <= a.max(); score++) {
      squares += (double) score * score * a.count(score);
    }
    double shortcut = a.n() == 0 ? 0 : squares - a.sum() * a.sum() / a.n();

    assertThat(a.sumOfSquaredDeviations()).isGreaterThanOrEqualTo(0.0);
    assertThat(a.sumOfSquaredDeviations()).isCloseTo(shortcut, within(1e-6 * Math.max(1, squares)));
  }
}

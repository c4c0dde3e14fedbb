package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Swapping current and baseline negates z and keeps the decision, for every test the comparison uses. */
class SignificancePropertiesTest {

  record Pair(ScoreHistogram current, ScoreHistogram baseline) {}

  private static Arbitrary<ScoreHistogram> answered(int min, int max) {
    return Arbitraries.longs().between(0, 5_000).array(long[].class).ofSize(max - min + 1)
        .map(counts -> ScoreHistogram.of(min, max, counts))
        .filter(histogram -> histogram.n() > 0);
  }

  @Provide
  Arbitrary<Pair> npsPairs() {
    return Combinators.combine(answered(0, 10), answered(0, 10)).as(Pair::new);
  }

  @Provide
  Arbitrary<Pair> csatPairs() {
    return Arbitraries.of(Csat.SUPPORTED_SCALES)
        .flatMap(points -> Combinators.combine(answered(1, points), answered(1, points)).as(Pair::new));
  }

  @Provide
  Arbitrary<Pair> cesPairs() {
    return Arbitraries.of(Ces.SUPPORTED_SCALES)
        .flatMap(points -> Combinators.combine(answered(1, points), answered(1, points)).as(Pair::new));
  }

  private static void assertAntisymmetric(Optional<Significance> forward, Optional<Significance> backward) {
    assertThat(backward.isPresent()).isEqualTo(forward.isPresent());
    forward.ifPresent(f -> {
      assertThat(backward.orElseThrow().z()).isEqualTo(-f.z());
      assertThat(backward.orElseThrow().significant()).isEqualTo(f.significant());
    });
  }

  @Property
  void npsZIsAntisymmetric(@ForAll("npsPairs") Pair pair) {
    var current = Nps.of(pair.current()).orElseThrow();
    var baseline = Nps.of(pair.baseline()).orElseThrow();

    assertAntisymmetric(Significance.ofNps(current, baseline), Significance.ofNps(baseline, current));
  }

  @Property
  void csatPercentZIsAntisymmetric(@ForAll("csatPairs") Pair pair) {
    var current = Csat.of(pair.current()).orElseThrow();
    var baseline = Csat.of(pair.baseline()).orElseThrow();

    assertAntisymmetric(Significance.ofCsatPercent(current, baseline), Significance.ofCsatPercent(baseline, current));
  }

  @Property
  void cesNetZIsAntisymmetric(@ForAll("cesPairs") Pair pair, @ForAll CesOrientation orientation) {
    var current = Ces.of(pair.current(), orientation).orElseThrow();
    var baseline = Ces.of(pair.baseline(), orientation).orElseThrow();

    assertAntisymmetric(Significance.ofCesNet(current, baseline), Significance.ofCesNet(baseline, current));
  }

  @Property
  void meanZIsAntisymmetric(@ForAll("csatPairs") Pair pair) {
    assertAntisymmetric(Significance.ofMean(pair.current(), pair.baseline()),
        Significance.ofMean(pair.baseline(), pair.current()));
  }

  @Property
  void comparingASampleWithItselfFindsNoChange(@ForAll("npsPairs") Pair pair) {
    var nps = Nps.of(pair.current()).orElseThrow();

    Significance.ofNps(nps, nps).ifPresent(test -> {
      assertThat(test.z()).isZero();
      assertThat(test.significant()).isFalse();
    });
  }

  @Property
  void significantExactlyWhenTheAbsoluteZReaches196(@ForAll("npsPairs") Pair pair) {
    var test = Significance.ofNps(Nps.of(pair.current()).orElseThrow(), Nps.of(pair.baseline()).orElseThrow());

    test.ifPresent(t -> assertThat(t.significant()).isEqualTo(Math.abs(t.z()) >= 1.96));
  }
}

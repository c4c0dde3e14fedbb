package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CsatPropertiesTest {

  record Case(ScoreHistogram answers, int satisfiedFrom) {}

  @Provide
  Arbitrary<Case> answeredCases() {
    return Arbitraries.of(Csat.SUPPORTED_SCALES).flatMap(points -> Combinators.combine(
            Arbitraries.longs().between(0, 10_000).array(long[].class).ofSize(points)
                .map(counts -> ScoreHistogram.of(1, points, counts))
                .filter(answers -> answers.n() > 0),
            Arbitraries.integers().between(1, points))
        .as(Case::new));
  }

  @Property
  void percentSatisfiedStaysWithin0And100AndMeanWithinTheScale(@ForAll("answeredCases") Case c) {
    var result = Csat.of(c.answers(), c.satisfiedFrom()).orElseThrow();

    assertThat(result.percentSatisfied()).isBetween(0.0, 100.0);
    assertThat(result.mean()).isBetween(1.0, (double) c.answers().max());
    assertThat(result.satisfied()).isBetween(0L, result.n());
  }

  @Property
  void raisingTheThresholdNeverRaisesThePercentage(@ForAll("answeredCases") Case c) {
    if (c.satisfiedFrom() == c.answers().max()) {
      return;
    }
    var lower = Csat.of(c.answers(), c.satisfiedFrom()).orElseThrow();
    var higher = Csat.of(c.answers(), c.satisfiedFrom() + 1).orElseThrow();

    assertThat(higher.percentSatisfied()).isLessThanOrEqualTo(lower.percentSatisfied());
  }

  record Sample(long satisfied, long n) {}

  @Provide
  Arbitrary<Sample> samples() {
    return Arbitraries.longs().between(1, 1_000_000)
        .flatMap(n -> Arbitraries.longs().between(0, n).map(satisfied -> new Sample(satisfied, n)))
        .edgeCases(edges -> edges.add(new Sample(0, 1)).add(new Sample(1, 1)));
  }

  @Property
  void wilsonIntervalStaysWithin0And100AndContainsTheEstimate(@ForAll("samples") Sample s) {
    var interval = Csat.confidenceInterval(s.satisfied(), s.n());
    double estimate = 100.0 * s.satisfied() / s.n();

    assertThat(interval.lower()).isBetween(0.0, 100.0);
    assertThat(interval.upper()).isBetween(0.0, 100.0);
    assertThat(interval.contains(estimate)).isTrue();
  }

  @Property
  void wilsonIntervalReachesABoundOnlyAtThatBound(@ForAll("samples") Sample s) {
    var interval = Csat.confidenceInterval(s.satisfied(), s.n());

    assertThat(interval.lower() == 0).isEqualTo(s.satisfied() == 0);
    assertThat(interval.upper() == 100).isEqualTo(s.satisfied() == s.n());
  }

  @Property
  void wilsonIntervalDoesNotWidenWhenTheSampleGrowsFourTimes(@ForAll("samples") Sample s) {
    var base = Csat.confidenceInterval(s.satisfied(), s.n());
    var larger = Csat.confidenceInterval(4 * s.satisfied(), 4 * s.n());

    assertThat(larger.width()).isLessThanOrEqualTo(base.width());
  }

  @Property
  void wilsonIntervalOfTheDissatisfiedMirrorsThatOfTheSatisfied(@ForAll("samples") Sample s) {
    var satisfied = Csat.confidenceInterval(s.satisfied(), s.n());
    var dissatisfied = Csat.confidenceInterval(s.n() - s.satisfied(), s.n());

    assertThat(dissatisfied.lower()).isCloseTo(100 - satisfied.upper(), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(dissatisfied.upper()).isCloseTo(100 - satisfied.lower(), org.assertj.core.api.Assertions.within(1e-9));
  }
}

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
}

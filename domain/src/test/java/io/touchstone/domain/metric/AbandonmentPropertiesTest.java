package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AbandonmentPropertiesTest {

  record Counts(long started, long abandoned) {}

  @Provide
  Arbitrary<Counts> counts() {
    return Arbitraries.longs().between(1, 10_000_000)
        .flatMap(started -> Arbitraries.longs().between(0, started).map(abandoned -> new Counts(started, abandoned)))
        .edgeCases(edges -> edges.add(new Counts(1, 0)).add(new Counts(1, 1)));
  }

  @Property
  void rateStaysWithin0And100AndTheIntervalContainsIt(@ForAll("counts") Counts c) {
    var result = Abandonment.of(c.started(), c.abandoned()).orElseThrow();

    assertThat(result.rate()).isBetween(0.0, 100.0);
    assertThat(result.confidenceInterval().contains(result.rate())).isTrue();
    assertThat(result.n()).isEqualTo(c.started());
    assertThat(result.smallSample()).isEqualTo(c.started() < 30);
  }

  @Property
  void rateOfTheCompletedIsTheComplement(@ForAll("counts") Counts c) {
    var abandoned = Abandonment.of(c.started(), c.abandoned()).orElseThrow();
    var completed = Abandonment.of(c.started(), c.started() - c.abandoned()).orElseThrow();

    assertThat(abandoned.rate() + completed.rate()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Property
  void swappingThePeriodsNegatesTheChange(@ForAll("counts") Counts a, @ForAll("counts") Counts b) {
    var first = Abandonment.of(a.started(), a.abandoned()).orElseThrow();
    var second = Abandonment.of(b.started(), b.abandoned()).orElseThrow();
    var forward = Abandonment.change(first, second);
    var backward = Abandonment.change(second, first);

    assertThat(backward.difference()).isEqualTo(-forward.difference());
    assertThat(backward.significance().isPresent()).isEqualTo(forward.significance().isPresent());
    forward.significance().ifPresent(test -> {
      assertThat(backward.significance().orElseThrow().z()).isCloseTo(-test.z(),
          org.assertj.core.api.Assertions.within(1e-9));
      assertThat(backward.significant()).isEqualTo(forward.significant());
    });
  }
}

package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.domain.metric.Churn.Counts;
import io.touchstone.domain.metric.Churn.Event;
import io.touchstone.domain.metric.Churn.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChurnPropertiesTest {

  private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
  /** Days 10..20 after the origin; events fall on days 0..30, so before, within and after it. */
  private static final Period PERIOD = new Period(ORIGIN.plusSeconds(10 * 86_400), ORIGIN.plusSeconds(20 * 86_400));

  @Provide
  Arbitrary<List<Event>> events() {
    Arbitrary<Event> event = Combinators.combine(
            Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h"),
            Arbitraries.of(Churn.Kind.class),
            Arbitraries.integers().between(0, 30),
            Arbitraries.of("", "smb", "ent"))
        .as((customer, kind, day, segment) -> new Event(customer, kind, ORIGIN.plusSeconds(day * 86_400L),
            segment.isEmpty() ? Optional.empty() : Optional.of(segment)));
    return event.list().ofMaxSize(40);
  }

  @Property
  void lostNeverExceedsActiveAndTheRateStaysWithin0And100(@ForAll("events") List<Event> events) {
    Counts counts = Churn.count(events, PERIOD);

    assertThat(counts.lost()).isBetween(0L, counts.activeAtStart());
    counts.rate().ifPresent(result -> assertThat(result.rate()).isBetween(0.0, 100.0));
    assertThat(counts.rate().isPresent()).isEqualTo(counts.activeAtStart() > 0);
  }

  @Property
  void orderOfTheEventsIsIrrelevant(@ForAll("events") List<Event> events, @ForAll long seed) {
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(Churn.count(shuffled, PERIOD)).isEqualTo(Churn.count(events, PERIOD));
    assertThat(Churn.countBySegment(shuffled, PERIOD)).isEqualTo(Churn.countBySegment(events, PERIOD));
  }

  @Property
  void segmentsAddUpToTheTotal(@ForAll("events") List<Event> events) {
    long active = 0;
    long lost = 0;
    for (var segment : Churn.countBySegment(events, PERIOD)) {
      assertThat(segment.counts().activeAtStart()).isPositive();
      active += segment.counts().activeAtStart();
      lost += segment.counts().lost();
    }

    assertThat(new Counts(active, lost)).isEqualTo(Churn.count(events, PERIOD));
  }

  @Property
  void eventsAtOrAfterTheEndChangeNothing(@ForAll("events") List<Event> events) {
    List<Event> untilEnd = events.stream().filter(event -> event.at().isBefore(PERIOD.end())).toList();

    assertThat(Churn.count(untilEnd, PERIOD)).isEqualTo(Churn.count(events, PERIOD));
  }

  @Property
  void matchesAReplayOfEachCustomersHistory(@ForAll("events") List<Event> events) {
    // independent oracle: sort each customer's events (ACTIVATED before CHURNED at one instant), replay up to start
    long active = 0;
    long lost = 0;
    for (String customer : events.stream().map(Event::customer).distinct().toList()) {
      List<Event> history = events.stream().filter(event -> event.customer().equals(customer))
          .sorted((x, y) -> x.at().equals(y.at()) ? x.kind().compareTo(y.kind()) : x.at().compareTo(y.at()))
          .toList();
      boolean activeNow = false;
      for (Event event : history) {
        if (event.at().isBefore(PERIOD.start())) {
          activeNow = event.kind() == Churn.Kind.ACTIVATED;
        }
      }
      if (activeNow) {
        active++;
        if (history.stream().anyMatch(e -> e.kind() == Churn.Kind.CHURNED && PERIOD.contains(e.at()))) {
          lost++;
        }
      }
    }

    assertThat(Churn.count(events, PERIOD)).isEqualTo(new Counts(active, lost));
  }
}

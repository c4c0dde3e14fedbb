package io.touchstone.domain.metric;

import static io.touchstone.domain.metric.Churn.Kind.ACTIVATED;
import static io.touchstone.domain.metric.Churn.Kind.CHURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.touchstone.domain.metric.Churn.Counts;
import io.touchstone.domain.metric.Churn.Event;
import io.touchstone.domain.metric.Churn.Period;
import io.touchstone.domain.metric.Churn.SegmentCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChurnTest {

  private static final Period FEBRUARY = new Period(at("2026-02-01"), at("2026-03-01"));
  private static final Period MARCH = new Period(at("2026-03-01"), at("2026-04-01"));

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  private static Event event(String customer, Churn.Kind kind, String day) {
    return new Event(customer, kind, at(day));
  }

  private static Event event(String customer, Churn.Kind kind, String day, String segment) {
    return new Event(customer, kind, at(day), Optional.of(segment));
  }

  /**
   * February, [Feb 1, Mar 1):
   * <pre>
   * customer  events                                         active at Feb 1  lost in Feb
   * a         ACT Jan 5 (smb), CHU Feb 10                    yes              yes
   * b         ACT Jan 1, CHU Jan 20                          no (churned)     -
   * c         ACT Jan 1 (smb), CHU Jan 20, ACT Jan 25 (ent)  yes, ent         no
   * d         ACT Feb 3, CHU Feb 20                          no (joined)      -
   * e         ACT Jan 2 (smb), CHU Feb 5, ACT Feb 8, CHU Feb 15  yes, smb     yes, once
   * f         ACT Jan 2, CHU Mar 1                           yes, no value    no (Mar 1 is the end)
   * g         ACT Feb 1                                      no (not before)  -
   * h         CHU Jan 10                                     no (never active) -
   * i         ACT Jan 3 (ent), CHU Feb 1                     yes, ent         yes (start counts)
   * j         ACT Jan 15, CHU Jan 15                         no (same instant: churned after) -
   * </pre>
   * active 5 (a, c, e, f, i), lost 3 (a, e, i) → 60 %. March, state at Mar 1: c, f, g active (a, d, e, i churned,
   * j churned); f churns on Mar 1 → 1 of 3 → 33.3 %.
   */
  private static final List<Event> EVENTS = List.of(
      event("a", ACTIVATED, "2026-01-05", "smb"), event("a", CHURNED, "2026-02-10"),
      event("b", ACTIVATED, "2026-01-01"), event("b", CHURNED, "2026-01-20"),
      event("c", ACTIVATED, "2026-01-01", "smb"), event("c", CHURNED, "2026-01-20"),
      event("c", ACTIVATED, "2026-01-25", "ent"),
      event("d", ACTIVATED, "2026-02-03"), event("d", CHURNED, "2026-02-20"),
      event("e", ACTIVATED, "2026-01-02", "smb"), event("e", CHURNED, "2026-02-05"),
      event("e", ACTIVATED, "2026-02-08"), event("e", CHURNED, "2026-02-15"),
      event("f", ACTIVATED, "2026-01-02"), event("f", CHURNED, "2026-03-01"),
      event("g", ACTIVATED, "2026-02-01"),
      event("h", CHURNED, "2026-01-10"),
      event("i", ACTIVATED, "2026-01-03", "ent"), event("i", CHURNED, "2026-02-01"),
      event("j", ACTIVATED, "2026-01-15"), event("j", CHURNED, "2026-01-15"));

  @Test
  void countsFebruaryFromLifecycleEvents() {
    Counts counts = Churn.count(EVENTS, FEBRUARY);

    assertThat(counts).isEqualTo(new Counts(5, 3));
    assertThat(counts.rate().orElseThrow().rate()).isEqualTo(60.0);
  }

  @Test
  void countsEachPeriodFromTheStateAtItsStart() {
    List<Counts> perPeriod = Churn.countPerPeriod(EVENTS, List.of(FEBRUARY, MARCH));

    assertThat(perPeriod).containsExactly(new Counts(5, 3), new Counts(3, 1));
    assertThat(perPeriod.get(1).rate().orElseThrow().rate()).isEqualTo(100.0 / 3);
  }

  @Test
  void countsEachCustomerInTheSegmentOfTheEventThatMadeThemActive() {
    // no value: f (1 active, 0 lost); ent: c (re-activated as ent), i lost → 2 / 1; smb: a, e both lost → 2 / 2
    assertThat(Churn.countBySegment(EVENTS, FEBRUARY)).containsExactly(
        new SegmentCounts(Optional.empty(), new Counts(1, 0)),
        new SegmentCounts(Optional.of("ent"), new Counts(2, 1)),
        new SegmentCounts(Optional.of("smb"), new Counts(2, 2)));
  }

  @Test
  void orderOfTheEventsDoesNotMatter() {
    List<Event> reversed = new ArrayList<>(EVENTS);
    Collections.reverse(reversed);

    assertThat(Churn.count(reversed, FEBRUARY)).isEqualTo(new Counts(5, 3));
    assertThat(Churn.countBySegment(reversed, FEBRUARY)).isEqualTo(Churn.countBySegment(EVENTS, FEBRUARY));
  }

  @Test
  void sameInstantActivationAndChurnLeaveTheCustomerChurnedWhateverTheirOrder() {
    var churnFirst = List.of(event("j", CHURNED, "2026-01-15"), event("j", ACTIVATED, "2026-01-15"));

    assertThat(Churn.count(churnFirst, FEBRUARY)).isEqualTo(new Counts(0, 0));
  }

  @Test
  void reactivationWithinThePeriodStillCountsAsLostOnce() {
    var events = List.of(event("x", ACTIVATED, "2026-01-01"), event("x", CHURNED, "2026-02-02"),
        event("x", ACTIVATED, "2026-02-03"), event("x", CHURNED, "2026-02-04"), event("x", ACTIVATED, "2026-02-05"));

    assertThat(Churn.count(events, FEBRUARY)).isEqualTo(new Counts(1, 1));
    // and in March x is active again (latest event before Mar 1 is ACTIVATED)
    assertThat(Churn.count(events, MARCH)).isEqualTo(new Counts(1, 0));
  }

  @Test
  void duplicatedEventsChangeNothing() {
    List<Event> twice = new ArrayList<>(EVENTS);
    twice.addAll(EVENTS);

    assertThat(Churn.count(twice, FEBRUARY)).isEqualTo(new Counts(5, 3));
  }

  @Test
  void noCustomerActiveAtStartMeansNoRate() {
    assertThat(Churn.count(List.of(), FEBRUARY)).isEqualTo(new Counts(0, 0));
    assertThat(Churn.count(List.of(), FEBRUARY).rate()).isEmpty();
    assertThat(Churn.countBySegment(List.of(event("d", ACTIVATED, "2026-02-03")), FEBRUARY)).isEmpty();
    assertThat(Churn.of(0, 0)).isEmpty();
  }

  @ParameterizedTest(name = "{1} lost of {0} -> {2} %, small sample {3}")
  @CsvSource({
      "1000, 25, 2.5, false",
      "200, 0, 0.0, false",
      "7, 7, 100.0, true",
      "30, 1, 3.333333333333333333, false",
      "3, 1, 33.333333333333333333, true"})
  void rateOverCountsMatchesHandComputedValues(long activeAtStart, long lost, double rate, boolean small) {
    var result = Churn.of(activeAtStart, lost).orElseThrow();

    assertThat(result.rate()).isCloseTo(rate, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(result.n()).isEqualTo(activeAtStart);
    assertThat(result.lost()).isEqualTo(lost);
    assertThat(result.smallSample()).isEqualTo(small);
  }

  @Test
  void rejectsImpossibleCountsAndPeriods() {
    assertThatIllegalArgumentException().isThrownBy(() -> Churn.of(-1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> Churn.of(5, 6));
    assertThatIllegalArgumentException().isThrownBy(() -> Churn.of(5, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> new Counts(2, 3));
    assertThatIllegalArgumentException().isThrownBy(() -> new Period(at("2026-02-01"), at("2026-02-01")));
    assertThatIllegalArgumentException().isThrownBy(() -> new Period(at("2026-03-01"), at("2026-02-01")));
    assertThatIllegalArgumentException().isThrownBy(() -> new Event(" ", ACTIVATED, at("2026-02-01")));
  }
}

package io.touchstone.domain.metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Churn rate per period, from customer lifecycle events.
 *
 * <ul>
 *   <li>churn rate = 100 × customers lost during the period / customers active at its start, within 0..100;
 *       undefined (empty) when no customer was active at the start;
 *   <li>a period is the half-open interval [start, end);
 *   <li>a customer is <em>active at start</em> when their latest lifecycle event strictly before {@code start} is
 *       ACTIVATED. Events at the same instant are ordered ACTIVATED before CHURNED, so a customer activated and
 *       churned at one instant is not active after it;
 *   <li>a customer is <em>lost</em> when active at start and having at least one CHURNED event in [start, end); a
 *       customer who churns, is re-activated and churns again within the period counts once, and still counts when
 *       re-activated before the end;
 *   <li>customers who become active during the period (no ACTIVATED latest event before start, e.g. activated at
 *       {@code start} exactly or later) are in neither count, even if they churn within it;
 *   <li>per segment: a customer belongs to the segment of the event that made them active at start (their latest
 *       event before {@code start}; at one instant, ties among ACTIVATED events go to the greatest segment, no value
 *       lowest), and is counted lost in that same segment, so every segment's lost ≤ its active at start and the
 *       segments add up to the total. Customers whose event carries no segment value form the "no value" segment.
 * </ul>
 *
 * The result depends only on the set of events, never on their order. Written over domain-local records so that a
 * storage implementation (SQL over the lifecycle events) can be tested against it.
 */
public final class Churn {

  private Churn() {}

  /** The kind of a lifecycle event. */
  public enum Kind {
    /** The customer became (or became again) an active customer. */
    ACTIVATED,
    /** The customer was lost. */
    CHURNED
  }

  /**
   * One lifecycle event of {@code customer} (a non-blank reference) at {@code at}, with the segment (an attribute
   * value) it was recorded under, if any.
   */
  public record Event(String customer, Kind kind, Instant at, Optional<String> segment) {

    public Event {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(segment, "segment");
      if (customer.isBlank()) {
        throw new IllegalArgumentException("customer must not be blank");
      }
    }

    /** An event without a segment value. */
    public Event(String customer, Kind kind, Instant at) {
      this(customer, kind, at, Optional.empty());
    }
  }

  /** The half-open period [start, end); {@code start < end}. */
  public record Period(Instant start, Instant end) {

    public Period {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("start " + start + " must be before end " + end);
      }
    }

    public boolean contains(Instant instant) {
      return !instant.isBefore(start) && instant.isBefore(end);
    }
  }

  /** The two counts of one period: {@code 0 <= lost <= activeAtStart}. */
  public record Counts(long activeAtStart, long lost) {

    public Counts {
      if (activeAtStart < 0 || lost < 0 || lost > activeAtStart) {
        throw new IllegalArgumentException("need 0 <= lost " + lost + " <= activeAtStart " + activeAtStart);
      }
    }

    /** The churn rate of these counts; empty when no customer was active at the start. */
    public Optional<ChurnResult> rate() {
      return Churn.of(activeAtStart, lost);
    }
  }

  /** The counts of one segment; {@code segment} empty for customers without a segment value. */
  public record SegmentCounts(Optional<String> segment, Counts counts) {

    public SegmentCounts {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(counts, "counts");
    }
  }

  /**
   * The churn rate of {@code lost} of {@code activeAtStart} customers ({@code 0 <= lost <= activeAtStart}); empty
   * when {@code activeAtStart} is 0.
   */
  public static Optional<ChurnResult> of(long activeAtStart, long lost) {
    if (activeAtStart < 0 || lost < 0 || lost > activeAtStart) {
      throw new IllegalArgumentException("need 0 <= lost " + lost + " <= activeAtStart " + activeAtStart);
    }
    if (activeAtStart == 0) {
      return Optional.empty();
    }
    return Optional.of(new ChurnResult(activeAtStart, lost, Proportion.percent(lost, activeAtStart)));
  }

  /** The counts of {@code period} from {@code events} (any order; duplicates change nothing). */
  public static Counts count(Collection<Event> events, Period period) {
    long active = 0;
    long lost = 0;
    for (SegmentCounts segment : countBySegment(events, period)) {
      active += segment.counts().activeAtStart();
      lost += segment.counts().lost();
    }
    return new Counts(active, lost);
  }

  /** The counts of each of {@code periods}, in the order given, from the same {@code events}. */
  public static List<Counts> countPerPeriod(Collection<Event> events, List<Period> periods) {
    Objects.requireNonNull(periods, "periods");
    return periods.stream().map(period -> count(events, period)).toList();
  }

  /**
   * The counts of {@code period} per segment, for the segments of the customers active at its start: the "no value"
   * segment first (if any), then by segment value.
   */
  public static List<SegmentCounts> countBySegment(Collection<Event> events, Period period) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(period, "period");
    Map<String, Event> latestBeforeStart = new HashMap<>();
    Set<String> churnedWithin = new HashSet<>();
    for (Event event : events) {
      Objects.requireNonNull(event, "event");
      if (event.at().isBefore(period.start())) {
        latestBeforeStart.merge(event.customer(), event, (a, b) -> LATER.compare(a, b) >= 0 ? a : b);
      } else if (event.kind() == Kind.CHURNED && period.contains(event.at())) {
        churnedWithin.add(event.customer());
      }
    }
    Map<String, long[]> named = new TreeMap<>();
    long[] unnamed = new long[2];
    for (Event latest : latestBeforeStart.values()) {
      if (latest.kind() != Kind.ACTIVATED) {
        continue;
      }
      long[] tally = latest.segment().map(value -> named.computeIfAbsent(value, v -> new long[2])).orElse(unnamed);
      tally[0]++;
      if (churnedWithin.contains(latest.customer())) {
        tally[1]++;
      }
    }
    List<SegmentCounts> result = new ArrayList<>();
    if (unnamed[0] > 0) {
      result.add(new SegmentCounts(Optional.empty(), new Counts(unnamed[0], unnamed[1])));
    }
    named.forEach((value, tally) -> result.add(new SegmentCounts(Optional.of(value), new Counts(tally[0], tally[1]))));
    return List.copyOf(result);
  }

  /** A customer's events in time order: by instant, then ACTIVATED before CHURNED, then by segment (none lowest). */
  private static final Comparator<Event> LATER = Comparator.comparing(Event::at)
      .thenComparing(Event::kind)
      .thenComparing(event -> event.segment().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));
}

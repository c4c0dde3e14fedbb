package io.touchstone.domain.metric;

import java.util.Objects;
import java.util.Optional;

/**
 * Abandonment rate at a touchpoint (or a stage, a channel, a team: any set of interactions).
 *
 * <ul>
 *   <li>n = started interactions; abandoned = those of them with outcome ABANDONED;
 *   <li>abandonment rate = 100 × abandoned / started, within 0..100; undefined (empty) when started = 0
 *       (e.g. 500 calls received, 450 handled: 50 abandoned of 500 started → exactly 10 %);
 *   <li>95 % Wilson score interval of the rate, as for CSAT % ({@link Proportion#wilsonInterval});
 *   <li>small sample when n &lt; 30 ({@link SampleSize});
 *   <li>change between two periods: current rate − baseline rate, in percentage points, tested with the pooled
 *       two-proportion z-test that CSAT % uses ({@link Proportion#significanceOfChange}). A positive z means more
 *       abandonment, which is worse.
 * </ul>
 *
 * No rounding: full double precision.
 */
public final class Abandonment {

  private Abandonment() {}

  /**
   * The abandonment rate of {@code abandoned} of {@code started} interactions ({@code 0 <= abandoned <= started});
   * empty when {@code started} is 0.
   */
  public static Optional<AbandonmentResult> of(long started, long abandoned) {
    if (started < 0 || abandoned < 0 || abandoned > started) {
      throw new IllegalArgumentException("need 0 <= abandoned " + abandoned + " <= started " + started);
    }
    if (started == 0) {
      return Optional.empty();
    }
    return Optional.of(new AbandonmentResult(started, abandoned, Proportion.percent(abandoned, started),
        Proportion.wilsonInterval(abandoned, started)));
  }

  /** The change of the rate from {@code baseline} to {@code current} and its pooled two-proportion test. */
  public static Change change(AbandonmentResult current, AbandonmentResult baseline) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    return new Change(current.rate() - baseline.rate(), Proportion.significanceOfChange(
        current.abandoned(), current.started(), baseline.abandoned(), baseline.started()));
  }

  /** The change between two periods, when the rate is defined in both (started > 0 on each side). */
  public static Optional<Change> change(Optional<AbandonmentResult> current, Optional<AbandonmentResult> baseline) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    return current.isPresent() && baseline.isPresent()
        ? Optional.of(change(current.get(), baseline.get()))
        : Optional.empty();
  }
}

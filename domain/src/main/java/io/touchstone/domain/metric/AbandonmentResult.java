package io.touchstone.domain.metric;

import java.util.Objects;

/**
 * Abandonment at a touchpoint over {@code started > 0} interactions, {@code abandoned} of them abandoned:
 * {@code rate} = 100 × abandoned / started (within 0..100) and its 95 % Wilson interval. See {@link Abandonment}.
 */
public record AbandonmentResult(long started, long abandoned, double rate, ConfidenceInterval confidenceInterval) {

  public AbandonmentResult {
    Objects.requireNonNull(confidenceInterval, "confidenceInterval");
    if (started <= 0 || abandoned < 0 || abandoned > started) {
      throw new IllegalArgumentException("need 0 <= abandoned " + abandoned + " <= started " + started
          + " and started > 0");
    }
    if (!(rate >= 0 && rate <= 100)) {
      throw new IllegalArgumentException("rate " + rate + " outside 0..100");
    }
  }

  /** The sample size: the started interactions. */
  public long n() {
    return started;
  }

  /** Interactions that were not abandoned: started − abandoned. */
  public long completed() {
    return started - abandoned;
  }

  /** n < 30: read the figure with care ({@link SampleSize}). */
  public boolean smallSample() {
    return SampleSize.isSmall(started);
  }
}

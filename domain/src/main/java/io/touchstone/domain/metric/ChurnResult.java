package io.touchstone.domain.metric;

/**
 * Churn over a period: of {@code activeAtStart > 0} customers active when it began, {@code lost} were lost during it;
 * {@code rate} = 100 × lost / activeAtStart (within 0..100). See {@link Churn}.
 */
public record ChurnResult(long activeAtStart, long lost, double rate) {

  public ChurnResult {
    if (activeAtStart <= 0 || lost < 0 || lost > activeAtStart) {
      throw new IllegalArgumentException("need 0 <= lost " + lost + " <= activeAtStart " + activeAtStart
          + " and activeAtStart > 0");
    }
    if (!(rate >= 0 && rate <= 100)) {
      throw new IllegalArgumentException("rate " + rate + " outside 0..100");
    }
  }

  /** The sample size: the customers active at the start of the period. */
  public long n() {
    return activeAtStart;
  }

  /** n < 30: read the figure with care ({@link SampleSize}). */
  public boolean smallSample() {
    return SampleSize.isSmall(activeAtStart);
  }
}

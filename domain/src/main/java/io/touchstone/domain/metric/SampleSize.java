package io.touchstone.domain.metric;

/** Small-sample warnings: a figure over fewer than {@value #SMALL_SAMPLE_THRESHOLD} observations is flagged. */
public final class SampleSize {

  public static final long SMALL_SAMPLE_THRESHOLD = 30;

  private SampleSize() {}

  /** {@code n < 30}; {@code n >= 0}. */
  public static boolean isSmall(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    return n < SMALL_SAMPLE_THRESHOLD;
  }
}

package io.touchstone.domain.metric;

/**
 * Customer satisfaction over {@code n > 0} answers: {@code satisfied} answered at least
 * {@code satisfiedFrom}; {@code percentSatisfied} within 0..100; {@code mean} score. See {@link Csat}.
 */
public record CsatResult(long n, long satisfied, int satisfiedFrom, double percentSatisfied, double mean) {

  public CsatResult {
    if (n <= 0 || satisfied < 0 || satisfied > n) {
      throw new IllegalArgumentException("need 0 <= satisfied " + satisfied + " <= n " + n + " and n > 0");
    }
    if (satisfiedFrom < 1) {
      throw new IllegalArgumentException("satisfiedFrom must be >= 1, got " + satisfiedFrom);
    }
    if (!(percentSatisfied >= 0 && percentSatisfied <= 100)) {
      throw new IllegalArgumentException("percentSatisfied " + percentSatisfied + " outside 0..100");
    }
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean must be finite, got " + mean);
    }
  }
}

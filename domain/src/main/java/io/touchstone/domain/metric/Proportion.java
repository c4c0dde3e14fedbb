package io.touchstone.domain.metric;

import java.util.Optional;

/**
 * A share of {@code successes} among {@code n} observations, in percent: the one place where the formulas of every
 * percentage metric over one share live (CSAT %, abandonment rate, churn rate).
 *
 * <ul>
 *   <li>percent = 100 × successes / n, for n > 0;
 *   <li>95 % Wilson score interval, z = 1.96, p = successes / n: centre = (p + z²/2n) / (1 + z²/n),
 *       half width = z × sqrt(p (1 − p) / n + z²/4n²) / (1 + z²/n), both × 100, within 0..100;
 *   <li>change between two independent samples: the two-proportion z-test with the pooled share
 *       p̂ = (s₁ + s₀) / (n₁ + n₀), z = (100 s₁/n₁ − 100 s₀/n₀) / (100 × sqrt(p̂ (1 − p̂) (1/n₁ + 1/n₀))).
 * </ul>
 *
 * No rounding: full double precision.
 */
public final class Proportion {

  private Proportion() {}

  /** 100 × successes / n; {@code 0 <= successes <= n}, {@code n > 0}. */
  public static double percent(long successes, long n) {
    requireCounts(successes, n);
    return 100.0 * successes / n;
  }

  /**
   * The 95 % Wilson score interval of the share {@code successes} of {@code n > 0}, in percent (within 0..100).
   * Unlike the Wald interval it does not collapse to a point at 0 % or 100 %, and it always contains the estimate.
   */
  public static ConfidenceInterval wilsonInterval(long successes, long n) {
    requireCounts(successes, n);
    double z = Nps.Z_95;
    double p = (double) successes / n;
    double zz = z * z;
    double denominator = 1 + zz / n;
    double centre = (p + zz / (2.0 * n)) / denominator;
    double halfWidth = z * Math.sqrt(p * (1 - p) / n + zz / (4.0 * n * n)) / denominator;
    // the exact bounds are 0 % at p = 0 and 100 % at p = 1; rounding must not push them past the estimate
    double estimate = 100.0 * successes / n;
    double lower = successes == 0 ? 0 : Math.min(estimate, Math.max(0, 100 * (centre - halfWidth)));
    double upper = successes == n ? 100 : Math.max(estimate, Math.min(100, 100 * (centre + halfWidth)));
    return new ConfidenceInterval(lower, upper);
  }

  /**
   * The pooled two-proportion z-test of the change from {@code baselineSuccesses} of {@code baselineN} to
   * {@code currentSuccesses} of {@code currentN} (both n > 0), in percentage points; empty when the pooled share is
   * 0 or 1 (no spread, so no standard error).
   */
  public static Optional<Significance> significanceOfChange(long currentSuccesses, long currentN,
      long baselineSuccesses, long baselineN) {
    requireCounts(currentSuccesses, currentN);
    requireCounts(baselineSuccesses, baselineN);
    double pooled = (double) (currentSuccesses + baselineSuccesses) / (currentN + baselineN);
    double error = 100 * Math.sqrt(pooled * (1 - pooled) * (1.0 / currentN + 1.0 / baselineN));
    return Significance.of(percent(currentSuccesses, currentN) - percent(baselineSuccesses, baselineN), error);
  }

  private static void requireCounts(long successes, long n) {
    if (n <= 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException("need 0 <= successes " + successes + " <= n " + n + " and n > 0");
    }
  }
}

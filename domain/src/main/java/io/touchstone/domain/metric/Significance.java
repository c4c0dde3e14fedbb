package io.touchstone.domain.metric;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a figure changed significantly between two independent samples (a current period and its baseline): a
 * two-sided z-test at 95 %, significant when |z| ≥ 1.96. The test is undefined (empty) when the standard error of
 * the difference is 0 or cannot be estimated.
 *
 * <ul>
 *   <li>NPS and CES net (a difference of two shares): z = Δ / sqrt(SE₁² + SE₀²) with each sample's
 *       SE = 100 × sqrt((p + d − (p − d)²) / n), the variance of PRODUCT.md (p promoters or agree, d detractors or
 *       disagree);
 *   <li>CSAT % and abandonment rate (one share): the two-proportion z-test with the pooled share
 *       p̂ = (s₁ + s₀) / (n₁ + n₀), z = (p₁ − p₀) / sqrt(p̂ (1 − p̂) (1/n₁ + 1/n₀)) ({@link Proportion});
 *   <li>means (CSAT mean, CES mean): Welch's large-sample z-test, z = (m₁ − m₀) / sqrt(s₁²/n₁ + s₀²/n₀) with the
 *       sample variances s² (needs n ≥ 2 on both sides).
 * </ul>
 *
 * @param z the test statistic, current minus baseline over the standard error of the difference
 */
public record Significance(double z, boolean significant) {

  /** Two-sided 95 %: the change is significant when |z| reaches this. */
  public static final double CRITICAL_Z = Nps.Z_95;

  public Significance {
    if (!Double.isFinite(z)) {
      throw new IllegalArgumentException("z must be finite, got " + z);
    }
    if (significant != (Math.abs(z) >= CRITICAL_Z)) {
      throw new IllegalArgumentException("significant must be |z| >= " + CRITICAL_Z + " for z = " + z);
    }
  }

  /** The test of {@code difference} with standard error {@code standardError}; empty when the error is not > 0. */
  public static Optional<Significance> of(double difference, double standardError) {
    if (!(standardError > 0) || !Double.isFinite(difference)) {
      return Optional.empty();
    }
    double z = difference / standardError;
    if (!Double.isFinite(z)) {
      return Optional.empty();
    }
    return Optional.of(new Significance(z, Math.abs(z) >= CRITICAL_Z));
  }

  /** The change of NPS from {@code baseline} to {@code current}. */
  public static Optional<Significance> ofNps(NpsResult current, NpsResult baseline) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    double error = Math.hypot(
        netStandardError(current.promoters(), current.detractors(), current.n()),
        netStandardError(baseline.promoters(), baseline.detractors(), baseline.n()));
    return of(current.score() - baseline.score(), error);
  }

  /** The change of CES net from {@code baseline} to {@code current}; both on the same scale. */
  public static Optional<Significance> ofCesNet(CesResult current, CesResult baseline) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    double error = Math.hypot(
        netStandardError(current.agree(), current.disagree(), current.n()),
        netStandardError(baseline.agree(), baseline.disagree(), baseline.n()));
    return of(current.net() - baseline.net(), error);
  }

  /** The change of CSAT % from {@code baseline} to {@code current} (pooled two-proportion test, {@link Proportion}). */
  public static Optional<Significance> ofCsatPercent(CsatResult current, CsatResult baseline) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    return Proportion.significanceOfChange(current.satisfied(), current.n(), baseline.satisfied(), baseline.n());
  }

  /** The change of the mean score from {@code baseline} to {@code current}, histograms on the same scale. */
  public static Optional<Significance> ofMean(ScoreHistogram current, ScoreHistogram baseline) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    if (current.min() != baseline.min() || current.max() != baseline.max()) {
      throw new IllegalArgumentException("means on different scales cannot be compared");
    }
    if (current.n() < 2 || baseline.n() < 2) {
      return Optional.empty();
    }
    double currentVariance = current.sumOfSquaredDeviations() / (current.n() - 1);
    double baselineVariance = baseline.sumOfSquaredDeviations() / (baseline.n() - 1);
    double error = Math.sqrt(currentVariance / current.n() + baselineVariance / baseline.n());
    return of(current.sum() / current.n() - baseline.sum() / baseline.n(), error);
  }

  /** 100 × sqrt((p + d − (p − d)²) / n) for p = positive / n, d = negative / n. */
  private static double netStandardError(long positive, long negative, long n) {
    double p = (double) positive / n;
    double d = (double) negative / n;
    return 100 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / n);
  }
}

package io.touchstone.domain.metric;

import java.util.Objects;
import java.util.Optional;

/**
 * Net Promoter Score over answers on the 0–10 scale.
 *
 * <ul>
 *   <li>promoters P answer 9–10, passives 7–8, detractors D 0–6; n answers in total;
 *   <li>NPS = 100 × (P − D) / n, within −100..+100; shares p = P / n, d = D / n (fractions 0..1);
 *   <li>SE = sqrt((p + d − (p − d)²) / n);
 *   <li>95 % CI = NPS ± 1.96 × 100 × SE, clamped to [−100, +100]: this Wald interval can overshoot
 *       the metric's range near its bounds, and values outside that range are impossible.
 * </ul>
 *
 * No rounding: full double precision.
 */
public final class Nps {

  /** 1.96: two-sided 95 % normal quantile. */
  public static final double Z_95 = 1.96;
  public static final double MIN_SCORE = -100;
  public static final double MAX_SCORE = 100;

  private Nps() {}

  /** NPS of {@code answers}, a histogram on the 0..10 scale; empty when there are no answers. */
  public static Optional<NpsResult> of(ScoreHistogram answers) {
    Objects.requireNonNull(answers, "answers");
    if (answers.min() != 0 || answers.max() != 10) {
      throw new IllegalArgumentException("NPS needs a 0..10 scale, got " + answers.min() + ".." + answers.max());
    }
    long n = answers.n();
    if (n == 0) {
      return Optional.empty();
    }
    long promoters = answers.countBetween(9, 10);
    long passives = answers.countBetween(7, 8);
    long detractors = answers.countBetween(0, 6);
    double p = (double) promoters / n;
    double d = (double) detractors / n;
    double score = 100.0 * (promoters - detractors) / n;
    // p + d >= (p - d)² always; the guard only absorbs floating-point noise.
    double standardError = Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / n);
    double halfWidth = Z_95 * 100 * standardError;
    var interval = new ConfidenceInterval(
        Math.max(MIN_SCORE, score - halfWidth), Math.min(MAX_SCORE, score + halfWidth));
    return Optional.of(new NpsResult(
        n, promoters, passives, detractors, p, (double) passives / n, d, score, interval));
  }
}

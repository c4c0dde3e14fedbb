package io.touchstone.domain.metric;

import java.util.Objects;

/**
 * Net Promoter Score over {@code n > 0} answers: group counts, group shares (fractions 0..1), the
 * score (−100..+100) and its 95 % confidence interval. See {@link Nps}.
 */
public record NpsResult(
    long n,
    long promoters,
    long passives,
    long detractors,
    double promoterShare,
    double passiveShare,
    double detractorShare,
    double score,
    ConfidenceInterval confidenceInterval) {

  public NpsResult {
    Objects.requireNonNull(confidenceInterval, "confidenceInterval");
    if (n <= 0 || promoters < 0 || passives < 0 || detractors < 0
        || promoters + passives + detractors != n) {
      throw new IllegalArgumentException("promoters " + promoters + " + passives " + passives
          + " + detractors " + detractors + " must be non-negative and add up to n " + n + " > 0");
    }
    if (!(score >= -100 && score <= 100)) {
      throw new IllegalArgumentException("score " + score + " outside -100..100");
    }
  }
}

package io.touchstone.domain.metric;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Customer satisfaction (CSAT) over answers on a 1..points scale, points ∈ {3, 5, 7, 10}.
 *
 * <ul>
 *   <li>satisfied = answers ≥ satisfiedFrom (by default the top point of a 3-point scale, the top two
 *       points of a 5- or 7-point scale, 8–10 on a 10-point scale);
 *   <li>CSAT % = 100 × satisfied / n;
 *   <li>mean = Σ score × count / n.
 * </ul>
 *
 * No rounding: full double precision.
 */
public final class Csat {

  /** Supported numbers of points; the scale is always 1..points. */
  public static final Set<Integer> SUPPORTED_SCALES = Set.of(3, 5, 7, 10);

  private Csat() {}

  /** Default lowest satisfied score on a 1..points scale: 3 → 3, 5 → 4, 7 → 6, 10 → 8. */
  public static int defaultSatisfiedFrom(int points) {
    return switch (points) {
      case 3 -> 3;
      case 5 -> 4;
      case 7 -> 6;
      case 10 -> 8;
      default -> throw new IllegalArgumentException(
          "unsupported CSAT scale 1.." + points + ", supported points: " + SUPPORTED_SCALES);
    };
  }

  /** CSAT of {@code answers} with the scale's {@linkplain #defaultSatisfiedFrom default threshold}. */
  public static Optional<CsatResult> of(ScoreHistogram answers) {
    return of(answers, defaultSatisfiedFrom(requireScale(answers)));
  }

  /**
   * CSAT of {@code answers}, a histogram on 1..points with points in {@link #SUPPORTED_SCALES}, counting
   * answers ≥ {@code satisfiedFrom} (within [1, points]) as satisfied; empty when there are no answers.
   */
  public static Optional<CsatResult> of(ScoreHistogram answers, int satisfiedFrom) {
    int points = requireScale(answers);
    if (satisfiedFrom < 1 || satisfiedFrom > points) {
      throw new IllegalArgumentException("satisfiedFrom " + satisfiedFrom + " outside scale 1.." + points);
    }
    long n = answers.n();
    if (n == 0) {
      return Optional.empty();
    }
    long satisfied = answers.countBetween(satisfiedFrom, points);
    return Optional.of(new CsatResult(
        n, satisfied, satisfiedFrom, Proportion.percent(satisfied, n), answers.sum() / n));
  }

  /**
   * The 95 % Wilson score interval of CSAT % for {@code satisfied} of {@code n > 0} answers, in percent (within
   * 0..100): {@link Proportion#wilsonInterval}. Unlike the Wald interval it does not collapse to a point at 0 % or
   * 100 %, and it always contains the estimate.
   */
  public static ConfidenceInterval confidenceInterval(long satisfied, long n) {
    return Proportion.wilsonInterval(satisfied, n);
  }

  private static int requireScale(ScoreHistogram answers) {
    Objects.requireNonNull(answers, "answers");
    if (answers.min() != 1 || !SUPPORTED_SCALES.contains(answers.max())) {
      throw new IllegalArgumentException("unsupported CSAT scale " + answers.min() + ".." + answers.max()
          + ", expected 1..points with points in " + SUPPORTED_SCALES);
    }
    return answers.max();
  }
}

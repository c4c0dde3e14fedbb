package io.touchstone.domain.metric;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Customer Effort Score (CES) over answers on a 1..points scale, points ∈ {5, 7, 10}.
 *
 * <ul>
 *   <li>each answer is {@linkplain #normalise normalised} so that higher means easier;
 *   <li>CES mean = Σ normalised scores / n;
 *   <li>midpoint = (1 + points) / 2; agree = normalised score above it, disagree below it, neutral at
 *       it (only on odd scales);
 *   <li>CES net = 100 × (agree − disagree) / n, within −100..+100.
 * </ul>
 *
 * No rounding: full double precision. Scales are never mixed: one histogram, one scale.
 */
public final class Ces {

  /** Supported numbers of points; the scale is always 1..points. */
  public static final Set<Integer> SUPPORTED_SCALES = Set.of(5, 7, 10);

  private Ces() {}

  /**
   * Normalises one raw answer on 1..points so that higher means easier: {@code HIGHER_IS_EASIER} keeps
   * it, {@code HIGHER_IS_HARDER} maps s → (1 + points) − s.
   */
  public static int normalise(int rawScore, int points, CesOrientation orientation) {
    Objects.requireNonNull(orientation, "orientation");
    requireSupported(points);
    if (rawScore < 1 || rawScore > points) {
      throw new IllegalArgumentException("score " + rawScore + " outside scale 1.." + points);
    }
    return switch (orientation) {
      case HIGHER_IS_EASIER -> rawScore;
      case HIGHER_IS_HARDER -> 1 + points - rawScore;
    };
  }

  /**
   * The histogram of {@code rawAnswers} (on 1..points) after {@linkplain #normalise normalisation}: unchanged for
   * {@code HIGHER_IS_EASIER}, turned around for {@code HIGHER_IS_HARDER}. Normalised histograms of questions on the
   * same scale can be added up, whatever their orientation.
   */
  public static ScoreHistogram normalised(ScoreHistogram rawAnswers, CesOrientation orientation) {
    Objects.requireNonNull(rawAnswers, "rawAnswers");
    Objects.requireNonNull(orientation, "orientation");
    if (rawAnswers.min() != 1) {
      throw new IllegalArgumentException("CES needs a 1..points scale, got " + rawAnswers.min() + ".." + rawAnswers.max());
    }
    requireSupported(rawAnswers.max());
    return switch (orientation) {
      case HIGHER_IS_EASIER -> rawAnswers;
      case HIGHER_IS_HARDER -> rawAnswers.reversed();
    };
  }

  /** CES of {@code rawAnswers}, a histogram of raw answers on 1..points; empty when there are no answers. */
  public static Optional<CesResult> of(ScoreHistogram rawAnswers, CesOrientation orientation) {
    Objects.requireNonNull(rawAnswers, "rawAnswers");
    Objects.requireNonNull(orientation, "orientation");
    if (rawAnswers.min() != 1) {
      throw new IllegalArgumentException("CES needs a 1..points scale, got " + rawAnswers.min() + ".." + rawAnswers.max());
    }
    int points = requireSupported(rawAnswers.max());
    long n = rawAnswers.n();
    if (n == 0) {
      return Optional.empty();
    }
    double sum = 0;
    long agree = 0;
    long neutral = 0;
    long disagree = 0;
    for (int raw = 1; raw <= points; raw++) {
      long count = rawAnswers.count(raw);
      int score = normalise(raw, points, orientation);
      sum += (double) score * count;
      // score vs midpoint (1 + points) / 2, compared in integers: 2 × score vs 1 + points
      int side = Integer.compare(2 * score, 1 + points);
      if (side > 0) {
        agree += count;
      } else if (side < 0) {
        disagree += count;
      } else {
        neutral += count;
      }
    }
    return Optional.of(new CesResult(n, points, sum / n, 100.0 * (agree - disagree) / n, agree, neutral, disagree));
  }

  private static int requireSupported(int points) {
    if (!SUPPORTED_SCALES.contains(points)) {
      throw new IllegalArgumentException("unsupported CES scale 1.." + points + ", supported points: " + SUPPORTED_SCALES);
    }
    return points;
  }
}

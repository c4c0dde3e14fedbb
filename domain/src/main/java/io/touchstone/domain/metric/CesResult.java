package io.touchstone.domain.metric;

/**
 * Customer effort over {@code n > 0} answers on a 1..points scale, normalised so that higher means
 * easier: {@code mean} (within [1, points]), {@code net} (within −100..+100) and the counts above
 * ({@code agree}), at ({@code neutral}) and below ({@code disagree}) the midpoint. See {@link Ces}.
 */
public record CesResult(long n, int points, double mean, double net, long agree, long neutral, long disagree) {

  public CesResult {
    if (n <= 0 || agree < 0 || neutral < 0 || disagree < 0 || agree + neutral + disagree != n) {
      throw new IllegalArgumentException("agree " + agree + " + neutral " + neutral + " + disagree "
          + disagree + " must be non-negative and add up to n " + n + " > 0");
    }
    if (points < 2) {
      throw new IllegalArgumentException("points must be >= 2, got " + points);
    }
    if (!(mean >= 1 && mean <= points)) {
      throw new IllegalArgumentException("mean " + mean + " outside 1.." + points);
    }
    if (!(net >= -100 && net <= 100)) {
      throw new IllegalArgumentException("net " + net + " outside -100..100");
    }
  }
}

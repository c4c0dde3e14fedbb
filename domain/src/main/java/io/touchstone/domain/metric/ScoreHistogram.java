package io.touchstone.domain.metric;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Counts of answers per integer score on a closed scale {@code [min, max]}. Immutable.
 *
 * <p>Scores inside the scale without answers count 0; scores outside the scale are a programming
 * error ({@link IllegalArgumentException}).
 */
public final class ScoreHistogram {

  private final int min;
  private final int max;
  private final long[] counts;
  private final long n;

  private ScoreHistogram(int min, int max, long[] counts) {
    this.min = min;
    this.max = max;
    this.counts = counts;
    long total = 0;
    for (long count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("counts must be >= 0, got " + count);
      }
      try {
        total = Math.addExact(total, count);
      } catch (ArithmeticException overflow) {
        throw new IllegalArgumentException("total count overflows a long", overflow);
      }
    }
    this.n = total;
  }

  /** A histogram on {@code [min, max]} without answers; {@code min <= max}. */
  public static ScoreHistogram empty(int min, int max) {
    return new ScoreHistogram(min, max, new long[size(min, max)]);
  }

  /** A histogram on {@code [min, max]}; {@code counts[i]} is the count of score {@code min + i}, all {@code >= 0}. */
  public static ScoreHistogram of(int min, int max, long... counts) {
    int size = size(min, max);
    if (counts.length != size) {
      throw new IllegalArgumentException(
          "expected " + size + " counts for scale " + min + ".." + max + ", got " + counts.length);
    }
    return new ScoreHistogram(min, max, counts.clone());
  }

  private static int size(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    long size = (long) max - min + 1;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("scale " + min + ".." + max + " is too wide");
    }
    return (int) size;
  }

  /** A new histogram with {@code count >= 0} more answers of {@code score}. */
  public ScoreHistogram plus(int score, long count) {
    int index = indexOf(score);
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    long[] next = counts.clone();
    try {
      next[index] = Math.addExact(next[index], count);
    } catch (ArithmeticException overflow) {
      throw new IllegalArgumentException("count of score " + score + " overflows a long", overflow);
    }
    return new ScoreHistogram(min, max, next);
  }

  /** The sum of this histogram and {@code other}, which must be on the same scale. */
  public ScoreHistogram plus(ScoreHistogram other) {
    if (other.min != min || other.max != max) {
      throw new IllegalArgumentException("cannot add a histogram on " + other.min + ".." + other.max
          + " to one on " + min + ".." + max);
    }
    long[] next = counts.clone();
    for (int i = 0; i < next.length; i++) {
      try {
        next[i] = Math.addExact(next[i], other.counts[i]);
      } catch (ArithmeticException overflow) {
        throw new IllegalArgumentException("count of score " + (min + i) + " overflows a long", overflow);
      }
    }
    return new ScoreHistogram(min, max, next);
  }

  /** The same answers on the scale turned around: score s counts as {@code min + max − s}. */
  public ScoreHistogram reversed() {
    long[] next = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      next[counts.length - 1 - i] = counts[i];
    }
    return new ScoreHistogram(min, max, next);
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** Number of answers of {@code score}, which must lie within {@code [min, max]}. */
  public long count(int score) {
    return counts[indexOf(score)];
  }

  /** Total number of answers. */
  public long n() {
    return n;
  }

  /**
   * Number of answers with a score in {@code [fromInclusive, toInclusive]} intersected with the scale
   * (0 if they do not overlap); {@code fromInclusive <= toInclusive}.
   */
  public long countBetween(int fromInclusive, int toInclusive) {
    if (fromInclusive > toInclusive) {
      throw new IllegalArgumentException("from " + fromInclusive + " > to " + toInclusive);
    }
    long total = 0;
    for (long score = Math.max(fromInclusive, min); score <= Math.min(toInclusive, max); score++) {
      total += counts[(int) (score - min)];
    }
    return total;
  }

  /** Σ score × count over the scale. */
  public double sum() {
    double sum = 0;
    for (int i = 0; i < counts.length; i++) {
      sum += ((double) min + i) * counts[i];
    }
    return sum;
  }

  /**
   * Σ (score − mean)² × count: the sum of squared deviations from the mean, 0 without answers. Divided by n − 1 it
   * is the sample variance.
   */
  public double sumOfSquaredDeviations() {
    if (n == 0) {
      return 0;
    }
    double mean = sum() / n;
    double total = 0;
    for (int i = 0; i < counts.length; i++) {
      double deviation = min + i - mean;
      total += deviation * deviation * counts[i];
    }
    return total;
  }

  private int indexOf(int score) {
    if (score < min || score > max) {
      throw new IllegalArgumentException("score " + score + " outside scale " + min + ".." + max);
    }
    return score - min;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScoreHistogram that
        && min == that.min
        && max == that.max
        && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Integer.hashCode(min) + Integer.hashCode(max)) + Arrays.hashCode(counts);
  }

  /** For example {@code ScoreHistogram[0..10]{9=3, 10=2}}: only scores with answers are listed. */
  @Override
  public String toString() {
    StringJoiner answered = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        answered.add((min + i) + "=" + counts[i]);
      }
    }
    return "ScoreHistogram[" + min + ".." + max + "]" + answered;
  }
}

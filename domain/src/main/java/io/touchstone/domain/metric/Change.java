package io.touchstone.domain.metric;

import java.util.Objects;
import java.util.Optional;

/**
 * How a figure moved from a baseline period to the current one: {@code difference} = current − baseline (in the
 * figure's own unit: points of NPS, percentage points, score points) and the two-sided 95 % test of that difference
 * (empty when the test is undefined, e.g. a standard error of 0).
 */
public record Change(double difference, Optional<Significance> significance) {

  public Change {
    Objects.requireNonNull(significance, "significance");
    if (!Double.isFinite(difference)) {
      throw new IllegalArgumentException("difference must be finite, got " + difference);
    }
  }

  /** Whether the test exists and finds the change significant (|z| ≥ 1.96). */
  public boolean significant() {
    return significance.map(Significance::significant).orElse(false);
  }
}

package io.touchstone.domain.metric;

/** A closed interval {@code [lower, upper]} around an estimate; {@code lower <= upper}, neither NaN. */
public record ConfidenceInterval(double lower, double upper) {

  public ConfidenceInterval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower " + lower + " must be <= upper " + upper);
    }
  }

  /** {@code upper − lower}. */
  public double width() {
    return upper - lower;
  }

  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }
}

package io.touchstone.domain.metric;

/** Which end of a CES question's scale means less effort. */
public enum CesOrientation {
  /** Agree scale, e.g. "The company made it easy to handle my issue" — the default. */
  HIGHER_IS_EASIER,
  /** Effort scale, e.g. "How much effort did you have to put in?". */
  HIGHER_IS_HARDER
}

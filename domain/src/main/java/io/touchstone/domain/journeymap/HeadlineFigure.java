package io.touchstone.domain.journeymap;

import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.metric.Ces;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.Change;
import io.touchstone.domain.metric.ConfidenceInterval;
import io.touchstone.domain.metric.Csat;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.Nps;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.SampleSize;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.metric.Significance;
import java.util.Objects;
import java.util.Optional;

/**
 * A headline figure over one period, compared with the previous period.
 *
 * <ul>
 *   <li>{@code metric}: NPS, CSAT % or CES mean, with the formulas of {@code domain.metric}; {@code n} answers
 *       in the period, {@code value} absent when n = 0;
 *   <li>{@code confidenceInterval}: the 95 % interval of NPS (Wald, clamped) or CSAT % (Wilson); none for the CES
 *       mean, as in the metrics query;
 *   <li>{@code previousN}, {@code previousValue}: the same over the previous period;
 *   <li>{@code change}: value − previous value, present when both are defined, with the test the metrics query uses
 *       ({@link Significance#ofNps}, {@link Significance#ofCsatPercent}, {@link Significance#ofMean} over normalised
 *       CES answers); the test is absent when undefined (standard error 0, a mean over fewer than 2 answers).
 * </ul>
 *
 * For all three metrics higher is better (CES is normalised so that higher means easier): a negative change is a
 * worsening.
 */
public record HeadlineFigure(Metric metric, long n, Optional<Double> value,
    Optional<ConfidenceInterval> confidenceInterval, long previousN, Optional<Double> previousValue,
    Optional<Change> change) {

  public HeadlineFigure {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(confidenceInterval, "confidenceInterval");
    Objects.requireNonNull(previousValue, "previousValue");
    Objects.requireNonNull(change, "change");
    if (n < 0 || previousN < 0) {
      throw new IllegalArgumentException("n " + n + " and previousN " + previousN + " must be >= 0");
    }
    if (metric != Metric.NPS && metric != Metric.CSAT_PERCENT && metric != Metric.CES_MEAN) {
      throw new IllegalArgumentException("a headline is NPS, CSAT % or CES mean, not " + metric);
    }
  }

  /** n < 30 in the period: read the figure with care. */
  public boolean smallSample() {
    return SampleSize.isSmall(n);
  }

  /** Whether the change against the previous period is significant (the test exists and |z| ≥ 1.96). */
  public boolean significantChange() {
    return change.map(Change::significant).orElse(false);
  }

  /**
   * The figure of {@code metric} over the raw answers to its question in the period ({@code current}) and in the
   * previous period ({@code previous}), both on the question's scale.
   */
  public static HeadlineFigure of(HeadlineMetric metric, ScoreHistogram current, ScoreHistogram previous) {
    Objects.requireNonNull(metric, "metric");
    requireScale(metric, current);
    requireScale(metric, previous);
    return switch (metric) {
      case HeadlineMetric.Nps ignored -> ofNormalised(Metric.NPS, 0, current, previous);
      case HeadlineMetric.CsatPercent csat -> ofNormalised(Metric.CSAT_PERCENT, csat.satisfiedFrom(), current,
          previous);
      case HeadlineMetric.CesMean ces -> ofNormalised(Metric.CES_MEAN, 0,
          Ces.normalised(current, ces.orientation()), Ces.normalised(previous, ces.orientation()));
    };
  }

  /**
   * The figure over answers already normalised (CES: higher is easier), so that histograms of several questions on
   * one scale can be added up first; {@code satisfiedFrom} is used by CSAT % only.
   */
  static HeadlineFigure ofNormalised(Metric metric, int satisfiedFrom, ScoreHistogram current,
      ScoreHistogram previous) {
    return switch (metric) {
      case NPS -> {
        Optional<NpsResult> now = Nps.of(current);
        Optional<NpsResult> then = Nps.of(previous);
        yield new HeadlineFigure(metric, current.n(), now.map(NpsResult::score),
            now.map(NpsResult::confidenceInterval), previous.n(), then.map(NpsResult::score),
            now.flatMap(a -> then.map(b -> new Change(a.score() - b.score(), Significance.ofNps(a, b)))));
      }
      case CSAT_PERCENT -> {
        Optional<CsatResult> now = Csat.of(current, satisfiedFrom);
        Optional<CsatResult> then = Csat.of(previous, satisfiedFrom);
        yield new HeadlineFigure(metric, current.n(), now.map(CsatResult::percentSatisfied),
            now.map(c -> Csat.confidenceInterval(c.satisfied(), c.n())), previous.n(),
            then.map(CsatResult::percentSatisfied),
            now.flatMap(a -> then.map(b -> new Change(a.percentSatisfied() - b.percentSatisfied(),
                Significance.ofCsatPercent(a, b)))));
      }
      case CES_MEAN -> {
        Optional<CesResult> now = Ces.of(current, CesOrientation.HIGHER_IS_EASIER);
        Optional<CesResult> then = Ces.of(previous, CesOrientation.HIGHER_IS_EASIER);
        yield new HeadlineFigure(metric, current.n(), now.map(CesResult::mean), Optional.empty(), previous.n(),
            then.map(CesResult::mean),
            now.flatMap(a -> then.map(b -> new Change(a.mean() - b.mean(), Significance.ofMean(current, previous)))));
      }
      case CSAT_MEAN, CES_NET, RESPONSE_COUNT, ABANDONMENT_RATE, CHURN_RATE ->
          throw new IllegalArgumentException("a headline is NPS, CSAT % or CES mean, not " + metric);
    };
  }

  private static void requireScale(HeadlineMetric metric, ScoreHistogram answers) {
    Objects.requireNonNull(answers, "answers");
    ScoreHistogram scale = metric.emptyAnswers();
    if (answers.min() != scale.min() || answers.max() != scale.max()) {
      throw new IllegalArgumentException("answers on " + answers.min() + ".." + answers.max() + " for a question on "
          + scale.min() + ".." + scale.max());
    }
  }
}

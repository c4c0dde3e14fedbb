package io.touchstone.domain.journeymap;

import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.metric.Abandonment;
import io.touchstone.domain.metric.AbandonmentResult;
import io.touchstone.domain.metric.Ces;
import io.touchstone.domain.metric.Change;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.response.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The "where does it break" view of one journey over one period: every stage (by its order) and every touchpoint
 * (in the order given within its stage, retired ones included) with
 *
 * <ul>
 *   <li>volume = interactions started in the period;
 *   <li>abandonment = {@link Abandonment} over the interactions started and abandoned in the period (n = volume;
 *       absent when the volume is 0), with its 95 % Wilson interval;
 *   <li>responses = responses in the period;
 *   <li>headline = the {@link HeadlineFigure} of the touchpoint's attached survey ({@link HeadlineMetric#of the rule})
 *       over the period, with its 95 % interval and its change against the previous period and the change's test;
 *       absent for a touchpoint without a headline metric.
 * </ul>
 *
 * A stage adds up its touchpoints: volume, abandoned and responses are sums, abandonment is computed over the sums,
 * and its headline is computed over the sum of its touchpoints' (normalised) answers when all its touchpoints with a
 * headline share one metric and scale (NPS; CSAT % on one scale with one threshold; CES mean on one scale, either
 * orientation); otherwise — or when no touchpoint has one — the stage has no headline, since scales are never mixed.
 *
 * <p>{@code significantChanges} lists the touchpoints whose headline change is significant (|z| ≥ 1.96), by z from
 * the lowest (the sharpest significant worsening first, improvements last), then by stage order and position.
 */
public record JourneyMap(List<StageView> stages, List<SignificantChange> significantChanges) {

  public JourneyMap {
    stages = List.copyOf(stages);
    significantChanges = List.copyOf(significantChanges);
  }

  /** A stage of the journey: id, name and its position among the stages (distinct per journey). */
  public record StageInput(StageId id, String name, int order) {

    public StageInput {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }
  }

  /** The headline metric of a touchpoint and the raw answers to its question in the period and the one before. */
  public record HeadlineInput(HeadlineMetric metric, ScoreHistogram current, ScoreHistogram previous) {

    public HeadlineInput {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(previous, "previous");
    }
  }

  /**
   * A touchpoint of {@code stage} and what was counted there in the period: interactions started and abandoned
   * ({@code 0 <= abandoned <= started}), responses ({@code >= 0}), and its headline answers if it has a headline.
   */
  public record TouchpointInput(TouchpointId id, StageId stage, String name, Channel channel,
      TouchpointStatus status, long started, long abandoned, long responses, Optional<HeadlineInput> headline) {

    public TouchpointInput {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(headline, "headline");
      if (started < 0 || abandoned < 0 || abandoned > started || responses < 0) {
        throw new IllegalArgumentException("need 0 <= abandoned " + abandoned + " <= started " + started
            + " and responses " + responses + " >= 0");
      }
    }
  }

  /** One touchpoint on the map. {@code headlineMetric} and {@code headline} are both present or both absent. */
  public record TouchpointView(TouchpointId id, String name, Channel channel, TouchpointStatus status, long volume,
      Optional<AbandonmentResult> abandonment, long responses, Optional<HeadlineMetric> headlineMetric,
      Optional<HeadlineFigure> headline) {

    public TouchpointView {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(abandonment, "abandonment");
      Objects.requireNonNull(headlineMetric, "headlineMetric");
      Objects.requireNonNull(headline, "headline");
    }

    /** Whether the headline changed significantly against the previous period. */
    public boolean significantChange() {
      return headline.map(HeadlineFigure::significantChange).orElse(false);
    }
  }

  /** One stage on the map, with its touchpoints. */
  public record StageView(StageId id, String name, int order, long volume, Optional<AbandonmentResult> abandonment,
      long responses, Optional<HeadlineFigure> headline, List<TouchpointView> touchpoints) {

    public StageView {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(abandonment, "abandonment");
      Objects.requireNonNull(headline, "headline");
      touchpoints = List.copyOf(touchpoints);
    }
  }

  /** A touchpoint whose headline changed significantly: where, which metric, and the change with its test. */
  public record SignificantChange(StageId stage, TouchpointId touchpoint, Metric metric, Change change) {

    public SignificantChange {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(touchpoint, "touchpoint");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(change, "change");
    }

    /** The test statistic of the change (present, since the change is significant). */
    public double z() {
      return change.significance().orElseThrow().z();
    }
  }

  /** What a stage's headline answers may be added up over: one metric on one scale, with one CSAT threshold. */
  private record Basis(Metric metric, int min, int max, int satisfiedFrom) {

    static Basis of(HeadlineMetric metric) {
      ScoreHistogram scale = metric.emptyAnswers();
      int satisfiedFrom = metric instanceof HeadlineMetric.CsatPercent csat ? csat.satisfiedFrom() : 0;
      return new Basis(metric.metric(), scale.min(), scale.max(), satisfiedFrom);
    }
  }

  /**
   * The map of {@code stages} (distinct ids and orders) and {@code touchpoints} (distinct ids, each of one of the
   * stages).
   */
  public static JourneyMap assemble(List<StageInput> stages, List<TouchpointInput> touchpoints) {
    Objects.requireNonNull(stages, "stages");
    Objects.requireNonNull(touchpoints, "touchpoints");
    Map<StageId, List<TouchpointInput>> byStage = new LinkedHashMap<>();
    Set<Integer> orders = new HashSet<>();
    for (StageInput stage : stages) {
      Objects.requireNonNull(stage, "stage");
      if (byStage.putIfAbsent(stage.id(), new ArrayList<>()) != null || !orders.add(stage.order())) {
        throw new IllegalArgumentException("stage " + stage.id() + " or its order " + stage.order() + " repeats");
      }
    }
    Set<TouchpointId> seen = new HashSet<>();
    for (TouchpointInput touchpoint : touchpoints) {
      Objects.requireNonNull(touchpoint, "touchpoint");
      if (!seen.add(touchpoint.id())) {
        throw new IllegalArgumentException("touchpoint " + touchpoint.id() + " is given twice");
      }
      List<TouchpointInput> ofStage = byStage.get(touchpoint.stage());
      if (ofStage == null) {
        throw new IllegalArgumentException("touchpoint " + touchpoint.id() + " names unknown stage "
            + touchpoint.stage());
      }
      ofStage.add(touchpoint);
    }

    List<StageInput> ordered = stages.stream().sorted(Comparator.comparingInt(StageInput::order)).toList();
    List<StageView> views = new ArrayList<>();
    record Found(SignificantChange change, int stage, int position) {
    }
    List<Found> found = new ArrayList<>();
    for (int s = 0; s < ordered.size(); s++) {
      StageInput stage = ordered.get(s);
      List<TouchpointView> touchpointViews = new ArrayList<>();
      long started = 0;
      long abandoned = 0;
      long responses = 0;
      Map<Basis, ScoreHistogram[]> answers = new HashMap<>();
      List<TouchpointInput> ofStage = byStage.get(stage.id());
      for (int t = 0; t < ofStage.size(); t++) {
        TouchpointInput touchpoint = ofStage.get(t);
        Optional<HeadlineFigure> headline = touchpoint.headline()
            .map(input -> HeadlineFigure.of(input.metric(), input.current(), input.previous()));
        TouchpointView view = new TouchpointView(touchpoint.id(), touchpoint.name(), touchpoint.channel(),
            touchpoint.status(), touchpoint.started(), Abandonment.of(touchpoint.started(), touchpoint.abandoned()),
            touchpoint.responses(), touchpoint.headline().map(HeadlineInput::metric), headline);
        touchpointViews.add(view);
        if (view.significantChange()) {
          HeadlineFigure figure = headline.orElseThrow();
          found.add(new Found(new SignificantChange(stage.id(), touchpoint.id(), figure.metric(),
              figure.change().orElseThrow()), s, t));
        }
        started = Math.addExact(started, touchpoint.started());
        abandoned = Math.addExact(abandoned, touchpoint.abandoned());
        responses = Math.addExact(responses, touchpoint.responses());
        touchpoint.headline().ifPresent(input -> answers.merge(Basis.of(input.metric()),
            new ScoreHistogram[] {normalised(input.metric(), input.current()),
                normalised(input.metric(), input.previous())},
            (a, b) -> new ScoreHistogram[] {a[0].plus(b[0]), a[1].plus(b[1])}));
      }
      Optional<HeadlineFigure> stageHeadline = Optional.empty();
      if (answers.size() == 1) {
        var only = answers.entrySet().iterator().next();
        Basis basis = only.getKey();
        stageHeadline = Optional.of(HeadlineFigure.ofNormalised(basis.metric(), basis.satisfiedFrom(),
            only.getValue()[0], only.getValue()[1]));
      }
      views.add(new StageView(stage.id(), stage.name(), stage.order(), started, Abandonment.of(started, abandoned),
          responses, stageHeadline, touchpointViews));
    }
    List<SignificantChange> changes = found.stream()
        .sorted(Comparator.comparingDouble((Found f) -> f.change().z())
            .thenComparingInt(Found::stage)
            .thenComparingInt(Found::position))
        .map(Found::change)
        .toList();
    return new JourneyMap(views, changes);
  }

  private static ScoreHistogram normalised(HeadlineMetric metric, ScoreHistogram raw) {
    return metric instanceof HeadlineMetric.CesMean ces ? Ces.normalised(raw, ces.orientation()) : raw;
  }
}

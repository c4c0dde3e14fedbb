package io.touchstone.domain.journeymap;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.journeymap.JourneyMap.HeadlineInput;
import io.touchstone.domain.journeymap.JourneyMap.SignificantChange;
import io.touchstone.domain.journeymap.JourneyMap.StageInput;
import io.touchstone.domain.journeymap.JourneyMap.StageView;
import io.touchstone.domain.journeymap.JourneyMap.TouchpointInput;
import io.touchstone.domain.journeymap.JourneyMap.TouchpointView;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.survey.QuestionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JourneyMapPropertiesTest {

  record Journey(List<StageInput> stages, List<TouchpointInput> touchpoints) {}

  private static final HeadlineMetric NPS = new HeadlineMetric.Nps(new QuestionId("nps"));

  @Provide
  Arbitrary<Journey> journeys() {
    Arbitrary<ScoreHistogram> answers = Arbitraries.longs().between(0, 40).array(long[].class).ofSize(11)
        .map(counts -> ScoreHistogram.of(0, 10, counts));
    Arbitrary<long[]> counts = Arbitraries.longs().between(0, 1_000)
        .flatMap(started -> Arbitraries.longs().between(0, started)
            .flatMap(abandoned -> Arbitraries.longs().between(0, 500)
                .map(responses -> new long[] {started, abandoned, responses})));
    Arbitrary<Optional<HeadlineInput>> headline = Combinators.combine(answers, answers)
        .as((now, before) -> new HeadlineInput(NPS, now, before)).optional(0.8);
    Arbitrary<List<Integer>> stageOfEach = Arbitraries.integers().between(0, 3).list().ofMaxSize(12);
    return Combinators.combine(stageOfEach, counts.list().ofSize(12), headline.list().ofSize(12))
        .as((stageIndex, numbers, headlines) -> {
          List<StageInput> stages = new ArrayList<>();
          for (int s = 0; s < 4; s++) {
            // orders 40, 30, 20, 10: input order is not the map's order
            stages.add(new StageInput(new StageId(new UUID(1, s)), "stage " + s, 40 - 10 * s));
          }
          List<TouchpointInput> touchpoints = new ArrayList<>();
          for (int t = 0; t < stageIndex.size(); t++) {
            long[] n = numbers.get(t);
            touchpoints.add(new TouchpointInput(new TouchpointId(new UUID(2, t)), stages.get(stageIndex.get(t)).id(),
                "touchpoint " + t, Channel.WEB, TouchpointStatus.ACTIVE, n[0], n[1], n[2], headlines.get(t)));
          }
          return new Journey(stages, touchpoints);
        });
  }

  @Property(tries = 300)
  void everyTouchpointAppearsOnceUnderItsStageAndStagesFollowTheirOrder(@ForAll("journeys") Journey journey) {
    JourneyMap map = JourneyMap.assemble(journey.stages(), journey.touchpoints());

    assertThat(map.stages()).extracting(StageView::order).isSorted();
    List<TouchpointId> listed = new ArrayList<>();
    for (StageView stage : map.stages()) {
      for (TouchpointView view : stage.touchpoints()) {
        listed.add(view.id());
        TouchpointInput input = journey.touchpoints().stream().filter(t -> t.id().equals(view.id())).findFirst()
            .orElseThrow();
        assertThat(input.stage()).isEqualTo(stage.id());
      }
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        journey.touchpoints().stream().map(TouchpointInput::id).toList());
  }

  @Property(tries = 300)
  void stagesAddUpTheirTouchpoints(@ForAll("journeys") Journey journey) {
    for (StageView stage : JourneyMap.assemble(journey.stages(), journey.touchpoints()).stages()) {
      long volume = stage.touchpoints().stream().mapToLong(TouchpointView::volume).sum();
      long abandoned = stage.touchpoints().stream()
          .mapToLong(t -> t.abandonment().map(a -> a.abandoned()).orElse(0L)).sum();
      long responses = stage.touchpoints().stream().mapToLong(TouchpointView::responses).sum();
      long answers = stage.touchpoints().stream().mapToLong(t -> t.headline().map(HeadlineFigure::n).orElse(0L)).sum();

      assertThat(stage.volume()).isEqualTo(volume);
      assertThat(stage.responses()).isEqualTo(responses);
      assertThat(stage.abandonment().map(a -> a.abandoned()).orElse(0L)).isEqualTo(abandoned);
      assertThat(stage.abandonment().isPresent()).isEqualTo(volume > 0);
      assertThat(stage.headline().map(HeadlineFigure::n).orElse(0L)).isEqualTo(answers);
      assertThat(stage.headline().isPresent())
          .isEqualTo(stage.touchpoints().stream().anyMatch(t -> t.headline().isPresent()));
    }
  }

  @Property(tries = 300)
  void significantChangesAreExactlyTheFlaggedTouchpointsByRisingZ(@ForAll("journeys") Journey journey) {
    JourneyMap map = JourneyMap.assemble(journey.stages(), journey.touchpoints());
    List<TouchpointId> flagged = map.stages().stream().flatMap(stage -> stage.touchpoints().stream())
        .filter(TouchpointView::significantChange).map(TouchpointView::id).toList();

    assertThat(map.significantChanges()).extracting(SignificantChange::touchpoint)
        .containsExactlyInAnyOrderElementsOf(flagged);
    assertThat(map.significantChanges()).extracting(SignificantChange::z).isSorted();
    assertThat(map.significantChanges()).allMatch(change -> Math.abs(change.z()) >= 1.96);
  }
}

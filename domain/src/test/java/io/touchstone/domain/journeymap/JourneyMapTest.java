package io.touchstone.domain.journeymap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.journeymap.JourneyMap.HeadlineInput;
import io.touchstone.domain.journeymap.JourneyMap.SignificantChange;
import io.touchstone.domain.journeymap.JourneyMap.StageInput;
import io.touchstone.domain.journeymap.JourneyMap.StageView;
import io.touchstone.domain.journeymap.JourneyMap.TouchpointInput;
import io.touchstone.domain.journeymap.JourneyMap.TouchpointView;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.survey.QuestionId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed journey maps. Interval bounds and z values computed independently with 40-digit decimals (python3,
 * module decimal) from the formulas of {@code domain.metric}.
 */
class JourneyMapTest {

  private static final Offset<Double> EXACT = within(1e-9);

  private static final StageId ORDER = new StageId(UUID.fromString("0190a5e0-0000-7000-8000-0000000005a1"));
  private static final StageId DELIVERY = new StageId(UUID.fromString("0190a5e0-0000-7000-8000-0000000005a2"));
  private static final TouchpointId WEB = touchpoint(1);
  private static final TouchpointId CALLS = touchpoint(2);
  private static final TouchpointId COURIER = touchpoint(3);
  private static final TouchpointId TRACKING = touchpoint(4);

  private static final HeadlineMetric NPS = new HeadlineMetric.Nps(new QuestionId("nps"));
  private static final HeadlineMetric CSAT = new HeadlineMetric.CsatPercent(new QuestionId("csat"), 5, 4);
  private static final HeadlineMetric CES_HARDER =
      new HeadlineMetric.CesMean(new QuestionId("effort"), 7, CesOrientation.HIGHER_IS_HARDER);

  private static TouchpointId touchpoint(int n) {
    return new TouchpointId(UUID.fromString("0190a5e0-0000-7000-8000-0000000007" + String.format("%02d", n)));
  }

  /** A histogram on the metric's scale from pairs of score and count. */
  private static ScoreHistogram answers(HeadlineMetric metric, int... scoreThenCount) {
    ScoreHistogram answers = metric.emptyAnswers();
    for (int i = 0; i < scoreThenCount.length; i += 2) {
      answers = answers.plus(scoreThenCount[i], scoreThenCount[i + 1]);
    }
    return answers;
  }

  private static TouchpointInput input(TouchpointId id, StageId stage, String name, Channel channel, long started,
      long abandoned, long responses, HeadlineMetric metric, ScoreHistogram current, ScoreHistogram previous) {
    return new TouchpointInput(id, stage, name, channel, TouchpointStatus.ACTIVE, started, abandoned, responses,
        Optional.of(new HeadlineInput(metric, current, previous)));
  }

  /**
   * <pre>
   * stage 1 "Order"
   *   Web checkout (WEB)    2000 started, 300 abandoned → 15 %; 400 responses
   *                         NPS now 10×50, 8×30, 3×20 → 30; before 10×45, 8×30, 3×25 → 20
   *                         z = 10 / sqrt(61 + 66) = 0.8873... → not significant
   *   Call centre (PHONE)   500 started, 50 abandoned → 10 %; 120 responses
   *                         CSAT 1..5 from 4: now 5×60, 4×20, 2×20 → 80 %; before 5×40, 4×20, 1×40 → 60 %
   *                         pooled 0.7: z = 20 / (100 × sqrt(0.7 × 0.3 × 0.02)) = 3.0860... → significant rise
   *   stage: 2500 started, 350 abandoned → 14 %; 520 responses; NPS and CSAT % do not mix → no headline
   * stage 2 "Delivery"
   *   Courier (IN_STORE)    300 started, 0 abandoned → 0 %; 90 responses
   *                         CES 1..7, higher is harder (normalised 8 − s): now raw 1×10, 6×30 → 7×10, 2×30,
   *                         mean 130 / 40 = 3.25; before raw 1×30, 6×10 → mean 230 / 40 = 5.75; change −2.5
   *                         s² = 187.5 / 39 on both sides: z = −2.5 / sqrt(2 × 187.5 / 39 / 40) = −5.0990...
   *   Tracking email (EMAIL, retired)  nothing started, no responses, no survey
   *   stage: 300 started → 0 %; 90 responses; headline = the courier's
   * </pre>
   */
  private static JourneyMap orderToDelivery() {
    return JourneyMap.assemble(
        List.of(new StageInput(DELIVERY, "Delivery", 2), new StageInput(ORDER, "Order", 1)),
        List.of(
            input(COURIER, DELIVERY, "Courier", Channel.IN_STORE, 300, 0, 90, CES_HARDER,
                answers(CES_HARDER, 1, 10, 6, 30), answers(CES_HARDER, 1, 30, 6, 10)),
            new TouchpointInput(TRACKING, DELIVERY, "Tracking email", Channel.EMAIL, TouchpointStatus.RETIRED, 0, 0,
                0, Optional.empty()),
            input(WEB, ORDER, "Web checkout", Channel.WEB, 2000, 300, 400, NPS,
                answers(NPS, 10, 50, 8, 30, 3, 20), answers(NPS, 10, 45, 8, 30, 3, 25)),
            input(CALLS, ORDER, "Call centre", Channel.PHONE, 500, 50, 120, CSAT,
                answers(CSAT, 5, 60, 4, 20, 2, 20), answers(CSAT, 5, 40, 4, 20, 1, 40))));
  }

  @Test
  void stagesComeInTheirOrderAndTouchpointsInTheirs() {
    JourneyMap map = orderToDelivery();

    assertThat(map.stages()).extracting(StageView::name).containsExactly("Order", "Delivery");
    assertThat(map.stages()).extracting(StageView::order).containsExactly(1, 2);
    assertThat(map.stages().get(0).touchpoints()).extracting(TouchpointView::id).containsExactly(WEB, CALLS);
    assertThat(map.stages().get(1).touchpoints()).extracting(TouchpointView::id).containsExactly(COURIER, TRACKING);
    assertThat(map.stages().get(1).touchpoints().get(1).status()).isEqualTo(TouchpointStatus.RETIRED);
    assertThat(map.stages().get(0).touchpoints().get(1).channel()).isEqualTo(Channel.PHONE);
  }

  @Test
  void touchpointsCarryVolumeAbandonmentAndResponses() {
    JourneyMap map = orderToDelivery();
    TouchpointView web = map.stages().get(0).touchpoints().get(0);
    TouchpointView calls = map.stages().get(0).touchpoints().get(1);
    TouchpointView tracking = map.stages().get(1).touchpoints().get(1);

    assertThat(web.volume()).isEqualTo(2000);
    assertThat(web.responses()).isEqualTo(400);
    assertThat(web.abandonment().orElseThrow().rate()).isEqualTo(15.0);
    assertThat(web.abandonment().orElseThrow().confidenceInterval().lower()).isCloseTo(13.502226203598422563, EXACT);
    assertThat(web.abandonment().orElseThrow().confidenceInterval().upper()).isCloseTo(16.631972028437482870, EXACT);
    // 500 calls received, 450 handled
    assertThat(calls.abandonment().orElseThrow().rate()).isEqualTo(10.0);
    assertThat(calls.abandonment().orElseThrow().n()).isEqualTo(500);
    assertThat(tracking.volume()).isZero();
    assertThat(tracking.abandonment()).isEmpty();
    assertThat(tracking.headline()).isEmpty();
    assertThat(tracking.headlineMetric()).isEmpty();
    assertThat(tracking.significantChange()).isFalse();
  }

  @Test
  void npsHeadlineWithIntervalAndAnInsignificantChange() {
    TouchpointView web = orderToDelivery().stages().get(0).touchpoints().get(0);
    HeadlineFigure figure = web.headline().orElseThrow();

    assertThat(web.headlineMetric()).contains(NPS);
    assertThat(figure.metric()).isEqualTo(Metric.NPS);
    assertThat(figure.n()).isEqualTo(100);
    assertThat(figure.value()).contains(30.0);
    assertThat(figure.confidenceInterval().orElseThrow().lower()).isCloseTo(14.691910635222957388, EXACT);
    assertThat(figure.confidenceInterval().orElseThrow().upper()).isCloseTo(45.308089364777042612, EXACT);
    assertThat(figure.previousN()).isEqualTo(100);
    assertThat(figure.previousValue()).contains(20.0);
    assertThat(figure.change().orElseThrow().difference()).isCloseTo(10.0, EXACT);
    assertThat(figure.change().orElseThrow().significance().orElseThrow().z()).isCloseTo(0.887356509416113770, EXACT);
    assertThat(figure.significantChange()).isFalse();
    assertThat(web.significantChange()).isFalse();
  }

  @Test
  void csatHeadlineWithWilsonIntervalAndASignificantRise() {
    TouchpointView calls = orderToDelivery().stages().get(0).touchpoints().get(1);
    HeadlineFigure figure = calls.headline().orElseThrow();

    assertThat(figure.metric()).isEqualTo(Metric.CSAT_PERCENT);
    assertThat(figure.value().orElseThrow()).isCloseTo(80.0, EXACT);
    assertThat(figure.confidenceInterval().orElseThrow().lower()).isCloseTo(71.116903807349763886, EXACT);
    assertThat(figure.confidenceInterval().orElseThrow().upper()).isCloseTo(86.663407744090121478, EXACT);
    assertThat(figure.previousValue().orElseThrow()).isCloseTo(60.0, EXACT);
    assertThat(figure.change().orElseThrow().difference()).isCloseTo(20.0, EXACT);
    assertThat(figure.change().orElseThrow().significance().orElseThrow().z()).isCloseTo(3.086066999241838205, EXACT);
    assertThat(calls.significantChange()).isTrue();
  }

  @Test
  void cesHeadlineIsTheNormalisedMeanWithoutAnIntervalAndASignificantFall() {
    TouchpointView courier = orderToDelivery().stages().get(1).touchpoints().get(0);
    HeadlineFigure figure = courier.headline().orElseThrow();

    assertThat(figure.metric()).isEqualTo(Metric.CES_MEAN);
    assertThat(figure.n()).isEqualTo(40);
    assertThat(figure.value().orElseThrow()).isCloseTo(3.25, EXACT);
    assertThat(figure.confidenceInterval()).isEmpty();
    assertThat(figure.previousValue().orElseThrow()).isCloseTo(5.75, EXACT);
    assertThat(figure.change().orElseThrow().difference()).isCloseTo(-2.5, EXACT);
    assertThat(figure.change().orElseThrow().significance().orElseThrow().z())
        .isCloseTo(-5.099019513592784830, EXACT);
    assertThat(courier.significantChange()).isTrue();
    assertThat(courier.abandonment().orElseThrow().rate()).isZero();
  }

  @Test
  void stagesAddUpTheirTouchpoints() {
    JourneyMap map = orderToDelivery();
    StageView order = map.stages().get(0);
    StageView delivery = map.stages().get(1);

    assertThat(order.volume()).isEqualTo(2500);
    assertThat(order.responses()).isEqualTo(520);
    assertThat(order.abandonment().orElseThrow().rate()).isEqualTo(14.0);
    assertThat(order.abandonment().orElseThrow().abandoned()).isEqualTo(350);
    assertThat(order.abandonment().orElseThrow().confidenceInterval().lower())
        .isCloseTo(12.694966994580760047, EXACT);
    // NPS and CSAT % never mix
    assertThat(order.headline()).isEmpty();

    assertThat(delivery.volume()).isEqualTo(300);
    assertThat(delivery.responses()).isEqualTo(90);
    assertThat(delivery.abandonment().orElseThrow().rate()).isZero();
    assertThat(delivery.headline().orElseThrow().value().orElseThrow()).isCloseTo(3.25, EXACT);
    assertThat(delivery.headline().orElseThrow().significantChange()).isTrue();
  }

  @Test
  void significantChangesListTheSharpestWorseningFirst() {
    List<SignificantChange> changes = orderToDelivery().significantChanges();

    // the courier's fall (z −5.10, stage 2) before the call centre's rise (z +3.09, stage 1); the web's is not listed
    assertThat(changes).extracting(SignificantChange::touchpoint).containsExactly(COURIER, CALLS);
    assertThat(changes).extracting(SignificantChange::stage).containsExactly(DELIVERY, ORDER);
    assertThat(changes).extracting(SignificantChange::metric).containsExactly(Metric.CES_MEAN, Metric.CSAT_PERCENT);
    assertThat(changes.get(0).z()).isCloseTo(-5.099019513592784830, EXACT);
    assertThat(changes.get(1).change().difference()).isCloseTo(20.0, EXACT);
  }

  @Test
  void aStageAddsUpTheAnswersOfTouchpointsOnOneScale() {
    // A: now 10×6, 0×4; before 10×5, 0×5. B: now 10×4, 8×6; before 10×2, 8×8.
    // stage: now 10×10, 8×6, 0×4 → NPS 100 × (10 − 4) / 20 = 30; before 10×7, 8×8, 0×5 → 10
    // SE² = 305 and 295: z = 20 / sqrt(600) = 0.8164965809...
    HeadlineMetric other = new HeadlineMetric.Nps(new QuestionId("nps-other-survey"));
    JourneyMap map = JourneyMap.assemble(List.of(new StageInput(ORDER, "Support", 1)), List.of(
        input(WEB, ORDER, "A", Channel.CHAT, 10, 1, 10, NPS, answers(NPS, 10, 6, 0, 4), answers(NPS, 10, 5, 0, 5)),
        input(CALLS, ORDER, "B", Channel.PHONE, 30, 2, 10, other, answers(other, 10, 4, 8, 6),
            answers(other, 10, 2, 8, 8))));
    HeadlineFigure stage = map.stages().getFirst().headline().orElseThrow();

    assertThat(stage.metric()).isEqualTo(Metric.NPS);
    assertThat(stage.n()).isEqualTo(20);
    assertThat(stage.value().orElseThrow()).isCloseTo(30.0, EXACT);
    assertThat(stage.previousValue().orElseThrow()).isCloseTo(10.0, EXACT);
    assertThat(stage.change().orElseThrow().significance().orElseThrow().z())
        .isCloseTo(0.816496580927726033, EXACT);
    assertThat(stage.smallSample()).isTrue();
    // 3 of 40 abandoned
    assertThat(map.stages().getFirst().abandonment().orElseThrow().rate()).isCloseTo(7.5, EXACT);
  }

  @Test
  void cesAnswersOfBothOrientationsAddUpNormalised() {
    // easier: raw 5×2 → 5; harder: raw 1×2 → normalised 5. Stage mean 5 (raw answers would give 3).
    HeadlineMetric easier = new HeadlineMetric.CesMean(new QuestionId("easy"), 5, CesOrientation.HIGHER_IS_EASIER);
    HeadlineMetric harder = new HeadlineMetric.CesMean(new QuestionId("effort"), 5, CesOrientation.HIGHER_IS_HARDER);
    JourneyMap map = JourneyMap.assemble(List.of(new StageInput(DELIVERY, "Delivery", 1)), List.of(
        input(WEB, DELIVERY, "A", Channel.WEB, 0, 0, 2, easier, answers(easier, 5, 2), answers(easier, 3, 2)),
        input(CALLS, DELIVERY, "B", Channel.WEB, 0, 0, 2, harder, answers(harder, 1, 2), answers(harder, 3, 2))));
    HeadlineFigure stage = map.stages().getFirst().headline().orElseThrow();

    assertThat(stage.value()).contains(5.0);
    assertThat(stage.previousValue()).contains(3.0);
    assertThat(map.stages().getFirst().touchpoints().get(1).headline().orElseThrow().value()).contains(5.0);
    assertThat(map.stages().getFirst().abandonment()).isEmpty();
  }

  @Test
  void cesOnDifferentScalesAndCsatWithDifferentThresholdsDoNotMix() {
    HeadlineMetric ces5 = new HeadlineMetric.CesMean(new QuestionId("a"), 5, CesOrientation.HIGHER_IS_EASIER);
    HeadlineMetric ces7 = new HeadlineMetric.CesMean(new QuestionId("b"), 7, CesOrientation.HIGHER_IS_EASIER);
    HeadlineMetric csatFrom4 = new HeadlineMetric.CsatPercent(new QuestionId("c"), 5, 4);
    HeadlineMetric csatFrom5 = new HeadlineMetric.CsatPercent(new QuestionId("d"), 5, 5);
    JourneyMap map = JourneyMap.assemble(
        List.of(new StageInput(ORDER, "Order", 1), new StageInput(DELIVERY, "Delivery", 2)), List.of(
            input(WEB, ORDER, "A", Channel.WEB, 0, 0, 1, ces5, answers(ces5, 5, 1), ces5.emptyAnswers()),
            input(CALLS, ORDER, "B", Channel.WEB, 0, 0, 1, ces7, answers(ces7, 7, 1), ces7.emptyAnswers()),
            input(COURIER, DELIVERY, "C", Channel.WEB, 0, 0, 1, csatFrom4, answers(csatFrom4, 5, 1),
                csatFrom4.emptyAnswers()),
            input(TRACKING, DELIVERY, "D", Channel.WEB, 0, 0, 1, csatFrom5, answers(csatFrom5, 5, 1),
                csatFrom5.emptyAnswers())));

    assertThat(map.stages()).allMatch(stage -> stage.headline().isEmpty());
    assertThat(map.stages()).allMatch(stage -> stage.touchpoints().stream().allMatch(t -> t.headline().isPresent()));
  }

  @Test
  void aHeadlineWithoutAnswersHasNoValueAndNoChange() {
    JourneyMap map = JourneyMap.assemble(List.of(new StageInput(ORDER, "Order", 1)), List.of(
        input(WEB, ORDER, "Web", Channel.WEB, 5, 0, 0, NPS, NPS.emptyAnswers(), answers(NPS, 10, 3))));
    HeadlineFigure figure = map.stages().getFirst().touchpoints().getFirst().headline().orElseThrow();

    assertThat(figure.n()).isZero();
    assertThat(figure.value()).isEmpty();
    assertThat(figure.confidenceInterval()).isEmpty();
    assertThat(figure.previousValue()).contains(100.0);
    assertThat(figure.change()).isEmpty();
    assertThat(figure.significantChange()).isFalse();
    assertThat(map.significantChanges()).isEmpty();
  }

  @Test
  void aStageWithoutTouchpointsIsListedEmpty() {
    JourneyMap map = JourneyMap.assemble(List.of(new StageInput(ORDER, "Order", 1)), List.of());
    StageView stage = map.stages().getFirst();

    assertThat(stage.touchpoints()).isEmpty();
    assertThat(stage.volume()).isZero();
    assertThat(stage.abandonment()).isEmpty();
    assertThat(stage.headline()).isEmpty();
  }

  @Test
  void refusesInconsistentInput() {
    var order = new StageInput(ORDER, "Order", 1);
    var web = new TouchpointInput(WEB, ORDER, "Web", Channel.WEB, TouchpointStatus.ACTIVE, 1, 0, 0, Optional.empty());

    // touchpoint of an unknown stage
    assertThatIllegalArgumentException().isThrownBy(() -> JourneyMap.assemble(List.of(
        new StageInput(DELIVERY, "Delivery", 1)), List.of(web)));
    // a touchpoint twice, a stage twice, an order twice
    assertThatIllegalArgumentException().isThrownBy(() -> JourneyMap.assemble(List.of(order), List.of(web, web)));
    assertThatIllegalArgumentException().isThrownBy(() -> JourneyMap.assemble(List.of(order, order), List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> JourneyMap.assemble(
        List.of(order, new StageInput(DELIVERY, "Delivery", 1)), List.of()));
    // more abandoned than started
    assertThatIllegalArgumentException().isThrownBy(() -> new TouchpointInput(WEB, ORDER, "Web", Channel.WEB,
        TouchpointStatus.ACTIVE, 1, 2, 0, Optional.empty()));
    // answers not on the question's scale
    assertThatIllegalArgumentException().isThrownBy(() -> JourneyMap.assemble(List.of(order), List.of(
        input(WEB, ORDER, "Web", Channel.WEB, 1, 0, 0, CSAT, ScoreHistogram.empty(1, 7), CSAT.emptyAnswers()))));
  }
}

package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed z-tests on both sides of |z| = 1.96. Reference values computed independently with 40-digit decimal
 * arithmetic (python3, module decimal), from the formulas of PRODUCT.md and {@link Significance}.
 */
class SignificanceTest {

  private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-9);

  /** An NPS sample of n = promoters + passives + detractors: scores 10, 8 and 0. */
  private static NpsResult nps(long promoters, long passives, long detractors) {
    return Nps.of(ScoreHistogram.empty(0, 10).plus(10, promoters).plus(8, passives).plus(0, detractors))
        .orElseThrow();
  }

  /** CES on 1..7, higher is easier: agree 7, neutral 4, disagree 1. */
  private static CesResult ces7(long agree, long neutral, long disagree) {
    return Ces.of(ScoreHistogram.empty(1, 7).plus(7, agree).plus(4, neutral).plus(1, disagree),
        CesOrientation.HIGHER_IS_EASIER).orElseThrow();
  }

  /** CSAT on 1..5, satisfied from 4: satisfied answers 5, the others 2. */
  private static CsatResult csat(long satisfied, long n) {
    return Csat.of(ScoreHistogram.empty(1, 5).plus(5, satisfied).plus(2, n - satisfied)).orElseThrow();
  }

  // --- NPS: unpooled, SE = 100 × sqrt((p + d − (p − d)²) / n) per sample ----------------------------------------

  @Test
  void npsRiseFrom10To40IsSignificant() {
    // current 60 P, 20 passives, 20 D of 100: NPS 40; SE₁² = 100² × (0.6 + 0.2 − 0.4²) / 100 = 64
    // baseline 40 P, 30 passives, 30 D of 100: NPS 10; SE₀² = 100² × (0.4 + 0.3 − 0.1²) / 100 = 69
    // z = 30 / sqrt(64 + 69) = 30 / sqrt(133) = 2.601329908572359975...
    var test = Significance.ofNps(nps(60, 20, 20), nps(40, 30, 30)).orElseThrow();

    assertThat(test.z()).isCloseTo(2.601329908572359975, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void npsRiseFrom10To20IsNotSignificant() {
    // current 50 P, 20 passives, 30 D of 100: NPS 20; SE₁² = 10⁴ × (0.8 − 0.04) / 100 = 76
    // z = 10 / sqrt(76 + 69) = 10 / sqrt(145) = 0.830454798537399688...
    var test = Significance.ofNps(nps(50, 20, 30), nps(40, 30, 30)).orElseThrow();

    assertThat(test.z()).isCloseTo(0.830454798537399688, EXACT);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void npsJustAboveTheThresholdIsSignificant() {
    // current 43 P, 45 passives, 12 D of 100: NPS 31; SE₁² = 10⁴ × (0.55 − 0.31²) / 100 = 45.39
    // z = (31 − 10) / sqrt(45.39 + 69) = 21 / sqrt(114.39) = 1.963474497086250380...
    var test = Significance.ofNps(nps(43, 45, 12), nps(40, 30, 30)).orElseThrow();

    assertThat(test.z()).isCloseTo(1.963474497086250380, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void npsJustBelowTheThresholdIsNotSignificant() {
    // current 44 P, 43 passives, 13 D of 100: NPS 31; SE₁² = 10⁴ × (0.57 − 0.31²) / 100 = 47.39
    // z = 21 / sqrt(47.39 + 69) = 21 / sqrt(116.39) = 1.946531609816843583...
    var test = Significance.ofNps(nps(44, 43, 13), nps(40, 30, 30)).orElseThrow();

    assertThat(test.z()).isCloseTo(1.946531609816843583, EXACT);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void npsFallIsSignificantWithANegativeZ() {
    // the first case the other way round: z = −30 / sqrt(133)
    var test = Significance.ofNps(nps(40, 30, 30), nps(60, 20, 20)).orElseThrow();

    assertThat(test.z()).isCloseTo(-2.601329908572359975, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void npsOfUnanimousSamplesHasNoStandardErrorAndNoTest() {
    // all promoters (SE 0) vs all detractors (SE 0): a change of 200 points, but SE of the difference = 0
    assertThat(Significance.ofNps(nps(5, 0, 0), nps(0, 0, 7))).isEmpty();
    // only passives on both sides: NPS 0 and 0, SE 0
    assertThat(Significance.ofNps(nps(0, 4, 0), nps(0, 9, 0))).isEmpty();
  }

  @Test
  void npsWithOneUnanimousSideUsesTheOtherSidesError() {
    // current all promoters (3): NPS 100, SE₁ = 0; baseline 40/30/30: SE₀² = 69 → z = 90 / sqrt(69)
    var test = Significance.ofNps(nps(3, 0, 0), nps(40, 30, 30)).orElseThrow();

    assertThat(test.z()).isCloseTo(90 / Math.sqrt(69), EXACT);
    assertThat(test.significant()).isTrue();
  }

  // --- CES net: same formula, agree and disagree instead of promoters and detractors ---------------------------

  @Test
  void cesNetJustAboveTheThresholdIsSignificant() {
    // 7-point: current agree 56, neutral 21, disagree 23 of 100: net 33; SE₁² = 10⁴ × (0.79 − 0.33²) / 100 = 68.11
    // baseline agree 40, neutral 30, disagree 30: net 10, SE₀² = 69
    // z = 23 / sqrt(68.11 + 69) = 23 / sqrt(137.11) = 1.964234209793749509...
    var test = Significance.ofCesNet(ces7(56, 21, 23), ces7(40, 30, 30)).orElseThrow();

    assertThat(test.z()).isCloseTo(1.964234209793749509, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void cesNetJustBelowTheThresholdIsNotSignificant() {
    // current agree 57, neutral 19, disagree 24: net 33; SE₁² = 10⁴ × (0.81 − 0.33²) / 100 = 70.11
    // z = 23 / sqrt(70.11 + 69) = 23 / sqrt(139.11) = 1.950063083164980570...
    var test = Significance.ofCesNet(ces7(57, 19, 24), ces7(40, 30, 30)).orElseThrow();

    assertThat(test.z()).isCloseTo(1.950063083164980570, EXACT);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void cesNetOfOnlyNeutralAnswersHasNoTest() {
    assertThat(Significance.ofCesNet(ces7(0, 5, 0), ces7(0, 8, 0))).isEmpty();
  }

  // --- CSAT %: pooled two-proportion test -------------------------------------------------------------------------

  @Test
  void csatRiseFrom45To60PercentIsSignificant() {
    // 60/100 vs 45/100: pooled p̂ = 105 / 200 = 0.525
    // SE = 100 × sqrt(0.525 × 0.475 × (1/100 + 1/100)) = 100 × sqrt(0.0049875) = 7.0622234...
    // z = 15 / 7.0622234... = 2.123976976214366078...
    var test = Significance.ofCsatPercent(csat(60, 100), csat(45, 100)).orElseThrow();

    assertThat(test.z()).isCloseTo(2.123976976214366078, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void csatRiseFrom45To55PercentIsNotSignificant() {
    // pooled p̂ = 0.5: SE = 100 × sqrt(0.25 × 0.02) = sqrt(50); z = 10 / sqrt(50) = sqrt(2) = 1.414213562373095...
    var test = Significance.ofCsatPercent(csat(55, 100), csat(45, 100)).orElseThrow();

    assertThat(test.z()).isCloseTo(Math.sqrt(2), EXACT);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void csatJustAboveTheThresholdIsSignificant() {
    // 77/126 vs 100/200: p̂ = 177 / 326; z = (100 × 77/126 − 50) / (100 × sqrt(p̂ (1 − p̂) (1/126 + 1/200)))
    //   = 1.961041541524776766...
    var test = Significance.ofCsatPercent(csat(77, 126), csat(100, 200)).orElseThrow();

    assertThat(test.z()).isCloseTo(1.961041541524776766, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void csatJustBelowTheThresholdIsNotSignificant() {
    // 66/107 vs 100/200: p̂ = 166 / 307; z = 1.957215783599151711...
    var test = Significance.ofCsatPercent(csat(66, 107), csat(100, 200)).orElseThrow();

    assertThat(test.z()).isCloseTo(1.957215783599151711, EXACT);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void csatIsPooledNotUnpooled() {
    // 10/10 vs 5/10: pooled p̂ = 0.75, SE = 100 × sqrt(0.75 × 0.25 × 0.2) = 100 × sqrt(0.0375) = 19.3649167...
    // z = 50 / 19.3649167... = 2.581988897471611...; unpooled it would be 50 / sqrt(0 + 250) = 3.16...
    var test = Significance.ofCsatPercent(csat(10, 10), csat(5, 10)).orElseThrow();

    assertThat(test.z()).isCloseTo(50 / (100 * Math.sqrt(0.0375)), EXACT);
    assertThat(test.z()).isCloseTo(2.581988897471611, EXACT);
  }

  @Test
  void csatAllSatisfiedOrNoneSatisfiedOnBothSidesHasNoTest() {
    // pooled p̂ = 1 (or 0): SE = 0
    assertThat(Significance.ofCsatPercent(csat(20, 20), csat(7, 7))).isEmpty();
    assertThat(Significance.ofCsatPercent(csat(0, 20), csat(0, 7))).isEmpty();
  }

  // --- means: Welch's z with sample variances -------------------------------------------------------------------

  @Test
  void meanRiseIsSignificantWithSampleVariances() {
    // current 1..5 counts 2, 3, 5, 10, 10 (n 30): mean = (2 + 6 + 15 + 40 + 50) / 30 = 113/30 = 3.7666...
    //   Σ (s − m)² c = 43.3666...; s₁² = 43.3666... / 29 = 1.4954022988...
    // baseline counts 5, 5, 10, 5, 5 (n 30): mean 3; Σ (s − 3)² c = 4·5 + 1·5 + 0 + 1·5 + 4·5 = 50; s₀² = 50/29
    // z = (113/30 − 3) / sqrt(s₁²/30 + s₀²/30) = 2.340293252953125567...
    var current = ScoreHistogram.of(1, 5, 2, 3, 5, 10, 10);
    var baseline = ScoreHistogram.of(1, 5, 5, 5, 10, 5, 5);

    var test = Significance.ofMean(current, baseline).orElseThrow();

    assertThat(test.z()).isCloseTo(2.340293252953125567, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void meanJustAboveTheThresholdIsSignificant() {
    // current counts 1, 3, 9, 11, 6 (n 30): mean 3.6, Σ (s − m)² c = 31.2, s₁² = 31.2 / 29
    // z = 0.6 / sqrt(31.2/29/30 + 50/29/30) = 1.963961012123931431...
    var test = Significance.ofMean(ScoreHistogram.of(1, 5, 1, 3, 9, 11, 6), ScoreHistogram.of(1, 5, 5, 5, 10, 5, 5))
        .orElseThrow();

    assertThat(test.z()).isCloseTo(1.963961012123931431, EXACT);
    assertThat(test.significant()).isTrue();
  }

  @Test
  void meanJustBelowTheThresholdIsNotSignificant() {
    // current counts 1, 8, 2, 8, 11 (n 30): mean 3.666..., Σ (s − m)² c = 50.666..., s₁² = 50.666... / 29
    // z = (2/3) / sqrt(50.666.../29/30 + 50/29/30) = 1.959862138684506202...
    var test = Significance.ofMean(ScoreHistogram.of(1, 5, 1, 8, 2, 8, 11), ScoreHistogram.of(1, 5, 5, 5, 10, 5, 5))
        .orElseThrow();

    assertThat(test.z()).isCloseTo(1.959862138684506202, EXACT);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void meanNeedsTwoAnswersOnEachSide() {
    var two = ScoreHistogram.of(1, 5, 1, 0, 0, 0, 1);
    var one = ScoreHistogram.of(1, 5, 0, 0, 0, 0, 1);
    var none = ScoreHistogram.empty(1, 5);

    assertThat(Significance.ofMean(one, two)).isEmpty();
    assertThat(Significance.ofMean(two, one)).isEmpty();
    assertThat(Significance.ofMean(none, two)).isEmpty();
    // two answers each: current 1, 5 (mean 3, s² = 8), baseline 5, 5 (mean 5, s² = 0): z = −2 / sqrt(8/2) = −1
    var test = Significance.ofMean(two, ScoreHistogram.of(1, 5, 0, 0, 0, 0, 2)).orElseThrow();
    assertThat(test.z()).isCloseTo(-1.0, EXACT);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void meansWithoutSpreadHaveNoTest() {
    // all 4s vs all 2s: both variances 0 → SE 0
    assertThat(Significance.ofMean(ScoreHistogram.of(1, 5, 0, 0, 0, 6, 0), ScoreHistogram.of(1, 5, 0, 3, 0, 0, 0)))
        .isEmpty();
  }

  @Test
  void meansOnDifferentScalesAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Significance.ofMean(
        ScoreHistogram.of(1, 5, 1, 1, 1, 1, 1), ScoreHistogram.of(1, 7, 1, 1, 1, 1, 1, 1, 1)));
  }

  // --- the test itself -----------------------------------------------------------------------------------------

  @Test
  void thresholdIsInclusiveAt196() {
    assertThat(Significance.of(1.96, 1).orElseThrow().significant()).isTrue();
    assertThat(Significance.of(-1.96, 1).orElseThrow().significant()).isTrue();
    assertThat(Significance.of(Math.nextDown(1.96), 1).orElseThrow().significant()).isFalse();
  }

  @Test
  void undefinedWithoutAPositiveFiniteStandardError() {
    assertThat(Significance.of(5, 0)).isEmpty();
    assertThat(Significance.of(5, -1)).isEmpty();
    assertThat(Significance.of(5, Double.NaN)).isEmpty();
    assertThat(Significance.of(Double.NaN, 1)).isEmpty();
    assertThat(Significance.of(1e308, 1e-308)).isEmpty();
  }

  @Test
  void recordRefusesAnInconsistentDecision() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Significance(2.0, false));
    assertThatIllegalArgumentException().isThrownBy(() -> new Significance(1.0, true));
    assertThatIllegalArgumentException().isThrownBy(() -> new Significance(Double.POSITIVE_INFINITY, true));
  }
}

package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed abandonment rates. Wilson bounds and z values computed independently with 40-digit decimals (python3,
 * module decimal) from the formulas of {@link Abandonment} and {@link Proportion}.
 */
class AbandonmentTest {

  private static final Offset<Double> EXACT = within(1e-9);

  @Test
  void fiveHundredCallsReceivedAndFourHundredFiftyHandledIsExactlyTenPercent() {
    long received = 500;
    long handled = 450;

    var result = Abandonment.of(received, received - handled).orElseThrow();

    assertThat(result.rate()).isEqualTo(10.0);
    assertThat(result.n()).isEqualTo(500);
    assertThat(result.abandoned()).isEqualTo(50);
    assertThat(result.completed()).isEqualTo(450);
    assertThat(result.smallSample()).isFalse();
    assertThat(result.confidenceInterval().lower()).isCloseTo(7.667718662472010494, EXACT);
    assertThat(result.confidenceInterval().upper()).isCloseTo(12.942250820000258568, EXACT);
  }

  @ParameterizedTest(name = "{1} abandoned of {0} -> {2} % in [{3}, {4}], small sample {5}")
  @CsvSource({
      "20, 0, 0.0, 0.0, 16.113012549493322596, true",
      "20, 20, 100.0, 83.886987450506677404, 100.0, true",
      "20, 3, 15.0, 5.236779195949585192, 36.042329588695740625, true",
      "29, 1, 3.448275862068965517, 0.611305661403226931, 17.175891064700251584, true",
      "30, 1, 3.333333333333333333, 0.590843799485737983, 16.670751396958874565, false"})
  void rateIntervalAndSmallSampleMatchHandComputedValues(long started, long abandoned, double rate, double lower,
      double upper, boolean small) {
    var result = Abandonment.of(started, abandoned).orElseThrow();

    assertThat(result.rate()).isCloseTo(rate, EXACT);
    assertThat(result.confidenceInterval().lower()).isCloseTo(lower, EXACT);
    assertThat(result.confidenceInterval().upper()).isCloseTo(upper, EXACT);
    assertThat(result.smallSample()).isEqualTo(small);
  }

  @Test
  void intervalIsTheOneCsatPercentUses() {
    assertThat(Abandonment.of(37, 11).orElseThrow().confidenceInterval())
        .isEqualTo(Csat.confidenceInterval(11, 37));
  }

  @Test
  void noStartedInteractionsMeanNoRate() {
    assertThat(Abandonment.of(0, 0)).isEmpty();
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> Abandonment.of(-1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> Abandonment.of(10, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> Abandonment.of(10, 11));
    assertThatIllegalArgumentException().isThrownBy(() -> Abandonment.of(0, 1));
  }

  @Test
  void riseFromSixToTenPercentOverFiveHundredCallsIsSignificant() {
    // 50/500 vs 30/500: pooled p̂ = 80 / 1000 = 0.08, SE = 100 × sqrt(0.08 × 0.92 × (2/500)) = 1.7158...
    // z = 4 / 1.7158... = 2.331262020600784414...
    var change = Abandonment.change(Abandonment.of(500, 50).orElseThrow(), Abandonment.of(500, 30).orElseThrow());

    assertThat(change.difference()).isCloseTo(4.0, EXACT);
    assertThat(change.significance().orElseThrow().z()).isCloseTo(2.331262020600784414, EXACT);
    assertThat(change.significant()).isTrue();
  }

  @Test
  void riseFromEightToTenPercentOverFiveHundredCallsIsNotSignificant() {
    // 50/500 vs 40/500: p̂ = 0.09, z = 2 / (100 × sqrt(0.09 × 0.91 × 0.004)) = 1.104989240219659787...
    var change = Abandonment.change(Abandonment.of(500, 50).orElseThrow(), Abandonment.of(500, 40).orElseThrow());

    assertThat(change.difference()).isCloseTo(2.0, EXACT);
    assertThat(change.significance().orElseThrow().z()).isCloseTo(1.104989240219659787, EXACT);
    assertThat(change.significant()).isFalse();
  }

  @Test
  void fallInAbandonmentHasANegativeZ() {
    var change = Abandonment.change(Abandonment.of(500, 30).orElseThrow(), Abandonment.of(500, 50).orElseThrow());

    assertThat(change.difference()).isCloseTo(-4.0, EXACT);
    assertThat(change.significance().orElseThrow().z()).isCloseTo(-2.331262020600784414, EXACT);
  }

  @Test
  void testIsTheOneCsatPercentUses() {
    var abandonment = Abandonment.change(Abandonment.of(126, 77).orElseThrow(), Abandonment.of(200, 100).orElseThrow());
    var csat = Significance.ofCsatPercent(
        Csat.of(ScoreHistogram.empty(1, 5).plus(5, 77).plus(1, 49)).orElseThrow(),
        Csat.of(ScoreHistogram.empty(1, 5).plus(5, 100).plus(1, 100)).orElseThrow());

    assertThat(abandonment.significance()).isEqualTo(csat);
  }

  @Test
  void nothingAbandonedInEitherPeriodHasNoTest() {
    // pooled share 0: no spread, no standard error
    var change = Abandonment.change(Abandonment.of(40, 0).orElseThrow(), Abandonment.of(60, 0).orElseThrow());

    assertThat(change.difference()).isEqualTo(0.0);
    assertThat(change.significance()).isEmpty();
    assertThat(change.significant()).isFalse();
  }

  @Test
  void changeNeedsARateOnBothSides() {
    var some = Abandonment.of(10, 1);

    assertThat(Abandonment.change(some, Abandonment.of(0, 0))).isEmpty();
    assertThat(Abandonment.change(Abandonment.of(0, 0), some)).isEmpty();
    assertThat(Abandonment.change(some, some)).map(Change::difference).contains(0.0);
  }

  @Test
  void proportionPercentIsTheRate() {
    assertThat(Proportion.percent(50, 500)).isEqualTo(10.0);
    assertThat(Proportion.percent(1, 3)).isEqualTo(100.0 / 3);
    assertThat(Optional.of(Abandonment.of(3, 1).orElseThrow().rate())).contains(100.0 / 3);
  }
}

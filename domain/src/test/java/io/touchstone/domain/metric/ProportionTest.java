package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values computed independently with 40-digit decimals (python3, module decimal). */
class ProportionTest {

  @Test
  void percentIsOneHundredTimesTheShare() {
    assertThat(Proportion.percent(0, 7)).isZero();
    assertThat(Proportion.percent(7, 7)).isEqualTo(100.0);
    assertThat(Proportion.percent(50, 500)).isEqualTo(10.0);
    assertThat(Proportion.percent(2, 3)).isEqualTo(200.0 / 3);
  }

  @Test
  void wilsonIntervalOfFiftyOfFiveHundred() {
    var interval = Proportion.wilsonInterval(50, 500);

    assertThat(interval.lower()).isCloseTo(7.667718662472010494, within(1e-9));
    assertThat(interval.upper()).isCloseTo(12.942250820000258568, within(1e-9));
  }

  @Test
  void pooledTestOfFiftyVersusThirtyOfFiveHundred() {
    // p̂ = 0.08: z = 4 / (100 × sqrt(0.08 × 0.92 × 0.004)) = 2.331262020600784414...
    var test = Proportion.significanceOfChange(50, 500, 30, 500).orElseThrow();

    assertThat(test.z()).isCloseTo(2.331262020600784414, within(1e-9));
    assertThat(test.significant()).isTrue();
  }

  @Test
  void pooledShareOfNoneOrAllHasNoTest() {
    assertThat(Proportion.significanceOfChange(0, 10, 0, 20)).isEmpty();
    assertThat(Proportion.significanceOfChange(10, 10, 20, 20)).isEmpty();
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> Proportion.percent(1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> Proportion.percent(3, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> Proportion.wilsonInterval(-1, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> Proportion.significanceOfChange(1, 1, 1, 0));
  }
}

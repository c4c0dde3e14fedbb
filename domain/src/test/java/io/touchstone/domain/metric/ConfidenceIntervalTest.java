package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

  @Test
  void widthAndContainmentIncludeBothBounds() {
    var interval = new ConfidenceInterval(-12.5, 40);

    assertThat(interval.width()).isEqualTo(52.5);
    assertThat(interval.contains(-12.5)).isTrue();
    assertThat(interval.contains(40)).isTrue();
    assertThat(interval.contains(40.000001)).isFalse();
  }

  @Test
  void degenerateIntervalIsAllowed() {
    assertThat(new ConfidenceInterval(100, 100).width()).isZero();
  }

  @Test
  void rejectsLowerAboveUpper() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ConfidenceInterval(1, 0));
  }

  @Test
  void rejectsNaN() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ConfidenceInterval(Double.NaN, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new ConfidenceInterval(0, Double.NaN));
  }
}

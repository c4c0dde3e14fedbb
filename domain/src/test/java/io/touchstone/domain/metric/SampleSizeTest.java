package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SampleSizeTest {

  @Test
  void fewerThanThirtyIsSmall() {
    assertThat(SampleSize.isSmall(0)).isTrue();
    assertThat(SampleSize.isSmall(29)).isTrue();
  }

  @Test
  void thirtyOrMoreIsNotSmall() {
    assertThat(SampleSize.isSmall(30)).isFalse();
    assertThat(SampleSize.isSmall(1_000)).isFalse();
  }

  @Test
  void rejectsNegativeSampleSize() {
    assertThatIllegalArgumentException().isThrownBy(() -> SampleSize.isSmall(-1));
  }
}

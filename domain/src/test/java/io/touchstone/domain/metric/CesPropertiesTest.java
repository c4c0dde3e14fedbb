package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CesPropertiesTest {

  record Answer(int raw, int points) {}

  @Provide
  Arbitrary<Answer> answers() {
    return Arbitraries.of(Ces.SUPPORTED_SCALES)
        .flatMap(points -> Arbitraries.integers().between(1, points).map(raw -> new Answer(raw, points)));
  }

  @Provide
  Arbitrary<ScoreHistogram> answered() {
    return Arbitraries.of(Ces.SUPPORTED_SCALES).flatMap(points ->
        Arbitraries.longs().between(0, 10_000).array(long[].class).ofSize(points)
            .map(counts -> ScoreHistogram.of(1, points, counts))
            .filter(histogram -> histogram.n() > 0));
  }

  @Property
  void normalisedScoreStaysWithinTheScale(@ForAll("answers") Answer answer, @ForAll CesOrientation orientation) {
    assertThat(Ces.normalise(answer.raw(), answer.points(), orientation)).isBetween(1, answer.points());
  }

  @Property
  void normalisingHigherIsHarderTwiceGivesTheRawScore(@ForAll("answers") Answer answer) {
    int once = Ces.normalise(answer.raw(), answer.points(), CesOrientation.HIGHER_IS_HARDER);

    assertThat(Ces.normalise(once, answer.points(), CesOrientation.HIGHER_IS_HARDER)).isEqualTo(answer.raw());
  }

  @Property
  void netStaysWithinMinus100And100AndMeanWithinTheScale(
      @ForAll("answered") ScoreHistogram raw, @ForAll CesOrientation orientation) {
    var result = Ces.of(raw, orientation).orElseThrow();

    assertThat(result.net()).isBetween(-100.0, 100.0);
    assertThat(result.mean()).isBetween(1.0, (double) raw.max());
    assertThat(result.agree() + result.neutral() + result.disagree()).isEqualTo(raw.n());
  }

  @Property
  void oppositeOrientationsMirrorTheResult(@ForAll("answered") ScoreHistogram raw) {
    var easier = Ces.of(raw, CesOrientation.HIGHER_IS_EASIER).orElseThrow();
    var harder = Ces.of(raw, CesOrientation.HIGHER_IS_HARDER).orElseThrow();

    assertThat(harder.agree()).isEqualTo(easier.disagree());
    assertThat(harder.neutral()).isEqualTo(easier.neutral());
    assertThat(harder.net()).isEqualTo(-easier.net());
    assertThat(harder.mean()).isCloseTo(1 + raw.max() - easier.mean(), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Property
  void evenScalesHaveNoNeutralAnswers(@ForAll("answered") ScoreHistogram raw, @ForAll CesOrientation orientation) {
    var result = Ces.of(raw, orientation).orElseThrow();

    if (raw.max() % 2 == 0) {
      assertThat(result.neutral()).isZero();
    }
  }

  @Provide
  Arbitrary<ScoreHistogram> anyRaw() {
    return Arbitraries.of(Ces.SUPPORTED_SCALES).flatMap(points ->
        Arbitraries.longs().between(0, 10_000).array(long[].class).ofSize(points)
            .map(counts -> ScoreHistogram.of(1, points, counts)));
  }

  @Property
  void normalisedHistogramKeepsTheScaleAndEveryAnswer(
      @ForAll("anyRaw") ScoreHistogram raw, @ForAll CesOrientation orientation) {
    var normalised = Ces.normalised(raw, orientation);

    assertThat(normalised.min()).isEqualTo(1);
    assertThat(normalised.max()).isEqualTo(raw.max());
    assertThat(normalised.n()).isEqualTo(raw.n());
    for (int score = 1; score <= raw.max(); score++) {
      assertThat(normalised.count(Ces.normalise(score, raw.max(), orientation))).isEqualTo(raw.count(score));
    }
  }

  @Property
  void normalisingTwiceIsTheIdentity(@ForAll("anyRaw") ScoreHistogram raw, @ForAll CesOrientation orientation) {
    assertThat(Ces.normalised(Ces.normalised(raw, orientation), orientation)).isEqualTo(raw);
  }

  @Property
  void normalisedHistogramReadAsEasierGivesTheSameResult(
      @ForAll("answered") ScoreHistogram raw, @ForAll CesOrientation orientation) {
    var direct = Ces.of(raw, orientation).orElseThrow();
    var viaNormalised = Ces.of(Ces.normalised(raw, orientation), CesOrientation.HIGHER_IS_EASIER).orElseThrow();

    assertThat(viaNormalised.agree()).isEqualTo(direct.agree());
    assertThat(viaNormalised.neutral()).isEqualTo(direct.neutral());
    assertThat(viaNormalised.disagree()).isEqualTo(direct.disagree());
    assertThat(viaNormalised.net()).isEqualTo(direct.net());
    assertThat(viaNormalised.mean()).isCloseTo(direct.mean(), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Property
  void meanStaysWithinOneAndPointsAndNetWithinMinus100And100AfterNormalising(
      @ForAll("answered") ScoreHistogram raw, @ForAll CesOrientation orientation) {
    var result = Ces.of(Ces.normalised(raw, orientation), CesOrientation.HIGHER_IS_EASIER).orElseThrow();

    assertThat(result.mean()).isBetween(1.0, (double) raw.max());
    assertThat(result.net()).isBetween(-100.0, 100.0);
  }
}

package io.touchstone.domain.journeymap;

import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The one figure a survey is summed up by on the journey map, and the question it is computed over.
 *
 * <p>The rule ({@link #of(Survey)}): over the survey's latest published version, the first NPS question gives
 * {@link Nps NPS}; without one, the first CSAT question gives {@link CsatPercent CSAT %} (with its own satisfaction
 * threshold); without one, the first CES question gives {@link CesMean the CES mean} (normalised, higher is easier);
 * otherwise there is none. "First" is the question order of the version.
 */
public sealed interface HeadlineMetric {

  /** The question the figure is computed over. */
  QuestionId question();

  /** The metric of the metrics query this figure is. */
  Metric metric();

  /** The scale of the question's raw answers: 0..10 for NPS, 1..points otherwise. */
  ScoreHistogram emptyAnswers();

  /**
   * Whether {@code question} is answered on the scale of {@code headline}: an NPS question for NPS; a CSAT question
   * with as many points and the same threshold for CSAT %; a CES question with as many points and the same
   * orientation for the CES mean. Answers to another version of the question may be added up exactly then.
   */
  static boolean sameScale(HeadlineMetric headline, Question question) {
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(question, "question");
    return switch (headline) {
      case Nps ignored -> question instanceof Question.Nps;
      case CsatPercent csat -> question instanceof Question.Csat c && c.points() == csat.points()
          && c.satisfiedFrom() == csat.satisfiedFrom();
      case CesMean ces -> question instanceof Question.Ces c && c.points() == ces.points()
          && c.orientation() == ces.orientation();
    };
  }

  /** NPS over the answers to an NPS question. */
  record Nps(QuestionId question) implements HeadlineMetric {

    public Nps {
      Objects.requireNonNull(question, "question");
    }

    @Override
    public Metric metric() {
      return Metric.NPS;
    }

    @Override
    public ScoreHistogram emptyAnswers() {
      return ScoreHistogram.empty(Question.Nps.MIN, Question.Nps.MAX);
    }
  }

  /** CSAT % over the answers to a CSAT question on 1..points, satisfied from {@code satisfiedFrom}. */
  record CsatPercent(QuestionId question, int points, int satisfiedFrom) implements HeadlineMetric {

    public CsatPercent {
      Objects.requireNonNull(question, "question");
      if (!io.touchstone.domain.metric.Csat.SUPPORTED_SCALES.contains(points)
          || satisfiedFrom < 1 || satisfiedFrom > points) {
        throw new IllegalArgumentException("CSAT scale 1.." + points + " with threshold " + satisfiedFrom);
      }
    }

    @Override
    public Metric metric() {
      return Metric.CSAT_PERCENT;
    }

    @Override
    public ScoreHistogram emptyAnswers() {
      return ScoreHistogram.empty(1, points);
    }
  }

  /** CES mean over the answers to a CES question on 1..points, normalised by its orientation. */
  record CesMean(QuestionId question, int points, CesOrientation orientation) implements HeadlineMetric {

    public CesMean {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(orientation, "orientation");
      if (!io.touchstone.domain.metric.Ces.SUPPORTED_SCALES.contains(points)) {
        throw new IllegalArgumentException("unsupported CES scale 1.." + points);
      }
    }

    @Override
    public Metric metric() {
      return Metric.CES_MEAN;
    }

    @Override
    public ScoreHistogram emptyAnswers() {
      return ScoreHistogram.empty(1, points);
    }
  }

  /** The headline metric of {@code survey}: that of its latest published version; none before it is published. */
  static Optional<HeadlineMetric> of(Survey survey) {
    Objects.requireNonNull(survey, "survey");
    return survey.latestPublished().flatMap(HeadlineMetric::of);
  }

  /** The headline metric of one survey version: first NPS, else first CSAT, else first CES question; else none. */
  static Optional<HeadlineMetric> of(SurveyVersion version) {
    Objects.requireNonNull(version, "version");
    Optional<HeadlineMetric> csat = Optional.empty();
    Optional<HeadlineMetric> ces = Optional.empty();
    for (Question question : version.content().questions()) {
      switch (question) {
        case Question.Nps nps -> {
          return Optional.of(new Nps(nps.id()));
        }
        case Question.Csat c -> {
          if (csat.isEmpty()) {
            csat = Optional.of(new CsatPercent(c.id(), c.points(), c.satisfiedFrom()));
          }
        }
        case Question.Ces c -> {
          if (ces.isEmpty()) {
            ces = Optional.of(new CesMean(c.id(), c.points(), c.orientation()));
          }
        }
        case Question.FreeText ignored -> {
        }
        case Question.SingleChoice ignored -> {
        }
      }
    }
    return csat.isPresent() ? csat : ces;
  }
}

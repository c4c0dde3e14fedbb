package io.touchstone.domain.summary;

import io.touchstone.domain.metric.Ces;
import io.touchstone.domain.metric.Csat;
import io.touchstone.domain.metric.Nps;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headline figures of one survey version: per question its n and the metric its type defines. */
public record SurveySummary(SurveyId surveyId, int version, long responses, List<QuestionSummary> questions) {

    public SurveySummary {
        questions = List.copyOf(questions);
    }

    public static SurveySummary of(SurveyId surveyId, SurveyVersion version, long responses, AnswerCounts counts) {
        List<QuestionSummary> questions = version.content().questions().stream()
                .map(question -> summarise(question, counts))
                .toList();
        return new SurveySummary(surveyId, version.number(), responses, questions);
    }

    private static QuestionSummary summarise(Question question, AnswerCounts counts) {
        return switch (question) {
            case Question.Nps nps -> {
                ScoreHistogram histogram = histogram(Question.Nps.MIN, Question.Nps.MAX, counts.scores(nps.id()));
                yield new QuestionSummary.Nps(nps.id(), histogram, Nps.of(histogram));
            }
            case Question.Csat csat -> {
                ScoreHistogram histogram = histogram(1, csat.points(), counts.scores(csat.id()));
                yield new QuestionSummary.Csat(csat.id(), histogram, Csat.of(histogram, csat.satisfiedFrom()));
            }
            case Question.Ces ces -> {
                ScoreHistogram histogram = histogram(1, ces.points(), counts.scores(ces.id()));
                yield new QuestionSummary.Ces(ces.id(), ces.orientation(), histogram,
                        Ces.of(histogram, ces.orientation()));
            }
            case Question.SingleChoice choice -> {
                Map<String, Long> chosen = counts.choices(choice.id());
                Map<String, Long> perOption = new LinkedHashMap<>();
                choice.options().forEach(option -> perOption.put(option.id(), chosen.getOrDefault(option.id(), 0L)));
                long n = perOption.values().stream().mapToLong(Long::longValue).sum();
                yield new QuestionSummary.SingleChoice(choice.id(), n, perOption);
            }
            case Question.FreeText text -> new QuestionSummary.FreeText(text.id(), counts.texts(text.id()));
        };
    }

    private static ScoreHistogram histogram(int min, int max, Map<Integer, Long> scores) {
        ScoreHistogram histogram = ScoreHistogram.empty(min, max);
        for (Map.Entry<Integer, Long> entry : scores.entrySet()) {
            histogram = histogram.plus(entry.getKey(), entry.getValue());
        }
        return histogram;
    }
}

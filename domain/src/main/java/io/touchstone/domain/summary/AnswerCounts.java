package io.touchstone.domain.summary;

import io.touchstone.domain.survey.QuestionId;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each value was answered, per question, over a set of responses: counts per score, per chosen option and
 * the number of text answers. This is what storage delivers; the formulas turn it into metrics.
 */
public final class AnswerCounts {

    private final Map<QuestionId, Map<Integer, Long>> scores = new HashMap<>();
    private final Map<QuestionId, Map<String, Long>> choices = new HashMap<>();
    private final Map<QuestionId, Long> texts = new HashMap<>();

    public AnswerCounts addScore(QuestionId question, int score, long count) {
        scores.computeIfAbsent(question, q -> new HashMap<>()).merge(score, count, Long::sum);
        return this;
    }

    public AnswerCounts addChoice(QuestionId question, String optionId, long count) {
        choices.computeIfAbsent(question, q -> new HashMap<>()).merge(optionId, count, Long::sum);
        return this;
    }

    public AnswerCounts addTexts(QuestionId question, long count) {
        texts.merge(question, count, Long::sum);
        return this;
    }

    public Map<Integer, Long> scores(QuestionId question) {
        return Map.copyOf(scores.getOrDefault(question, Map.of()));
    }

    public Map<String, Long> choices(QuestionId question) {
        return Map.copyOf(choices.getOrDefault(question, Map.of()));
    }

    public long texts(QuestionId question) {
        return texts.getOrDefault(question, 0L);
    }
}

package io.touchstone.domain.survey;

import io.touchstone.domain.metric.Ces;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.Csat;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.shared.error.InvalidValue;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A typed survey question. The type decides which answers it accepts and which metric it feeds. */
public sealed interface Question {

    QuestionId id();

    LocalizedText text();

    QuestionType type();

    /** Refuses an answer this question cannot take (wrong kind, outside the scale, unknown option, too long). */
    void check(AnswerValue answer);

    /** Net Promoter question, answered 0..10. */
    record Nps(QuestionId id, LocalizedText text) implements Question {

        public static final int MIN = 0;
        public static final int MAX = 10;

        public Nps {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public QuestionType type() {
            return QuestionType.NPS;
        }

        @Override
        public void check(AnswerValue answer) {
            checkScore(answer, MIN, MAX);
        }
    }

    /** Customer satisfaction on a 1..points scale; answers from {@code satisfiedFrom} up count as satisfied. */
    record Csat(QuestionId id, LocalizedText text, int points, int satisfiedFrom) implements Question {

        public Csat {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            if (!io.touchstone.domain.metric.Csat.SUPPORTED_SCALES.contains(points)) {
                throw new InvalidValue("scale", "question.scale-unsupported",
                        "a CSAT scale has 3, 5, 7 or 10 points, not " + points);
            }
            if (satisfiedFrom < 1 || satisfiedFrom > points) {
                throw new InvalidValue("satisfiedFrom", "question.threshold-out-of-range",
                        "must lie within the scale 1.." + points);
            }
        }

        /** A CSAT question with the default threshold of its scale. */
        public static Csat withDefaultThreshold(QuestionId id, LocalizedText text, int points) {
            if (!io.touchstone.domain.metric.Csat.SUPPORTED_SCALES.contains(points)) {
                throw new InvalidValue("scale", "question.scale-unsupported",
                        "a CSAT scale has 3, 5, 7 or 10 points, not " + points);
            }
            return new Csat(id, text, points, io.touchstone.domain.metric.Csat.defaultSatisfiedFrom(points));
        }

        @Override
        public QuestionType type() {
            return QuestionType.CSAT;
        }

        @Override
        public void check(AnswerValue answer) {
            checkScore(answer, 1, points);
        }
    }

    /** Customer effort on a 1..points scale, with the orientation its wording implies. */
    record Ces(QuestionId id, LocalizedText text, int points, CesOrientation orientation) implements Question {

        public Ces {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(orientation, "orientation");
            if (!io.touchstone.domain.metric.Ces.SUPPORTED_SCALES.contains(points)) {
                throw new InvalidValue("scale", "question.scale-unsupported",
                        "a CES scale has 5, 7 or 10 points, not " + points);
            }
        }

        @Override
        public QuestionType type() {
            return QuestionType.CES;
        }

        @Override
        public void check(AnswerValue answer) {
            checkScore(answer, 1, points);
        }
    }

    /** An open question answered in words. */
    record FreeText(QuestionId id, LocalizedText text, int maxLength) implements Question {

        public static final int DEFAULT_MAX_LENGTH = 5_000;
        public static final int LIMIT = 20_000;

        public FreeText {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            if (maxLength < 1 || maxLength > LIMIT) {
                throw new InvalidValue("maxLength", "question.max-length-out-of-range",
                        "must lie within 1.." + LIMIT);
            }
        }

        @Override
        public QuestionType type() {
            return QuestionType.FREE_TEXT;
        }

        @Override
        public void check(AnswerValue answer) {
            if (!(answer instanceof AnswerValue.Text(String value))) {
                throw wrongKind(answer, "text");
            }
            if (value.codePointCount(0, value.length()) > maxLength) {
                throw new InvalidValue("text", "answer.too-long", "must have at most " + maxLength + " characters");
            }
        }
    }

    /** Exactly one of a list of options. */
    record SingleChoice(QuestionId id, LocalizedText text, List<ChoiceOption> options) implements Question {

        public static final int MAX_OPTIONS = 100;

        public SingleChoice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            options = List.copyOf(options);
            if (options.size() < 2 || options.size() > MAX_OPTIONS) {
                throw new InvalidValue("options", "question.options-count",
                        "a single-choice question needs 2.." + MAX_OPTIONS + " options");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < options.size(); i++) {
                if (!seen.add(options.get(i).id())) {
                    throw new InvalidValue("options[" + i + "].id", "option.id-duplicate",
                            "option '" + options.get(i).id() + "' is given twice");
                }
            }
        }

        @Override
        public QuestionType type() {
            return QuestionType.SINGLE_CHOICE;
        }

        @Override
        public void check(AnswerValue answer) {
            if (!(answer instanceof AnswerValue.Choice(String optionId))) {
                throw wrongKind(answer, "choice");
            }
            if (options.stream().noneMatch(option -> option.id().equals(optionId))) {
                throw new InvalidValue("choice", "answer.option-unknown", "'" + optionId + "' is not an option of "
                        + "question '" + id + "'");
            }
        }
    }

    private static void checkScore(AnswerValue answer, int min, int max) {
        if (!(answer instanceof AnswerValue.Score(int score))) {
            throw wrongKind(answer, "score");
        }
        if (score < min || score > max) {
            throw new InvalidValue("score", "answer.out-of-range",
                    "score " + score + " lies outside the question's scale " + min + ".." + max);
        }
    }

    private static InvalidValue wrongKind(AnswerValue answer, String expected) {
        return new InvalidValue(answer.kind(), "answer.wrong-type",
                "this question takes a " + expected + ", not a " + answer.kind());
    }
}

package io.touchstone.domain.response;

import java.util.Objects;

/** What a respondent answered: a score on a scale, words, or the id of a chosen option. */
public sealed interface AnswerValue {

    /** The field name this kind of value travels under in both APIs: {@code score}, {@code text}, {@code choice}. */
    String kind();

    record Score(int value) implements AnswerValue {
        @Override
        public String kind() {
            return "score";
        }
    }

    record Text(String value) implements AnswerValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String kind() {
            return "text";
        }
    }

    record Choice(String optionId) implements AnswerValue {
        public Choice {
            Objects.requireNonNull(optionId, "optionId");
        }

        @Override
        public String kind() {
            return "choice";
        }
    }
}

package io.touchstone.domain.summary;

import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.survey.QuestionId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The figures of one question over a set of responses; {@code n} is the number of answers to it. */
public sealed interface QuestionSummary {

    QuestionId questionId();

    long n();

    record Nps(QuestionId questionId, ScoreHistogram histogram, Optional<NpsResult> nps) implements QuestionSummary {
        @Override
        public long n() {
            return histogram.n();
        }
    }

    record Csat(QuestionId questionId, ScoreHistogram histogram, Optional<CsatResult> csat)
            implements QuestionSummary {
        @Override
        public long n() {
            return histogram.n();
        }
    }

    record Ces(QuestionId questionId, CesOrientation orientation, ScoreHistogram histogram, Optional<CesResult> ces)
            implements QuestionSummary {
        @Override
        public long n() {
            return histogram.n();
        }
    }

    /** Answers per option id, every option of the question present (0 when never chosen). */
    record SingleChoice(QuestionId questionId, long n, Map<String, Long> counts) implements QuestionSummary {
        public SingleChoice {
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }

    record FreeText(QuestionId questionId, long n) implements QuestionSummary {
    }
}

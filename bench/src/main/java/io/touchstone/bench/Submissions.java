package io.touchstone.bench;

import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.SubmitResponseRequest;

/**
 * The responses the load sends: NPS, CSAT (1-5) and CES (1-7) answers to the bench survey, each under its own
 * idempotency key {@code <prefix>-<worker>-<n>}. The scores follow from the counter, so the same key always carries the
 * same content.
 */
final class Submissions {

    private final String surveyId;
    private final String keyPrefix;

    Submissions(String surveyId, String keyPrefix) {
        this.surveyId = surveyId;
        this.keyPrefix = keyPrefix;
    }

    SubmitResponseRequest request(int worker, long n) {
        long seed = n + worker;
        return SubmitResponseRequest.newBuilder()
                .setIdempotencyKey(keyPrefix + "-" + worker + "-" + n)
                .setSurveyId(surveyId)
                .setLanguage("en")
                .addAnswers(score("nps", seed % 11))
                .addAnswers(score("csat", seed % 5 + 1))
                .addAnswers(score("ces", seed % 7 + 1))
                .build();
    }

    private static Answer score(String questionId, long score) {
        return Answer.newBuilder().setQuestionId(questionId).setScore((int) score).build();
    }
}

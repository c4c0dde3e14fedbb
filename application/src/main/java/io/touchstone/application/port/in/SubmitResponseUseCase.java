package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores a respondent's answers ({@code responses:write}). Every submission carries an idempotency key: a retry with
 * the same key and the same content returns the first result and stores nothing; the same key with other content is a
 * conflict.
 */
public interface SubmitResponseUseCase {

    /** One answer: exactly one of score, text and choice is set. */
    record AnswerInput(String questionId, Integer score, String text, String choice) {
    }

    /** {@code channel}: where the respondent was asked (e.g. {@code WEB}); optional. */
    record SubmitResponseCommand(String idempotencyKey, UUID surveyId, Integer version, String language,
            String channel, String respondentRef, Map<String, String> metadata, List<AnswerInput> answers) {
    }

    /** The stored response, and whether this call replayed an earlier submission with the same key. */
    record Submission(Response response, boolean replayed) {
    }

    Uni<Submission> submit(Caller caller, SubmitResponseCommand command);
}

package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores a respondent's answers ({@code responses:write}). Every submission carries an idempotency key: a retry with
 * the same key and the same content returns the first result and stores nothing; the same key with other content is a
 * conflict. A response may name the recorded interaction it is about ({@code interaction.not-found} when the tenant
 * has none with that event id); it then keeps copies of the interaction's journey, stage, touchpoint, employee, team
 * and location, and the touchpoint's channel unless it names a channel of its own.
 */
public interface SubmitResponseUseCase {

    /** One answer: exactly one of score, text and choice is set. */
    record AnswerInput(String questionId, Integer score, String text, String choice) {
    }

    /**
     * {@code channel}: where the respondent was asked (e.g. {@code WEB}); optional. {@code interactionEventId}: the
     * event id of a recorded interaction of the tenant the response is about; optional.
     */
    record SubmitResponseCommand(String idempotencyKey, UUID surveyId, Integer version, String language,
            String channel, String respondentRef, Map<String, String> metadata, List<AnswerInput> answers,
            String interactionEventId) {

        /** A submission about no particular interaction. */
        public SubmitResponseCommand(String idempotencyKey, UUID surveyId, Integer version, String language,
                String channel, String respondentRef, Map<String, String> metadata, List<AnswerInput> answers) {
            this(idempotencyKey, surveyId, version, language, channel, respondentRef, metadata, answers, null);
        }
    }

    /** The stored response, and whether this call replayed an earlier submission with the same key. */
    record Submission(Response response, boolean replayed) {
    }

    Uni<Submission> submit(Caller caller, SubmitResponseCommand command);
}

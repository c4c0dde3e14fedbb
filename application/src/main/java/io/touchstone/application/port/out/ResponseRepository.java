package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.summary.AnswerCounts;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface ResponseRepository {

    /** A response stored under an idempotency key, with the fingerprint of the submission that created it. */
    record Keyed(ResponseId responseId, String fingerprint) {
    }

    /** Counts of a survey version's answers and the number of its responses. */
    record Tally(long responses, AnswerCounts answers) {
    }

    /**
     * Stores the response under its tenant's idempotency key. Fails with {@link DuplicateIdempotencyKey} when the
     * tenant already used the key (possibly by a concurrent call); then nothing is stored.
     */
    Uni<Void> add(Response response, String idempotencyKey, String fingerprint);

    Uni<Optional<Keyed>> findByIdempotencyKey(TenantId tenantId, String idempotencyKey);

    Uni<Optional<Response>> find(TenantId tenantId, ResponseId id);

    /** Responses to one survey in id (submission) order. */
    Uni<List<Response>> list(TenantId tenantId, SurveyId surveyId, KeysetPage page);

    Uni<Tally> tally(TenantId tenantId, SurveyId surveyId, int version);

    /** The idempotency key is taken already. */
    final class DuplicateIdempotencyKey extends RuntimeException {

        public DuplicateIdempotencyKey(Throwable cause) {
            super("idempotency key already used", cause, false, false);
        }
    }
}

package io.touchstone.platform.isolation;

import java.util.List;
import java.util.stream.Stream;

/**
 * What tenant A owns when tenant B starts probing: a draft and a published survey, responses to the published one
 * (so it has a summary), two API keys, and a journey with a stage whose touchpoint has the published survey attached. The markers are texts only A ever wrote; none of them, and none of the
 * ids, may appear in anything B is told.
 *
 * @param idempotencyKeys the keys under which A submitted its responses, in the same order
 */
record TenantA(
        String tenantId,
        String adminKey,
        String draftSurvey,
        String publishedSurvey,
        List<String> responses,
        List<String> idempotencyKeys,
        List<String> apiKeys,
        String journey,
        String stage,
        String touchpoint,
        List<String> markers) {

    /** The metadata key of A's responses; its value there is one of A's markers. */
    static final String ATTRIBUTE = "store";

    String idempotencyKey() {
        return idempotencyKeys.getFirst();
    }

    String firstResponse() {
        return responses.getFirst();
    }

    /** A's key that is not the one A works with, the one B tries to revoke. */
    String secondApiKey() {
        return apiKeys.getLast();
    }

    /** Every id of A's things, the tenant's own included. */
    List<String> ids() {
        return Stream.of(List.of(tenantId, draftSurvey, publishedSurvey, journey, stage, touchpoint), responses,
                        apiKeys)
                .flatMap(List::stream)
                .toList();
    }
}

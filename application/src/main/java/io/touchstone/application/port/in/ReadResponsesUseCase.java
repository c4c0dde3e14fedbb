package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.response.Response;
import java.util.UUID;

/** Reads stored responses of the caller's tenant ({@code responses:read}). */
public interface ReadResponsesUseCase {

    Uni<Response> get(Caller caller, UUID responseId);

    /** Responses to one survey, all versions, oldest first. */
    Uni<Page<Response>> list(Caller caller, UUID surveyId, PageRequest page);
}

package io.touchstone.adapter.rest;

import io.touchstone.domain.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ResponseView(
        UUID id,
        UUID surveyId,
        int version,
        String language,
        @Schema(description = "Where the respondent was asked; null when not given") String channel,
        String respondentRef,
        Map<String, String> metadata,
        List<AnswerJson> answers,
        Instant submittedAt) {

    static ResponseView of(Response response) {
        return new ResponseView(response.id().value(), response.surveyId().value(), response.surveyVersion(),
                response.language().value(), response.channel().map(Enum::name).orElse(null),
                response.respondentRef().orElse(null), response.metadata(),
                response.answers().stream().map(AnswerJson::of).toList(), Timestamps.of(response.submittedAt()));
    }
}

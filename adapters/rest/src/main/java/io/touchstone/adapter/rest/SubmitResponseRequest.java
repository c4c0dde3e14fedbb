package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SubmitResponseRequest(
        @Schema(description = "Published version answered; the latest published one when absent") Integer version,
        @Schema(description = "Language the respondent answered in; one of the survey's", examples = "cs")
        String language,
        @Schema(description = "Where the respondent was asked; optional",
                enumeration = {"EMAIL", "SMS", "PHONE", "CHAT", "WEB", "IN_APP", "IN_STORE", "SOCIAL", "OTHER"})
        String channel,
        @Schema(description = "The tenant's own reference of the respondent") String respondentRef,
        @Schema(examples = "{\"channel\":\"web\"}") Map<String, String> metadata,
        List<AnswerJson> answers,
        @Schema(description = "The event id of a recorded interaction the response is about; optional. The response "
                + "then inherits its journey, stage, touchpoint, employee, team and location, and the touchpoint's "
                + "channel unless it names one itself", examples = "call-2026-0001")
        String interactionEventId) {

    SubmitResponseCommand toCommand(String idempotencyKey, UUID surveyId) {
        return new SubmitResponseCommand(idempotencyKey, surveyId, version, language, channel, respondentRef, metadata,
                answers == null ? null : answers.stream().map(a -> a == null ? null : a.toInput()).toList(),
                interactionEventId);
    }
}

package io.touchstone.adapter.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the requests that change a journey. */
public final class JourneyChangeRequests {

    private JourneyChangeRequests() {
    }

    /** A new name for a journey or a stage. */
    public record Rename(@Schema(description = "1..200 characters") String name) {
    }

    public record AddStage(
            @Schema(description = "1..200 characters, unique within the journey (ignoring case)") String name,
            @Schema(description = "Where the stage goes, 0 (first) up to the number of stages; absent: last")
            Integer index) {
    }

    public record ReorderStages(
            @Schema(description = "Every stage id of the journey, each once, in the new order")
            List<String> stageIds) {
    }

    public record AddTouchpoint(
            @Schema(description = "1..200 characters, unique within the stage (ignoring case)") String name,
            @Schema(description = "EMAIL, SMS, PHONE, CHAT, WEB, IN_APP, IN_STORE, SOCIAL or OTHER") String channel) {
    }

    public record AttachSurvey(@Schema(description = "Id of a survey of the tenant") String surveyId) {
    }
}

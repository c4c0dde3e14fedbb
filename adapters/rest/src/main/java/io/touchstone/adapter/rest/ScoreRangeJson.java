package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keeps the responses that answered a question with a score within min..max (both included). */
@Schema(name = "ScoreRange", description = "Keeps the responses that answered the question with a score within "
        + "min..max, e.g. the NPS detractors: nps 0..6. Responses that did not answer it are left out.")
public record ScoreRangeJson(
        @Schema(examples = "nps") String questionId,
        @Schema(description = "0..10", examples = "0") Integer min,
        @Schema(description = "min..10", examples = "6") Integer max) {

    static List<ScoreRangeInput> inputs(List<ScoreRangeJson> ranges) {
        return ranges == null ? null
                : ranges.stream().map(r -> r == null ? null : new ScoreRangeInput(r.questionId, r.min, r.max))
                        .toList();
    }
}

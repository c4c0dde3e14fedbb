package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.ExportResponsesUseCase.ExportCommand;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which responses of a survey to export, and how to write them. */
@Schema(name = "ExportRequest")
public record ExportRequest(
        @Schema(description = "The survey whose responses are exported", required = true) String surveyId,
        @Schema(description = "First day (included), in the tenant's time zone", format = "date", required = true,
                examples = "2026-01-01") String from,
        @Schema(description = "Day after the last (excluded), in the tenant's time zone", format = "date",
                required = true, examples = "2026-04-01") String to,
        @Schema(description = "At most 20: language, channel or attribute:<metadata key>")
        List<DimensionFilterJson> filters,
        @Schema(description = "At most 10") List<ScoreRangeJson> scoreRanges,
        @Schema(description = "CSV (default) or JSON_LINES", enumeration = {"CSV", "JSON_LINES"}) String format) {

    ExportCommand toCommand() {
        return new ExportCommand(surveyId, from, to, DimensionFilterJson.inputs(filters),
                ScoreRangeJson.inputs(scoreRanges));
    }
}

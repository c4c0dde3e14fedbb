package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.StaffLeaderboardUseCase.StaffLeaderboardCommand;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A staff leaderboard request, field for field the use case's command. Absent fields are "not given". */
@Schema(name = "StaffLeaderboardRequest")
public record StaffLeaderboardRequest(
        @Schema(description = "What members are ranked by", enumeration = {"NPS", "CSAT_PERCENT"}) String metric,
        @Schema(description = "Employees or teams, as the interactions name them (default EMPLOYEE)",
                enumeration = {"EMPLOYEE", "TEAM"}) String level,
        @Schema(description = "The survey whose answers count; absent: every survey of the tenant")
        String surveyId,
        @Schema(description = "One question of the survey (needs surveyId); absent: every question of the metric's "
                + "type", examples = "nps") String questionId,
        @Schema(description = "First day (included), in the tenant's time zone", format = "date",
                examples = "2026-01-05") String from,
        @Schema(description = "Day after the last (excluded), in the tenant's time zone; at most 5 years after from",
                format = "date", examples = "2026-04-06") String to,
        @Schema(description = "At most 20, as in the metrics query (e.g. team EQUALS team-7 to rank one team's "
                + "employees); all must pass") List<DimensionFilterJson> filters,
        @Schema(description = "The fewest responses a member is listed with; absent: the service's minimum "
                + "(touchstone.metrics.staff-min-responses, 5 unless configured), which a request may raise but not "
                + "lower", examples = "10") Integer minResponses) {

    StaffLeaderboardCommand toCommand() {
        return new StaffLeaderboardCommand(metric, level, surveyId, questionId, from, to,
                DimensionFilterJson.inputs(filters), minResponses);
    }
}

package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.StaffLeaderboardUseCase.StaffLeaderboardReport;
import io.touchstone.domain.metric.StaffLeaderboard;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The staff leaderboard as JSON. */
@Schema(name = "StaffLeaderboard")
public record StaffLeaderboardView(
        @Schema(enumeration = {"NPS", "CSAT_PERCENT"}) String metric,
        @Schema(enumeration = {"EMPLOYEE", "TEAM"}) String level,
        @Schema(description = "First day (included)") LocalDate from,
        @Schema(description = "Day after the last (excluded)") LocalDate to,
        @Schema(description = "The fewest responses a listed member has (the service's minimum or the request's)")
        int minResponses,
        @Schema(description = "Listed members, best first; equal values share a rank (1, 2, 2, 4), then larger n "
                + "first, then by member") List<EntryView> entries,
        @Schema(description = "Members below the minimum: counted, never named") HiddenView hidden,
        @Schema(description = "Every member with answers: listed plus hidden") long members,
        @Schema(description = "Answers of every member: listed n plus hidden responses") long responses,
        @Schema(description = "Answers in scope whose response names no interaction, or an interaction without "
                + "such a member") long unattributedResponses) {

    static StaffLeaderboardView of(StaffLeaderboardReport report) {
        StaffLeaderboard.Leaderboard board = report.leaderboard();
        return new StaffLeaderboardView(report.metric().name(), report.level().name(), report.range().from(),
                report.range().to(), board.minResponses(), board.entries().stream().map(EntryView::of).toList(),
                new HiddenView(board.hidden().members(), board.hidden().responses()), board.members(),
                board.responses(), report.unattributed());
    }

    @Schema(name = "StaffLeaderboardEntry")
    public record EntryView(int rank,
            @Schema(description = "The employee or team reference of the interactions") String member,
            @Schema(description = "Answers over which the value is computed") long n,
            @Schema(description = "NPS (-100..100) or CSAT % (0..100)") double value,
            @Schema(description = "95 % confidence interval of the value") JourneyMapView.Interval confidenceInterval,
            @Schema(description = "n < 30") boolean smallSample) {

        static EntryView of(StaffLeaderboard.Entry entry) {
            return new EntryView(entry.rank(), entry.member(), entry.n(), entry.value(),
                    JourneyMapView.Interval.of(entry.confidenceInterval()), entry.smallSample());
        }
    }

    @Schema(name = "StaffLeaderboardHidden")
    public record HiddenView(long members, long responses) {
    }
}

package io.touchstone.adapter.grpc;

import io.touchstone.application.port.in.StaffLeaderboardUseCase.Level;
import io.touchstone.application.port.in.StaffLeaderboardUseCase.StaffLeaderboardCommand;
import io.touchstone.application.port.in.StaffLeaderboardUseCase.StaffLeaderboardReport;
import io.touchstone.domain.metric.StaffLeaderboard;
import io.touchstone.proto.v1.ConfidenceInterval;
import io.touchstone.proto.v1.GetStaffLeaderboardRequest;
import io.touchstone.proto.v1.GetStaffLeaderboardResponse;
import io.touchstone.proto.v1.StaffLeaderboardEntry;
import io.touchstone.proto.v1.StaffLevel;

/**
 * The staff leaderboard between proto and the application: a request becomes exactly the command of the REST body
 * (empty strings and {@code *_UNSPECIFIED} are "not given"; unknown enum numbers are refused as REST refuses an
 * unknown name).
 */
final class StaffLeaderboardProtoMapper {

    private StaffLeaderboardProtoMapper() {
    }

    static StaffLeaderboardCommand command(GetStaffLeaderboardRequest request) {
        return new StaffLeaderboardCommand(
                MetricsQueryProtoMapper.metric(request.getMetric()),
                level(request.getLevel()),
                CommonProtoMapper.emptyToNull(request.getSurveyId()),
                CommonProtoMapper.emptyToNull(request.getQuestionId()),
                CommonProtoMapper.emptyToNull(request.getFrom()),
                CommonProtoMapper.emptyToNull(request.getTo()),
                MetricsQueryProtoMapper.filters(request.getFiltersList()),
                request.hasMinResponses() ? request.getMinResponses() : null);
    }

    /** {@code STAFF_LEVEL_TEAM} → {@code TEAM}; unspecified: not given. */
    static String level(StaffLevel level) {
        return switch (level) {
            case STAFF_LEVEL_UNSPECIFIED -> null;
            case UNRECOGNIZED -> MetricsQueryProtoMapper.UNRECOGNIZED;
            default -> level.name().substring("STAFF_LEVEL_".length());
        };
    }

    static GetStaffLeaderboardResponse report(StaffLeaderboardReport report) {
        StaffLeaderboard.Leaderboard board = report.leaderboard();
        GetStaffLeaderboardResponse.Builder proto = GetStaffLeaderboardResponse.newBuilder()
                .setMetric(MetricsQueryProtoMapper.metric(report.metric()))
                .setLevel(report.level() == Level.TEAM ? StaffLevel.STAFF_LEVEL_TEAM : StaffLevel.STAFF_LEVEL_EMPLOYEE)
                .setFrom(report.range().from().toString())
                .setTo(report.range().to().toString())
                .setMinResponses(board.minResponses())
                .setHiddenMembers(board.hidden().members())
                .setHiddenResponses(board.hidden().responses())
                .setMembers(board.members())
                .setResponses(board.responses())
                .setUnattributedResponses(report.unattributed());
        for (StaffLeaderboard.Entry entry : board.entries()) {
            proto.addEntries(StaffLeaderboardEntry.newBuilder()
                    .setRank(entry.rank())
                    .setMember(entry.member())
                    .setN(entry.n())
                    .setValue(entry.value())
                    .setConfidenceInterval(ConfidenceInterval.newBuilder()
                            .setLower(entry.confidenceInterval().lower())
                            .setUpper(entry.confidenceInterval().upper()))
                    .setSmallSample(entry.smallSample()));
        }
        return proto.build();
    }
}

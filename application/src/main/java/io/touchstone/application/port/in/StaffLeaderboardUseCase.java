package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.metric.StaffLeaderboard.Leaderboard;
import java.util.List;
import java.util.Objects;

/**
 * Staff feedback ({@code metrics:read}): employees or teams ranked by NPS or CSAT % over the responses about the
 * interactions they handled. Members with fewer responses than the minimum are not listed, only counted; the
 * minimum is the service's configured floor unless a request raises it.
 */
public interface StaffLeaderboardUseCase {

    /**
     * A leaderboard request as both APIs carry it: {@code metric} ({@code NPS}, {@code CSAT_PERCENT}), {@code level}
     * ({@code EMPLOYEE}, {@code TEAM}), optionally one survey and one of its questions, the ISO days {@code from}
     * (included) to {@code to} (not) in the tenant's time zone, filters of the metrics query model, and a minimum of
     * responses to be listed ({@code null}: the configured floor; never below it). Null means "not given".
     */
    record StaffLeaderboardCommand(String metric, String level, String surveyId, String questionId, String from,
            String to, List<FilterInput> filters, Integer minResponses) {
    }

    /** Who is ranked: employees or teams, as the interactions name them. */
    enum Level {
        EMPLOYEE, TEAM
    }

    /**
     * The leaderboard of {@code level} by {@code metric} over {@code range}; {@code unattributed} counts the
     * answers of responses in scope whose interaction names no such member (or that name no interaction).
     */
    record StaffLeaderboardReport(Metric metric, Level level, DateRange range, Leaderboard leaderboard,
            long unattributed) {

        public StaffLeaderboardReport {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(leaderboard, "leaderboard");
        }
    }

    Uni<StaffLeaderboardReport> leaderboard(Caller caller, StaffLeaderboardCommand command);
}

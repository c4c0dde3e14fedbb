package io.touchstone.application.port.in;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import io.touchstone.domain.analytics.ExportLayout;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.SurveyId;
import java.util.List;

/**
 * All responses of one survey that match a filter, streamed ({@code responses:read}): however many there are, the
 * service holds only a constant amount of them at a time.
 */
public interface ExportResponsesUseCase {

    /** Like the metrics query: ISO days in the tenant's time zone, {@code from} included, {@code to} not. */
    record ExportCommand(String surveyId, String from, String to, List<FilterInput> filters,
            List<ScoreRangeInput> scoreRanges) {
    }

    /**
     * A checked export, ready to stream: the survey, its answer columns and the responses, oldest first. Nothing is
     * read until {@code responses} is subscribed to; a failure while streaming ends the stream.
     */
    record Export(SurveyId survey, ExportLayout layout, Multi<Response> responses) {
    }

    /** Fails before anything is streamed when the caller may not export, the survey is unknown or a field invalid. */
    Uni<Export> export(Caller caller, ExportCommand command);
}

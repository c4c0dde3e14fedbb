package io.touchstone.platform.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ExportResponsesUseCase;
import io.touchstone.domain.analytics.ExportLayout;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports made up in memory, without storage, so that the REST adapter's streaming can be driven where storage
 * cannot take it: a stream of millions of responses that counts what the connection asked for, one that fails
 * after {@link #CUT_AFTER} responses and one that fails before its first. Enabled by {@link SyntheticExports} only.
 */
@Alternative
@Singleton
public class SyntheticExport implements ExportResponsesUseCase {

    static final String ENDLESS = "0190a0b0-0000-7000-8000-00000000e0e0";
    static final String CUT = "0190a0b0-0000-7000-8000-00000000c0c0";
    static final String FAILS_AT_ONCE = "0190a0b0-0000-7000-8000-00000000f0f0";
    static final long ENDLESS_RESPONSES = 5_000_000;
    static final int CUT_AFTER = 200;
    static final String COMMENT = "Rychlé, \"milé\" a ochotné — خیلی خوب ".repeat(5);

    /** Responses of the endless export made so far, and whether its subscriber cancelled. */
    static final AtomicLong PRODUCED = new AtomicLong();
    static final AtomicBoolean CANCELLED = new AtomicBoolean();

    @Override
    public Uni<Export> export(Caller caller, ExportCommand command) {
        return Uni.createFrom().item(() -> {
            TenantId tenant = caller.tenantWith(Scope.RESPONSES_READ);
            SurveyId survey = new SurveyId(UUID.fromString(command.surveyId()));
            ExportLayout layout = new ExportLayout(List.of(new QuestionId("nps"), new QuestionId("comment")));
            Multi<Response> responses = switch (command.surveyId()) {
                case ENDLESS -> Multi.createFrom().range(0, (int) ENDLESS_RESPONSES)
                        .map(i -> response(tenant, survey, i))
                        .onItem().invoke(PRODUCED::incrementAndGet)
                        .onCancellation().invoke(() -> CANCELLED.set(true));
                case CUT -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().range(0, CUT_AFTER).map(i -> response(tenant, survey, i)),
                        Multi.createFrom().failure(new IllegalStateException("synthetic storage failure")));
                default -> Multi.createFrom().failure(new IllegalStateException("synthetic storage down"));
            };
            return new Export(survey, layout, responses);
        });
    }

    static Response response(TenantId tenant, SurveyId survey, long i) {
        return Response.rehydrate(new ResponseId(new UUID(0x0190a0b011117000L, 0x8000000000000000L + i)), tenant,
                survey, 1, LanguageTag.of("cs"), Channel.WEB, "r-" + i, Map.of("store", "Brno"),
                List.of(new Answer(new QuestionId("nps"), new AnswerValue.Score((int) (i % 11))),
                        new Answer(new QuestionId("comment"), new AnswerValue.Text(COMMENT))),
                Instant.parse("2026-01-05T09:30:00Z").plusMillis(i));
    }
}

package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.WAIT;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWith;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.comment;
import static io.touchstone.application.service.ServiceHarness.csat;
import static io.touchstone.application.service.ServiceHarness.definition;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static io.touchstone.application.service.ServiceHarness.nps;
import static io.touchstone.application.service.ServiceHarness.score;
import static io.touchstone.application.service.ServiceHarness.submission;
import static io.touchstone.application.service.ServiceHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.fake.UuidOrder;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ExportResponsesUseCase.Export;
import io.touchstone.application.port.in.ExportResponsesUseCase.ExportCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Exports against the in-memory fakes; the tenant's time zone is Europe/Prague. */
class ResponseExportServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant tenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();
    private final AtomicInteger keys = new AtomicInteger();

    private Survey survey(Caller caller, io.touchstone.application.port.in.SurveyDefinition definition) {
        app.clock.set(Instant.parse("2025-12-01T08:00:00Z"));
        return app.publishedSurvey(caller, definition);
    }

    private Response submit(String at, Caller caller, Survey survey, String language, String channel,
            Map<String, String> metadata, AnswerInput... answers) {
        return app.submitAt(Instant.parse(at), caller, submission("k" + keys.incrementAndGet(), survey, language,
                channel, metadata, answers));
    }

    private static ExportCommand command(Survey survey, String from, String to, List<FilterInput> filters,
            List<ScoreRangeInput> scoreRanges) {
        return new ExportCommand(survey.id().value().toString(), from, to, filters, scoreRanges);
    }

    private static List<Response> stream(Export export) {
        return export.responses().collect().asList().await().atMost(WAIT);
    }

    private static List<UUID> ids(List<Response> responses) {
        return responses.stream().map(response -> response.id().value()).toList();
    }

    @Test
    void streamsTheSurveysResponsesOfTheLocalDaysOldestFirstWithEveryAnswer() {
        Survey survey = survey(tenant, everyType());
        Survey other = survey(tenant, everyType());
        // 22:59 UTC on Jan 4 is 23:59 on Jan 4 in Prague: before the range; 23:00 UTC is Jan 5, inside
        Response before = submit("2026-01-04T22:59:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 1));
        Response third = submit("2026-01-07T09:00:00Z", tenant, survey, "fa", null, Map.of("store", "Brno"),
                score("nps", 9), score("csat", 4), text("comment", "ok"));
        Response first = submit("2026-01-04T23:00:00Z", tenant, survey, "cs", "EMAIL", Map.of(), score("nps", 10));
        Response second = submit("2026-01-06T09:00:00Z", tenant, survey, "cs", "SMS", Map.of(), score("nps", 3));
        // 23:00 UTC on Jan 11 is Jan 12 in Prague: after the range
        Response after = submit("2026-01-11T23:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 5));
        submit("2026-01-06T10:00:00Z", tenant, other, "cs", "WEB", Map.of(), score("nps", 5));

        Export export = await(app.exports.export(tenant, command(survey, "2026-01-05", "2026-01-12", null, null)));
        List<Response> responses = stream(export);

        assertThat(export.survey()).isEqualTo(survey.id());
        assertThat(export.layout().questions()).extracting(QuestionId::value)
                .containsExactly("nps", "csat", "ces", "channel", "comment");
        assertThat(ids(responses)).containsExactly(first.id().value(), second.id().value(), third.id().value())
                .doesNotContain(before.id().value(), after.id().value());
        Response last = responses.get(2);
        assertThat(last.answers()).isEqualTo(third.answers());
        assertThat(last.language().value()).isEqualTo("fa");
        assertThat(last.channel()).isEmpty();
        assertThat(last.metadata()).containsExactly(Map.entry("store", "Brno"));
        assertThat(last.submittedAt()).isEqualTo(Instant.parse("2026-01-07T09:00:00Z"));
    }

    @Test
    void theLocalDayOfTheAutumnChangeLasts25Hours() {
        Survey survey = survey(tenant, definition(nps("nps")));
        // 2026-10-25 03:00 CEST becomes 02:00 CET: October 25 runs from 2026-10-24T22:00Z to 2026-10-25T23:00Z
        submit("2026-10-24T21:59:59Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 1));
        Response midnight = submit("2026-10-24T22:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 2));
        Response firstTwoThirty = submit("2026-10-25T00:30:00Z", tenant, survey, "cs", "WEB", Map.of(),
                score("nps", 3));
        Response secondTwoThirty = submit("2026-10-25T01:30:00Z", tenant, survey, "cs", "WEB", Map.of(),
                score("nps", 4));
        Response lastSecond = submit("2026-10-25T22:59:59Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 5));
        submit("2026-10-25T23:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 6));

        List<Response> responses = stream(await(app.exports.export(tenant, command(survey, "2026-10-25",
                "2026-10-26", null, null))));

        assertThat(ids(responses)).containsExactly(midnight.id().value(), firstTwoThirty.id().value(),
                secondTwoThirty.id().value(), lastSecond.id().value());
    }

    @Test
    void responsesSubmittedAtTheSameInstantFollowTheirIds() {
        Survey survey = survey(tenant, definition(nps("nps")));
        for (int i = 0; i < 5; i++) {
            submit("2026-01-05T09:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", i));
        }

        List<Response> responses = stream(await(app.exports.export(tenant, command(survey, "2026-01-05",
                "2026-01-06", null, null))));

        assertThat(responses).hasSize(5);
        assertThat(ids(responses)).isSortedAccordingTo(UuidOrder.AS_STORED);
    }

    @Test
    void passesOnlyResponsesThatPassEveryFilterAndScoreRange() {
        Survey survey = survey(tenant, everyType());
        Response webPromoter = submit("2026-01-05T09:00:00Z", tenant, survey, "cs", "WEB", Map.of("store", "Brno"),
                score("nps", 9));
        submit("2026-01-05T10:00:00Z", tenant, survey, "cs", "WEB", Map.of("store", "Praha"), score("nps", 10));
        submit("2026-01-05T11:00:00Z", tenant, survey, "fa", "WEB", Map.of(), score("nps", 10));
        Response noStore = submit("2026-01-05T12:00:00Z", tenant, survey, "cs", "CHAT", Map.of(), score("nps", 10));
        submit("2026-01-05T13:00:00Z", tenant, survey, "cs", "SMS", Map.of(), score("nps", 10));
        submit("2026-01-05T14:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 8));
        submit("2026-01-05T15:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("csat", 5));

        List<Response> responses = stream(await(app.exports.export(tenant, command(survey, "2026-01-05",
                "2026-01-06", List.of(new FilterInput("channel", "IN", List.of("WEB", "CHAT")),
                        new FilterInput("language", "EQUALS", List.of("cs")),
                        new FilterInput("attribute:store", "NOT_IN", List.of("Praha"))),
                List.of(new ScoreRangeInput("nps", 9, 10))))));

        // in WEB or CHAT, in Czech, not in Praha (no store passes), a promoter (who gave no NPS answer does not)
        assertThat(ids(responses)).containsExactly(webPromoter.id().value(), noStore.id().value());
    }

    @Test
    void theStreamIsReadWhenSubscribedTo() {
        Survey survey = survey(tenant, definition(nps("nps")));
        Export export = await(app.exports.export(tenant, command(survey, "2026-01-05", "2026-01-06", null, null)));

        Response late = submit("2026-01-05T09:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 9));

        assertThat(ids(stream(export))).containsExactly(late.id().value());
    }

    @Test
    void aSurveyWithoutResponsesInTheRangeStreamsNothing() {
        Survey survey = survey(tenant, definition(nps("nps"), csat("csat", 5), comment("comment", 10)));
        submit("2026-02-05T09:00:00Z", tenant, survey, "cs", "WEB", Map.of(), score("nps", 9));

        Export export = await(app.exports.export(tenant, command(survey, "2026-01-05", "2026-01-06", null, null)));

        assertThat(stream(export)).isEmpty();
        assertThat(export.layout().questions()).extracting(QuestionId::value).containsExactly("nps", "csat",
                "comment");
    }

    @Test
    void aDraftBeingEditedAddsNoColumns() {
        Survey survey = survey(tenant, definition(nps("nps"), comment("comment", 10)));
        await(app.surveys.revise(tenant, survey.id().value(), definition(csat("csat", 5), nps("nps"))));

        Export export = await(app.exports.export(tenant, command(survey, "2026-01-05", "2026-01-06", null, null)));

        assertThat(export.layout().questions()).extracting(QuestionId::value).containsExactly("nps", "comment");
    }

    @Test
    void needsTheResponsesReadScopeAndATenant() {
        Survey survey = survey(tenant, definition(nps("nps")));
        ExportCommand command = command(survey, "2026-01-05", "2026-01-06", null, null);

        assertAccessFailure(app.exports.export(callerWithout(tenant.tenantId(), Scope.RESPONSES_READ), command),
                Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.exports.export(callerWith(tenant.tenantId(), Scope.METRICS_READ), command),
                Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.exports.export(app.operator, command), Forbidden.class, "auth.tenant-required");
        assertThat(await(app.exports.export(callerWith(tenant.tenantId(), Scope.RESPONSES_READ), command)).survey())
                .isEqualTo(survey.id());
    }

    @Test
    void anotherTenantsUnknownOrMalformedSurveyIsNotFound() {
        Survey theirs = survey(otherTenant, definition(nps("nps")));
        submit("2026-01-05T09:00:00Z", otherTenant, theirs, "cs", "WEB", Map.of(), score("nps", 9));

        assertDomainFailure(app.exports.export(tenant, command(theirs, "2026-01-05", "2026-01-06", null, null)),
                NotFound.class, "survey.not-found");
        assertDomainFailure(app.exports.export(tenant, new ExportCommand(UUID.randomUUID().toString(), "2026-01-05",
                "2026-01-06", null, null)), NotFound.class, "survey.not-found");
        assertDomainFailure(app.exports.export(tenant, new ExportCommand("survey-1", "2026-01-05", "2026-01-06", null,
                null)), NotFound.class, "survey.not-found");
    }

    @Test
    void badExportsNameTheirFields() {
        Survey survey = survey(tenant, definition(nps("nps")));

        assertInvalid(app.exports.export(tenant, new ExportCommand(null, "2026-01-06", "2026-01-05", null, null)),
                tuple("surveyId", "value.required"), tuple("to", "query.range-empty"));
        assertInvalid(app.exports.export(tenant, command(survey, "2026-01-05", "2026-01-06",
                        List.of(new FilterInput("question", "EQUALS", List.of("nps"))), List.of())),
                tuple("filters[0].dimension", "query.dimension-not-applicable"));
    }
}

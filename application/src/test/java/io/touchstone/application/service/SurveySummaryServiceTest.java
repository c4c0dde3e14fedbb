package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.choice;
import static io.touchstone.application.service.ServiceHarness.definition;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static io.touchstone.application.service.ServiceHarness.nps;
import static io.touchstone.application.service.ServiceHarness.score;
import static io.touchstone.application.service.ServiceHarness.submission;
import static io.touchstone.application.service.ServiceHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.summary.QuestionSummary;
import io.touchstone.domain.summary.SurveySummary;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SurveySummaryServiceTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant tenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();
    private final Survey survey = app.publishedSurvey(tenant, everyType());
    private final AtomicInteger keys = new AtomicInteger();

    @Test
    void summarisesTheLatestPublishedVersionWithHandComputedFigures() {
        submit(survey, score("nps", 10), score("csat", 5), score("ces", 1), choice("channel", "email"),
                text("comment", "super"));
        submit(survey, score("nps", 10), score("csat", 4), score("ces", 2), choice("channel", "email"));
        submit(survey, score("nps", 9), score("csat", 3), score("ces", 4), choice("channel", "phone"),
                text("comment", "ok"));
        submit(survey, score("nps", 8), score("csat", 1), score("ces", 7));
        submit(survey, score("nps", 7), score("csat", 5), score("ces", 3));
        submit(survey, score("nps", 6), score("csat", 2), score("ces", 5), choice("channel", "email"));
        submit(survey, score("nps", 2), score("csat", 4), score("ces", 1));

        SurveySummary summary = await(app.summaries.summarise(tenant, survey.id().value(), null));

        assertThat(summary.surveyId()).isEqualTo(survey.id());
        assertThat(summary.version()).isEqualTo(1);
        assertThat(summary.responses()).isEqualTo(7);
        assertThat(summary.questions()).extracting(QuestionSummary::n).containsExactly(7L, 7L, 7L, 4L, 2L);

        // NPS: promoters 10, 10, 9 = 3; passives 8, 7 = 2; detractors 6, 2 = 2; NPS = 100 × (3 − 2) / 7
        // SE = sqrt((3/7 + 2/7 − (1/7)²) / 7) = sqrt(34/343); CI = NPS ± 196 × SE
        NpsResult nps = ((QuestionSummary.Nps) summary.questions().get(0)).nps().orElseThrow();
        assertThat(nps.promoters()).isEqualTo(3);
        assertThat(nps.passives()).isEqualTo(2);
        assertThat(nps.detractors()).isEqualTo(2);
        assertThat(nps.score()).isCloseTo(14.285714285714286, EXACT);
        assertThat(nps.confidenceInterval().lower()).isCloseTo(-47.42328019645176, EXACT);
        assertThat(nps.confidenceInterval().upper()).isCloseTo(75.99470876788034, EXACT);

        // CSAT 1..5, satisfied from 4: 5, 4, 5, 4 of 7 → 57.142857… %; mean (5+4+3+1+5+2+4) / 7 = 24/7
        CsatResult csat = ((QuestionSummary.Csat) summary.questions().get(1)).csat().orElseThrow();
        assertThat(csat.satisfied()).isEqualTo(4);
        assertThat(csat.percentSatisfied()).isCloseTo(57.142857142857146, EXACT);
        assertThat(csat.mean()).isCloseTo(3.4285714285714284, EXACT);

        // CES 1..7, higher is harder: raw 1, 2, 4, 7, 3, 5, 1 → easier 7, 6, 4, 1, 5, 3, 7; mean 33/7
        // agree (> 4): 7, 6, 5, 7 = 4; neutral (4): 1; disagree: 1, 3 = 2; net = 100 × (4 − 2) / 7
        CesResult ces = ((QuestionSummary.Ces) summary.questions().get(2)).ces().orElseThrow();
        assertThat(ces.mean()).isCloseTo(4.714285714285714, EXACT);
        assertThat(ces.agree()).isEqualTo(4);
        assertThat(ces.neutral()).isEqualTo(1);
        assertThat(ces.disagree()).isEqualTo(2);
        assertThat(ces.net()).isCloseTo(28.571428571428573, EXACT);

        assertThat(((QuestionSummary.SingleChoice) summary.questions().get(3)).counts())
                .containsExactly(Map.entry("email", 3L), Map.entry("phone", 1L), Map.entry("chat", 0L));
        assertThat(summary.questions().get(4).n()).isEqualTo(2);
    }

    @Test
    void withoutResponsesEveryMetricIsAbsent() {
        SurveySummary summary = await(app.summaries.summarise(tenant, survey.id().value(), null));

        assertThat(summary.responses()).isZero();
        assertThat(((QuestionSummary.Nps) summary.questions().get(0)).nps()).isEmpty();
        assertThat(((QuestionSummary.Csat) summary.questions().get(1)).csat()).isEmpty();
        assertThat(((QuestionSummary.Ces) summary.questions().get(2)).ces()).isEmpty();
    }

    @Test
    void eachVersionCountsOnlyItsOwnResponses() {
        submit(survey, score("nps", 10));
        submit(survey, score("nps", 0));
        await(app.surveys.revise(tenant, survey.id().value(), definition(nps("nps"))));
        await(app.surveys.publish(tenant, survey.id().value()));
        submit(survey, score("nps", 9));

        SurveySummary latest = await(app.summaries.summarise(tenant, survey.id().value(), null));
        SurveySummary first = await(app.summaries.summarise(tenant, survey.id().value(), 1));

        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.responses()).isEqualTo(1);
        assertThat(latest.questions()).hasSize(1);
        assertThat(((QuestionSummary.Nps) latest.questions().getFirst()).nps().map(NpsResult::score)).contains(100.0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.responses()).isEqualTo(2);
        assertThat(((QuestionSummary.Nps) first.questions().getFirst()).nps().map(NpsResult::score)).contains(0.0);
    }

    @Test
    void aSurveyWithoutAPublishedVersionHasNoLatestSummary() {
        Survey draft = await(app.surveys.create(tenant, everyType()));

        assertDomainFailure(app.summaries.summarise(tenant, draft.id().value(), null), RuleViolated.class,
                "survey.not-published");
        assertDomainFailure(app.summaries.summarise(tenant, survey.id().value(), 2), NotFound.class,
                "survey.version-not-found");
    }

    @Test
    void anotherTenantsSurveyIsNotFoundAndItsResponsesStayUncounted() {
        Survey theirs = app.publishedSurvey(otherTenant, everyType());
        await(app.submissions.submit(otherTenant, submission("theirs", theirs, score("nps", 10))));

        assertDomainFailure(app.summaries.summarise(tenant, theirs.id().value(), null), NotFound.class,
                "survey.not-found");
        assertDomainFailure(app.summaries.summarise(tenant, UUID.randomUUID(), null), NotFound.class,
                "survey.not-found");
        assertThat(await(app.summaries.summarise(tenant, survey.id().value(), null)).responses()).isZero();
    }

    @Test
    void summariesNeedTheMetricsReadScope() {
        assertAccessFailure(app.summaries.summarise(callerWithout(tenant.tenantId(), Scope.METRICS_READ),
                survey.id().value(), null), Forbidden.class, "auth.scope-missing");
    }

    private void submit(Survey to, AnswerInput... answers) {
        await(app.submissions.submit(tenant, new SubmitResponseCommand("k" + keys.incrementAndGet(), to.id().value(),
                null, "cs", null, null, Map.of(), List.of(answers))));
    }
}

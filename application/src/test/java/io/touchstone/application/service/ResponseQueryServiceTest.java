package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static io.touchstone.application.service.ServiceHarness.score;
import static io.touchstone.application.service.ServiceHarness.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.fake.UuidOrder;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResponseQueryServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant tenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();
    private final Survey survey = app.publishedSurvey(tenant, everyType());

    @Test
    void getsAStoredResponse() {
        Response submitted = submit(survey, "k1", 9);

        Response found = await(app.responses.get(tenant, submitted.id().value()));

        assertThat(found.id()).isEqualTo(submitted.id());
        assertThat(found.answers()).isEqualTo(submitted.answers());
        assertThat(found.submittedAt()).isEqualTo(submitted.submittedAt());
    }

    @Test
    void anotherTenantsResponseIsNotFound() {
        Survey theirs = app.publishedSurvey(otherTenant, everyType());
        Response theirResponse = await(app.submissions.submit(otherTenant, submission("t", theirs, score("nps", 3))))
                .response();

        assertDomainFailure(app.responses.get(tenant, theirResponse.id().value()), NotFound.class,
                "response.not-found");
        assertDomainFailure(app.responses.get(tenant, UUID.randomUUID()), NotFound.class, "response.not-found");
        assertDomainFailure(app.responses.list(tenant, theirs.id().value(), PageRequest.of(null, null)),
                NotFound.class, "survey.not-found");
    }

    @Test
    void pagesCoverEveryResponseOnceOldestFirst() {
        List<UUID> submitted = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            submitted.add(submit(survey, "k" + i, i % 11).id().value());
            app.clock.advance(Duration.ofMillis(i % 3 == 0 ? 1 : 0));
        }
        Survey other = app.publishedSurvey(tenant, everyType());
        submit(other, "other", 5);

        List<UUID> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Response> page = await(app.responses.list(tenant, survey.id().value(), new PageRequest(4, cursor)));
            page.items().forEach(response -> seen.add(response.id().value()));
            sizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(sizes).containsExactly(4, 4, 3);
        assertThat(new HashSet<>(seen)).hasSize(11);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(submitted).isSortedAccordingTo(UuidOrder.AS_STORED);
    }

    @Test
    void aSurveyWithoutResponsesListsAnEmptyLastPage() {
        Page<Response> page = await(app.responses.list(tenant, survey.id().value(), PageRequest.of(null, null)));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void aForeignCursorIsRefused() {
        submit(survey, "k1", 1);

        assertInvalid(app.responses.list(tenant, survey.id().value(), PageRequest.of(5, "not-a-cursor")),
                tuple("cursor", "page.cursor-invalid"));
    }

    @Test
    void readingNeedsTheResponsesReadScope() {
        Response submitted = submit(survey, "k1", 1);
        Caller.Tenant writer = callerWithout(tenant.tenantId(), Scope.RESPONSES_READ);

        assertAccessFailure(app.responses.get(writer, submitted.id().value()), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.responses.list(writer, survey.id().value(), PageRequest.of(null, null)),
                Forbidden.class, "auth.scope-missing");
    }

    private Response submit(Survey to, String key, int nps) {
        return await(app.submissions.submit(tenant, submission(key, to, score("nps", nps)))).response();
    }
}

package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWith;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.ces;
import static io.touchstone.application.service.ServiceHarness.channel;
import static io.touchstone.application.service.ServiceHarness.csat;
import static io.touchstone.application.service.ServiceHarness.definition;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static io.touchstone.application.service.ServiceHarness.nps;
import static io.touchstone.application.service.ServiceHarness.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.in.SurveyDefinition;
import io.touchstone.application.port.in.SurveyDefinition.OptionDefinition;
import io.touchstone.application.port.in.SurveyDefinition.QuestionDefinition;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyStatus;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant tenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();

    @Test
    void createsADraftVersionOneFromTheDefinition() {
        Survey created = await(app.surveys.create(tenant, everyType()));

        Survey stored = await(app.adapters.surveys.find(tenant.tenantId(), created.id())).orElseThrow();
        assertThat(stored.tenantId()).isEqualTo(tenant.tenantId());
        assertThat(stored.createdAt()).isEqualTo(START);
        assertThat(stored.versions()).containsExactlyElementsOf(created.versions());
        SurveyVersion version = stored.latest();
        assertThat(version.number()).isEqualTo(1);
        assertThat(version.status()).isEqualTo(SurveyStatus.DRAFT);
        assertThat(version.content().defaultLanguage()).isEqualTo(LanguageTag.of("cs"));
        assertThat(version.content().languages()).containsExactlyInAnyOrder(LanguageTag.of("cs"),
                LanguageTag.of("fa"));
        assertThat(version.content().questions()).extracting(Question::type).extracting(Enum::name)
                .containsExactly("NPS", "CSAT", "CES", "SINGLE_CHOICE", "FREE_TEXT");
    }

    @Test
    void fillsInTheDefaultsOfEachQuestionType() {
        QuestionDefinition freeText = new QuestionDefinition("comment", "FREE_TEXT", texts("cs", "Proč?"), null, null,
                null, null, null);
        QuestionDefinition csatThreshold = new QuestionDefinition("csat10", "CSAT", texts("cs", "Jak?"), 10, 9, null,
                null, null);

        Survey created = await(app.surveys.create(tenant, definition(csat("csat", 7), ces("ces", 5, null),
                freeText, csatThreshold)));

        List<Question> questions = created.latest().content().questions();
        assertThat(((Question.Csat) questions.get(0)).satisfiedFrom()).isEqualTo(6);
        assertThat(((Question.Ces) questions.get(1)).orientation()).isEqualTo(CesOrientation.HIGHER_IS_EASIER);
        assertThat(((Question.FreeText) questions.get(2)).maxLength()).isEqualTo(Question.FreeText.DEFAULT_MAX_LENGTH);
        assertThat(((Question.Csat) questions.get(3)).satisfiedFrom()).isEqualTo(9);
    }

    @Test
    void namesEveryBadFieldOfADefinitionAndStoresNothing() {
        SurveyDefinition bad = new SurveyDefinition(null, texts("cs", "Titul", "cs_CZ", "x"), List.of(
                new QuestionDefinition("nps", "NET_PROMOTER", texts("cs", "?"), null, null, null, null, null),
                new QuestionDefinition("csat", "CSAT", texts("cs", "?"), null, null, null, null, null),
                new QuestionDefinition("ces", "CES", texts("cs", "?"), 4, null, "SIDEWAYS", null, null),
                new QuestionDefinition("bad id", "NPS", texts("cs", " "), null, null, null, null, null)));
        int before = app.adapters.surveys.size();

        assertInvalid(app.surveys.create(tenant, bad),
                tuple("defaultLanguage", "value.required"),
                tuple("title.cs_CZ", "language.invalid"),
                tuple("questions[0].type", "question.type-unknown"),
                tuple("questions[1].scale", "value.required"),
                tuple("questions[2].orientation", "question.orientation-unknown"),
                tuple("questions[3].id", "question.id-invalid"),
                tuple("questions[3].text.cs", "value.required"));

        assertThat(app.adapters.surveys.size()).isEqualTo(before);
    }

    @Test
    void namesTextsThatLackTheDefaultLanguageWithTheirPath() {
        QuestionDefinition persianOnly = new QuestionDefinition("ces", "CES", texts("fa", "آسان بود؟"), 5, null, null,
                null, null);
        QuestionDefinition labels = new QuestionDefinition("channel", "SINGLE_CHOICE", texts("cs", "Kanál"), null,
                null, null, null, List.of(new OptionDefinition("email", texts("cs", "E-mail")),
                        new OptionDefinition("phone", texts("fa", "تلفن"))));

        assertInvalid(app.surveys.create(tenant, definition(nps("nps"), persianOnly, labels)),
                tuple("questions[1].text.cs", "text.default-language-missing"),
                tuple("questions[2].options[1].label.cs", "text.default-language-missing"));
    }

    @Test
    void refusesScalesTheMetricsDoNotSupport() {
        assertInvalid(app.surveys.create(tenant, definition(csat("csat", 4))),
                tuple("questions[0].scale", "question.scale-unsupported"));
        assertInvalid(app.surveys.create(tenant, definition(ces("ces", 3, null))),
                tuple("questions[0].scale", "question.scale-unsupported"));
    }

    @Test
    void publishingThenRevisingStartsVersionTwoAndKeepsVersionOnePublished() {
        Survey created = await(app.surveys.create(tenant, everyType()));
        app.clock.advance(Duration.ofMinutes(1));
        await(app.surveys.publish(tenant, created.id().value()));
        app.clock.advance(Duration.ofMinutes(1));

        Survey revised = await(app.surveys.revise(tenant, created.id().value(), definition(nps("nps"))));

        Survey stored = await(app.adapters.surveys.find(tenant.tenantId(), created.id())).orElseThrow();
        assertThat(stored.versions()).containsExactlyElementsOf(revised.versions());
        assertThat(stored.versions()).extracting(SurveyVersion::number, SurveyVersion::status).containsExactly(
                tuple(1, SurveyStatus.PUBLISHED), tuple(2, SurveyStatus.DRAFT));
        assertThat(stored.version(1).content()).isEqualTo(created.version(1).content());
        assertThat(stored.version(1).publishedAt()).contains(START.plus(Duration.ofMinutes(1)));
        assertThat(stored.version(2).createdAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(stored.version(2).content().questions()).extracting(Question::id)
                .containsExactly(new QuestionId("nps"));
    }

    @Test
    void publishingTwiceIsRefusedAndChangesNothing() {
        Survey created = await(app.surveys.create(tenant, everyType()));
        Survey published = await(app.surveys.publish(tenant, created.id().value()));
        app.clock.advance(Duration.ofHours(1));

        assertDomainFailure(app.surveys.publish(tenant, created.id().value()), RuleViolated.class,
                "survey.already-published");

        assertThat(await(app.adapters.surveys.find(tenant.tenantId(), created.id())).orElseThrow().versions())
                .containsExactlyElementsOf(published.versions());
    }

    @Test
    void anInvalidRevisionChangesNothing() {
        Survey created = await(app.surveys.create(tenant, everyType()));

        assertInvalid(app.surveys.revise(tenant, created.id().value(), definition(csat("csat", 11))),
                tuple("questions[0].scale", "question.scale-unsupported"));

        assertThat(await(app.adapters.surveys.find(tenant.tenantId(), created.id())).orElseThrow().versions())
                .containsExactlyElementsOf(created.versions());
    }

    @Test
    void anotherTenantsSurveyIsNotFoundAndStaysUntouched() {
        Survey theirs = await(app.surveys.create(otherTenant, everyType()));
        UUID id = theirs.id().value();

        assertDomainFailure(app.surveys.get(tenant, id), NotFound.class, "survey.not-found");
        assertDomainFailure(app.surveys.publish(tenant, id), NotFound.class, "survey.not-found");
        assertDomainFailure(app.surveys.revise(tenant, id, definition(nps("nps"))), NotFound.class, "survey.not-found");
        assertDomainFailure(app.surveys.get(tenant, UUID.randomUUID()), NotFound.class, "survey.not-found");

        assertThat(await(app.surveys.get(otherTenant, id)).versions()).containsExactlyElementsOf(theirs.versions());
        assertThat(await(app.surveys.list(tenant, PageRequest.of(null, null))).items()).isEmpty();
    }

    @Test
    void changingSurveysNeedsTheWriteScopeAndReadingTheReadScope() {
        Survey created = await(app.surveys.create(tenant, everyType()));
        UUID id = created.id().value();
        Caller.Tenant readOnly = callerWith(tenant.tenantId(), Scope.SURVEYS_READ);
        Caller.Tenant writeOnly = callerWithout(tenant.tenantId(), Scope.SURVEYS_READ);

        assertAccessFailure(app.surveys.create(readOnly, everyType()), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.surveys.publish(readOnly, id), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.surveys.revise(readOnly, id, everyType()), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.surveys.get(writeOnly, id), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.surveys.list(writeOnly, PageRequest.of(null, null)), Forbidden.class,
                "auth.scope-missing");
        assertAccessFailure(app.surveys.get(app.operator, id), Forbidden.class, "auth.tenant-required");

        assertThat(await(app.surveys.get(readOnly, id)).latest().status()).isEqualTo(SurveyStatus.DRAFT);
        assertThat(app.adapters.surveys.size()).isEqualTo(1);
    }

    @Test
    void pagesCoverEverySurveyOnceInIdOrder() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(await(app.surveys.create(tenant, everyType())).id().value());
            if (i % 2 == 0) {
                app.clock.advance(Duration.ofMillis(3));
            }
        }
        await(app.surveys.create(otherTenant, everyType()));

        List<List<UUID>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Survey> page = await(app.surveys.list(tenant, new PageRequest(3, cursor)));
            pages.add(page.items().stream().map(s -> s.id().value()).toList());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
        List<UUID> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all).containsExactlyInAnyOrderElementsOf(created)
                .isSortedAccordingTo(io.touchstone.application.fake.UuidOrder.AS_STORED);
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        for (int i = 0; i < 4; i++) {
            await(app.surveys.create(tenant, everyType()));
        }

        Page<Survey> first = await(app.surveys.list(tenant, new PageRequest(2, Optional.empty())));
        Page<Survey> second = await(app.surveys.list(tenant, new PageRequest(2, first.nextCursor())));

        assertThat(first.items()).hasSize(2);
        assertThat(first.nextCursor()).isPresent();
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isEmpty();
        assertThat(await(app.surveys.list(tenant, PageRequest.of(null, null))).items()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "djE6bm90LWEtdXVpZA", "djI6MDE5MGE1ZTAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAx",
        "%%%"})
    void aCursorThatThisListDidNotHandOutIsRefused(String cursor) {
        await(app.surveys.create(tenant, everyType()));

        assertInvalid(app.surveys.list(tenant, new PageRequest(10, Optional.of(cursor))),
                tuple("cursor", "page.cursor-invalid"));
    }

    @Test
    void aBlankCursorMeansTheFirstPage() {
        await(app.surveys.create(tenant, everyType()));

        assertThat(await(app.surveys.list(tenant, PageRequest.of(5, "  "))).items()).hasSize(1);
    }

    @Test
    void aPageHoldsOneToAHundredItems() {
        for (int limit : new int[] {0, -1, 101}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageRequest.of(limit, null))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> {
                        assertThat(e.code()).isEqualTo("page.limit-out-of-range");
                        assertThat(e.violations()).singleElement().extracting("field").isEqualTo("limit");
                    });
        }
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(20);
        assertThat(PageRequest.of(100, null).limit()).isEqualTo(100);
    }
}

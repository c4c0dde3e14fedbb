package io.touchstone.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.AccessException;
import io.touchstone.application.fake.FakeTenantIdentities;
import io.touchstone.application.fake.FakeTokenVerifier;
import io.touchstone.application.fake.InMemoryAdapters;
import io.touchstone.application.fake.InMemoryResponseRepository;
import io.touchstone.application.fake.TestClock;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionTenantCommand;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import io.touchstone.application.port.in.SurveyDefinition;
import io.touchstone.application.port.in.SurveyDefinition.OptionDefinition;
import io.touchstone.application.port.in.SurveyDefinition.QuestionDefinition;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.shared.error.DomainException;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.groups.Tuple;

/** Every service wired to in-memory adapters and a clock that moves only when told. */
final class ServiceHarness {

    static final Instant START = Instant.parse("2026-06-01T08:00:00.000001Z");
    static final String OPERATOR_TOKEN = "operator-secret-token";
    static final Duration WAIT = Duration.ofSeconds(5);

    final TestClock clock = new TestClock(START);
    final InMemoryAdapters adapters;
    final ApiKeySecrets secrets = new ApiKeySecrets();
    final FakeTenantIdentities identities = new FakeTenantIdentities();
    final TenantProvisioningService provisioning;
    final TenantLifecycleService lifecycle;
    final ApiKeyService apiKeys;
    final FakeTokenVerifier tokens = new FakeTokenVerifier();
    final ApiKeyUsage usage;
    final AuthenticationService authentication;
    final SurveyService surveys;
    final ResponseSubmissionService submissions;
    final ResponseQueryService responses;
    final SurveySummaryService summaries;
    final AuditLogService audit;
    final MetricsQueryService metrics;
    final ResponseExportService exports;
    final JourneyService journeys;
    final JourneyMapService journeyMap;
    final Caller.Operator operator = new Caller.Operator("operator");

    ServiceHarness() {
        this(new InMemoryResponseRepository());
    }

    ServiceHarness(InMemoryResponseRepository responseRepository) {
        adapters = new InMemoryAdapters(responseRepository);
        provisioning = new TenantProvisioningService(adapters.tenants, adapters.keys, adapters.auditLog,
                adapters.unitOfWork, secrets, clock, identities);
        lifecycle = new TenantLifecycleService(adapters.tenants, adapters.auditLog, adapters.unitOfWork, identities,
                clock);
        apiKeys = new ApiKeyService(adapters.keys, adapters.auditLog, adapters.unitOfWork, secrets, clock);
        usage = new ApiKeyUsage(adapters.keys, adapters.unitOfWork);
        authentication = new AuthenticationService(adapters.keys, adapters.tenants, adapters.unitOfWork, secrets,
                clock, tokens, java.util.Optional.of(OPERATOR_TOKEN), usage);
        surveys = new SurveyService(adapters.surveys, adapters.auditLog, adapters.unitOfWork, clock);
        submissions = new ResponseSubmissionService(adapters.surveys, adapters.responses,
                adapters.interactionLinks, adapters.unitOfWork, clock);
        responses = new ResponseQueryService(adapters.surveys, adapters.responses, adapters.unitOfWork);
        summaries = new SurveySummaryService(adapters.surveys, adapters.responses, adapters.unitOfWork);
        metrics = new MetricsQueryService(adapters.surveys, adapters.statistics,
                adapters.interactionStatistics, adapters.unitOfWork);
        exports = new ResponseExportService(adapters.surveys, adapters.statistics, adapters.unitOfWork);
        audit = new AuditLogService(adapters.auditLog, adapters.unitOfWork);
        journeyMap = new JourneyMapService(adapters.journeys, adapters.surveys, adapters.statistics,
                adapters.interactionStatistics, adapters.unitOfWork);
        journeys = new JourneyService(adapters.journeys, adapters.surveys, adapters.auditLog, adapters.unitOfWork,
                clock);
    }

    ProvisionedTenant provision(String name) {
        return await(provisioning.provision(operator, new ProvisionTenantCommand(name, "Europe/Prague")));
    }

    /** A caller of a new tenant with every scope, as its admin key authenticates. */
    Caller.Tenant newTenant() {
        ProvisionedTenant provisioned = provision("Tenant " + UUID.randomUUID());
        return (Caller.Tenant) await(authentication.byApiKey(provisioned.adminKey().secret()));
    }

    static Caller.Tenant callerWith(TenantId tenant, Scope... scopes) {
        return new Caller.Tenant(tenant, scopes.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(scopes)),
                "test");
    }

    /** Every scope but {@code missing}. */
    static Caller.Tenant callerWithout(TenantId tenant, Scope missing) {
        EnumSet<Scope> scopes = EnumSet.allOf(Scope.class);
        scopes.remove(missing);
        return new Caller.Tenant(tenant, scopes, "test");
    }

    Survey publishedSurvey(Caller caller, SurveyDefinition definition) {
        Survey created = await(surveys.create(caller, definition));
        return await(surveys.publish(caller, created.id().value()));
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Uni<?> uni) {
        return assertThatThrownBy(() -> uni.await().atMost(WAIT));
    }

    /** The call fails with a domain failure of this type and code. */
    static void assertDomainFailure(Uni<?> uni, Class<? extends DomainException> type, String code) {
        assertFails(uni).isInstanceOf(type).extracting(e -> ((DomainException) e).code()).isEqualTo(code);
    }

    /** The call fails with an access failure of this type and code. */
    static void assertAccessFailure(Uni<?> uni, Class<? extends AccessException> type, String code) {
        assertFails(uni).isInstanceOf(type).extracting(e -> ((AccessException) e).code()).isEqualTo(code);
    }

    /** The call fails with exactly these (field, code) violations, in this order. */
    static void assertInvalid(Uni<?> uni, Tuple... violations) {
        assertFails(uni).isInstanceOfSatisfying(InvalidValue.class, invalid ->
                assertThat(invalid.violations()).extracting("field", "code").containsExactly(violations));
    }

    // --- survey definitions as the APIs deliver them -------------------------------------------------------------

    static Map<String, String> texts(String... languageThenText) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < languageThenText.length; i += 2) {
            texts.put(languageThenText[i], languageThenText[i + 1]);
        }
        return texts;
    }

    static QuestionDefinition nps(String id) {
        return new QuestionDefinition(id, "NPS", texts("cs", "Doporučíte nás?", "fa", "ما را توصیه می‌کنید؟"), null,
                null, null, null, null);
    }

    static QuestionDefinition csat(String id, int scale) {
        return new QuestionDefinition(id, "CSAT", texts("cs", "Jak hodnotíte vaši zkušenost s naší společností?"),
                scale, null, null, null, null);
    }

    static QuestionDefinition ces(String id, int scale, String orientation) {
        return new QuestionDefinition(id, "CES", texts("cs", "Jak jednoduché bylo pro vás vyřízení žádosti?", "fa",
                "حل کردن مشکلتان با ما چقدر آسان بود؟"), scale, null, orientation, null, null);
    }

    static QuestionDefinition channel(String id, String... options) {
        return new QuestionDefinition(id, "SINGLE_CHOICE", texts("cs", "Jak jste nás kontaktovali?"), null, null, null,
                null, Arrays.stream(options).map(o -> new OptionDefinition(o, texts("cs", "možnost " + o))).toList());
    }

    static QuestionDefinition comment(String id, int maxLength) {
        return new QuestionDefinition(id, "FREE_TEXT", texts("cs", "Co můžeme zlepšit?"), null, null, null, maxLength,
                null);
    }

    static SurveyDefinition definition(QuestionDefinition... questions) {
        return new SurveyDefinition("cs", texts("cs", "Spokojenost zákazníků", "fa", "رضایت مشتری"), List.of(questions));
    }

    /** nps, csat (1..5), ces (1..7, higher is harder), channel (email, phone, chat), comment (≤ 10 characters). */
    static SurveyDefinition everyType() {
        return definition(nps("nps"), csat("csat", 5), ces("ces", 7, "HIGHER_IS_HARDER"),
                channel("channel", "email", "phone", "chat"), comment("comment", 10));
    }

    // --- submissions -------------------------------------------------------------------------------------------------

    static AnswerInput score(String question, int value) {
        return new AnswerInput(question, value, null, null);
    }

    static AnswerInput text(String question, String value) {
        return new AnswerInput(question, null, value, null);
    }

    static AnswerInput choice(String question, String option) {
        return new AnswerInput(question, null, null, option);
    }

    static SubmitResponseCommand submission(String key, Survey survey, AnswerInput... answers) {
        return new SubmitResponseCommand(key, survey.id().value(), null, "cs", null, null, Map.of(), List.of(answers));
    }

    /** A submission that says in which language, on which channel (null: none) and with which attributes. */
    static SubmitResponseCommand submission(String key, Survey survey, String language, String channel,
            Map<String, String> metadata, AnswerInput... answers) {
        return new SubmitResponseCommand(key, survey.id().value(), null, language, channel, null, metadata,
                List.of(answers));
    }

    /** Submits at {@code at}: the clock is set there first, so that the response is submitted then. */
    Response submitAt(Instant at, Caller caller, SubmitResponseCommand command) {
        clock.set(at);
        return await(submissions.submit(caller, command)).response();
    }
}

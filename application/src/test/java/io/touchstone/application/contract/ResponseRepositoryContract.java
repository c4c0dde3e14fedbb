package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.IDS_IN_STORED_ORDER;
import static io.touchstone.application.contract.ContractFixtures.T0;
import static io.touchstone.application.contract.ContractFixtures.choice;
import static io.touchstone.application.contract.ContractFixtures.score;
import static io.touchstone.application.contract.ContractFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.application.port.out.ResponseRepository.DuplicateIdempotencyKey;
import io.touchstone.application.port.out.ResponseRepository.Keyed;
import io.touchstone.application.port.out.ResponseRepository.Tally;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ResponseRepository} does, the in-memory fake and the database adapter alike. */
public abstract class ResponseRepositoryContract extends PortContract {

    private static final QuestionId NPS = new QuestionId("nps");
    private static final QuestionId CSAT = new QuestionId("csat");
    private static final QuestionId CES = new QuestionId("ces");
    private static final QuestionId CHANNEL = new QuestionId("channel");
    private static final QuestionId COMMENT = new QuestionId("comment");

    private TenantId tenant;
    private TenantId otherTenant;
    private Survey survey;
    private Survey otherSurvey;
    private Survey otherTenantsSurvey;

    @BeforeEach
    public void storeTenantsAndSurveys() {
        Tenant one = ContractFixtures.tenant();
        Tenant two = ContractFixtures.tenant();
        tenant = one.id();
        otherTenant = two.id();
        survey = ContractFixtures.published(tenant, UUID.randomUUID());
        otherSurvey = ContractFixtures.published(tenant, UUID.randomUUID());
        otherTenantsSurvey = ContractFixtures.published(otherTenant, survey.id().value());
        transactionally(tenant, () -> tenants().add(one)
                .chain(() -> surveys().add(survey))
                .chain(() -> surveys().add(otherSurvey)));
        transactionally(otherTenant, () -> tenants().add(two).chain(() -> surveys().add(otherTenantsSurvey)));
    }

    @Test
    public void aStoredResponseIsFoundWithEveryFieldAndItsAnswersInOrder() {
        Response response = ContractFixtures.response(survey, UUID.randomUUID(),
                text("comment", "پشتیبانی عالی بود، ممنون! 👍"), score("nps", 9), choice("channel", "phone"),
                score("ces", 2), score("csat", 5));

        transactionally(response.tenantId(), () -> responses().add(response, "order-1001", "fingerprint-1"));
        Response found = find(response.id()).orElseThrow();

        assertSameResponse(found, response);
        assertThat(found.language()).isEqualTo(ContractFixtures.FA);
        assertThat(found.metadata()).isEqualTo(Map.of("touchpoint", "call-centre", "employee", "جمشید"));
        assertThat(found.respondentRef()).contains("zákazník-42");
    }

    @Test
    public void aResponseWithoutRespondentOrMetadataRoundTrips() {
        Response response = survey.respond(new ResponseId(UUID.randomUUID()), Optional.of(1), ContractFixtures.CS, null,
                null, Map.of(), List.of(score("nps", 0)), T0);

        transactionally(response.tenantId(), () -> responses().add(response, "k", "f"));

        Response found = find(response.id()).orElseThrow();
        assertSameResponse(found, response);
        assertThat(found.respondentRef()).isEmpty();
        assertThat(found.metadata()).isEmpty();
    }

    @Test
    public void keepsTheSubmissionTimeToTheMicrosecond() {
        Response response = survey.respond(new ResponseId(UUID.randomUUID()), Optional.empty(), ContractFixtures.CS, null,
                null, Map.of(), List.of(score("nps", 7)), T0.plusNanos(999));

        transactionally(response.tenantId(), () -> responses().add(response, "precise", "f"));

        assertThat(find(response.id()).orElseThrow().submittedAt()).isEqualTo(T0);
    }

    @Test
    public void aResponseIsFoundByItsIdempotencyKeyWithItsFingerprint() {
        Response response = ContractFixtures.response(survey, UUID.randomUUID(), score("nps", 10));
        transactionally(response.tenantId(), () -> responses().add(response, "Idem-Key_01:x", "c0ffee"));

        assertThat(transactionally(tenant, () -> responses().findByIdempotencyKey(tenant, "Idem-Key_01:x")))
                .contains(new Keyed(response.id(), "c0ffee"));
        assertThat(transactionally(tenant, () -> responses().findByIdempotencyKey(tenant, "idem-key_01:x"))).isEmpty();
        assertThat(transactionally(otherTenant,
                () -> responses().findByIdempotencyKey(otherTenant, "Idem-Key_01:x"))).isEmpty();
    }

    @Test
    public void aReusedIdempotencyKeyIsRefusedAndStoresNothing() {
        Response first = ContractFixtures.response(survey, UUID.randomUUID(), score("nps", 10));
        Response second = ContractFixtures.response(otherSurvey, UUID.randomUUID(), score("nps", 3));
        transactionally(first.tenantId(), () -> responses().add(first, "retry-me", "f1"));

        assertTransactionFails(second.tenantId(), () -> responses().add(second, "retry-me", "f2"))
                .isInstanceOf(DuplicateIdempotencyKey.class);

        assertThat(find(second.id())).isEmpty();
        assertThat(list(otherSurvey, 10, Optional.empty())).isEmpty();
        assertThat(transactionally(tenant, () -> responses().findByIdempotencyKey(tenant, "retry-me")))
                .contains(new Keyed(first.id(), "f1"));
    }

    @Test
    public void theSameIdempotencyKeyMayBeUsedByTwoTenants() {
        Response mine = ContractFixtures.response(survey, UUID.randomUUID(), score("nps", 10));
        Response theirs = ContractFixtures.response(otherTenantsSurvey, UUID.randomUUID(), score("nps", 1));

        transactionally(mine.tenantId(), () -> responses().add(mine, "shared-key", "f-mine"));
        transactionally(theirs.tenantId(), () -> responses().add(theirs, "shared-key", "f-theirs"));

        assertThat(transactionally(tenant, () -> responses().findByIdempotencyKey(tenant, "shared-key")))
                .contains(new Keyed(mine.id(), "f-mine"));
        assertThat(transactionally(otherTenant, () -> responses().findByIdempotencyKey(otherTenant, "shared-key")))
                .contains(new Keyed(theirs.id(), "f-theirs"));
    }

    @Test
    public void anotherTenantsResponseIsNeitherFoundListedNorCounted() {
        Response response = ContractFixtures.response(survey, UUID.randomUUID(), score("nps", 10));
        transactionally(response.tenantId(), () -> responses().add(response, "k1", "f"));

        assertThat(transactionally(otherTenant, () -> responses().find(otherTenant, response.id()))).isEmpty();
        assertThat(transactionally(otherTenant, () -> responses().list(otherTenant, survey.id(),
                new KeysetPage(10, Optional.empty())))).isEmpty();
        Tally tally = transactionally(otherTenant, () -> responses().tally(otherTenant, survey.id(), 1));
        assertThat(tally.responses()).isZero();
        assertThat(tally.answers().scores(NPS)).isEmpty();
        assertThat(find(new ResponseId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    public void listsOneSurveysResponsesInIdOrderPageByPage() {
        List<UUID> scrambled = List.of(IDS_IN_STORED_ORDER.get(5), IDS_IN_STORED_ORDER.get(2),
                IDS_IN_STORED_ORDER.get(0), IDS_IN_STORED_ORDER.get(4), IDS_IN_STORED_ORDER.get(1),
                IDS_IN_STORED_ORDER.get(3));
        for (int i = 0; i < scrambled.size(); i++) {
            Response response = ContractFixtures.response(survey, scrambled.get(i), score("nps", i));
            String key = "key-" + i;
            transactionally(response.tenantId(), () -> responses().add(response, key, "f"));
        }
        transactionally(otherSurvey.tenantId(),
                () -> responses().add(ContractFixtures.response(otherSurvey, UUID.randomUUID(),
                score("nps", 5)), "other-survey", "f"));

        List<Response> all = list(survey, 100, Optional.empty());
        List<Response> first = list(survey, 4, Optional.empty());
        List<Response> second = list(survey, 4, Optional.of(first.getLast().id().value()));

        assertThat(ids(all)).containsExactlyElementsOf(IDS_IN_STORED_ORDER);
        assertThat(ids(first)).containsExactlyElementsOf(IDS_IN_STORED_ORDER.subList(0, 4));
        assertThat(ids(second)).containsExactlyElementsOf(IDS_IN_STORED_ORDER.subList(4, 6));
        assertThat(list(survey, 4, Optional.of(IDS_IN_STORED_ORDER.getLast()))).isEmpty();
        assertThat(all).allSatisfy(response -> assertThat(response.answers()).hasSize(1));
        assertThat(all.get(3).answers()).containsExactly(score("nps", 5));
    }

    @Test
    public void talliesTheAnswersOfOneSurveyVersion() {
        store(survey, score("nps", 10), score("csat", 5), score("ces", 2), choice("channel", "email"),
                text("comment", "عالی"));
        store(survey, score("nps", 10), score("csat", 3), choice("channel", "email"));
        store(survey, score("nps", 6), choice("channel", "chat"), text("comment", "pomalé"));
        store(survey, text("comment", "nic"));
        store(otherSurvey, score("nps", 10), choice("channel", "phone"));
        store(otherTenantsSurvey, score("nps", 1), choice("channel", "phone"));
        survey.revise(ContractFixtures.npsOnly(), T0.plusSeconds(900));
        survey.publish(T0.plusSeconds(901));
        transactionally(survey.tenantId(), () -> surveys().update(survey));
        store(survey, score("nps", 0));

        Tally one = transactionally(tenant, () -> responses().tally(tenant, survey.id(), 1));
        Tally two = transactionally(tenant, () -> responses().tally(tenant, survey.id(), 2));

        assertThat(one.responses()).isEqualTo(4);
        assertThat(one.answers().scores(NPS)).isEqualTo(Map.of(10, 2L, 6, 1L));
        assertThat(one.answers().scores(CSAT)).isEqualTo(Map.of(5, 1L, 3, 1L));
        assertThat(one.answers().scores(CES)).isEqualTo(Map.of(2, 1L));
        assertThat(one.answers().choices(CHANNEL)).isEqualTo(Map.of("email", 2L, "chat", 1L));
        assertThat(one.answers().texts(COMMENT)).isEqualTo(3);
        assertThat(one.answers().scores(CHANNEL)).isEmpty();
        assertThat(one.answers().texts(NPS)).isZero();
        assertThat(two.responses()).isEqualTo(1);
        assertThat(two.answers().scores(NPS)).isEqualTo(Map.of(0, 1L));
        assertThat(two.answers().choices(CHANNEL)).isEmpty();
    }

    @Test
    public void aVersionWithoutResponsesTalliesToNothing() {
        Tally tally = transactionally(tenant, () -> responses().tally(tenant, survey.id(), 1));

        assertThat(tally.responses()).isZero();
        assertThat(tally.answers().scores(NPS)).isEmpty();
        assertThat(tally.answers().choices(CHANNEL)).isEmpty();
        assertThat(tally.answers().texts(COMMENT)).isZero();
    }

    @Test
    public void aTransactionThatFailsAfterAddingAResponseLeavesNothingAndFreesTheKey() {
        Response response = ContractFixtures.response(survey, UUID.randomUUID(), score("nps", 9), text("comment", "x"));

        assertTransactionFails(response.tenantId(),
                () -> responses().add(response, "rolled-back", "f").chain(PortContract::boom))
                .isInstanceOf(Boom.class);

        assertThat(find(response.id())).isEmpty();
        assertThat(transactionally(tenant, () -> responses().findByIdempotencyKey(tenant, "rolled-back"))).isEmpty();
        assertThat(transactionally(tenant, () -> responses().tally(tenant, survey.id(), 1)).responses()).isZero();
        transactionally(response.tenantId(), () -> responses().add(response, "rolled-back", "f"));
        assertThat(find(response.id())).isPresent();
    }

    private void store(Survey answered, io.touchstone.domain.response.Answer... answers) {
        Response response = ContractFixtures.response(answered, UUID.randomUUID(), answers);
        transactionally(response.tenantId(), () -> responses().add(response, UUID.randomUUID().toString(), "f"));
    }

    private Optional<Response> find(ResponseId id) {
        return transactionally(tenant, () -> responses().find(tenant, id));
    }

    private List<Response> list(Survey of, int limit, Optional<UUID> after) {
        return transactionally(of.tenantId(),
                () -> responses().list(of.tenantId(), of.id(), new KeysetPage(limit, after)));
    }

    private static List<UUID> ids(List<Response> responses) {
        return responses.stream().map(response -> response.id().value()).toList();
    }

    static void assertSameResponse(Response actual, Response expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.tenantId()).isEqualTo(expected.tenantId());
        assertThat(actual.surveyId()).isEqualTo(expected.surveyId());
        assertThat(actual.surveyVersion()).isEqualTo(expected.surveyVersion());
        assertThat(actual.language()).isEqualTo(expected.language());
        assertThat(actual.respondentRef()).isEqualTo(expected.respondentRef());
        assertThat(actual.metadata()).isEqualTo(expected.metadata());
        assertThat(actual.answers()).containsExactlyElementsOf(expected.answers());
        assertThat(actual.submittedAt()).isEqualTo(expected.submittedAt());
    }
}

package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.IDS_IN_STORED_ORDER;
import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyStatus;
import io.touchstone.domain.survey.SurveyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SurveyRepository} does, the in-memory fake and the database adapter alike. */
public abstract class SurveyRepositoryContract extends TwoTenantsContract {

    private static final Instant PUBLISHED = T0.plusSeconds(60);
    private static final Instant REVISED = T0.plusSeconds(600);

    @Test
    public void aStoredDraftIsFoundWithAllItsContent() {
        Survey survey = ContractFixtures.draft(tenant, UUID.randomUUID());

        transactionally(survey.tenantId(), () -> surveys().add(survey));
        Survey found = find(survey.id()).orElseThrow();

        assertSameSurvey(found, survey);
        assertThat(found.latest().content()).isEqualTo(ContractFixtures.everyType());
    }

    @Test
    public void keepsPersianTextsExactly() {
        Survey survey = ContractFixtures.draft(tenant, UUID.randomUUID());
        transactionally(survey.tenantId(), () -> surveys().add(survey));

        Survey found = find(survey.id()).orElseThrow();

        assertThat(found.latest().content().title().in(ContractFixtures.FA, ContractFixtures.CS))
                .isEqualTo("رضایت مشتری");
        assertThat(found.latest().content().questions().get(2).text().in(ContractFixtures.FA, ContractFixtures.CS))
                .isEqualTo("حل کردن مشکلتان با ما چقدر آسان بود؟");
    }

    @Test
    public void updateStoresThePublication() {
        Survey survey = ContractFixtures.draft(tenant, UUID.randomUUID());
        transactionally(survey.tenantId(), () -> surveys().add(survey));

        transactionally(tenant, () -> surveys().find(tenant, survey.id()).flatMap(found -> {
            found.orElseThrow().publish(PUBLISHED);
            return surveys().update(found.orElseThrow());
        }));

        Survey found = find(survey.id()).orElseThrow();
        assertThat(found.versions()).containsExactly(new SurveyVersion(1, ContractFixtures.everyType(),
                SurveyStatus.PUBLISHED, T0, Optional.of(PUBLISHED)));
    }

    @Test
    public void updateStoresANewVersionAndLeavesThePublishedOneAlone() {
        Survey survey = ContractFixtures.published(tenant, UUID.randomUUID());
        transactionally(survey.tenantId(), () -> surveys().add(survey));

        survey.revise(ContractFixtures.npsOnly(), REVISED);
        transactionally(survey.tenantId(), () -> surveys().update(survey));

        Survey found = find(survey.id()).orElseThrow();
        assertSameSurvey(found, survey);
        assertThat(found.versions()).extracting(SurveyVersion::number, SurveyVersion::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, SurveyStatus.PUBLISHED),
                org.assertj.core.groups.Tuple.tuple(2, SurveyStatus.DRAFT));
        assertThat(found.version(1).content()).isEqualTo(ContractFixtures.everyType());
        assertThat(found.version(2).content()).isEqualTo(ContractFixtures.npsOnly());
    }

    @Test
    public void updateReplacesTheContentOfTheDraft() {
        Survey survey = ContractFixtures.published(tenant, UUID.randomUUID());
        transactionally(survey.tenantId(), () -> surveys().add(survey));
        survey.revise(ContractFixtures.npsOnly(), REVISED);
        transactionally(survey.tenantId(), () -> surveys().update(survey));

        survey.revise(ContractFixtures.everyType(), REVISED.plusSeconds(1));
        survey.publish(REVISED.plusSeconds(2));
        transactionally(survey.tenantId(), () -> surveys().update(survey));

        Survey found = find(survey.id()).orElseThrow();
        assertThat(found.versions()).hasSize(2);
        assertThat(found.version(2)).isEqualTo(new SurveyVersion(2, ContractFixtures.everyType(),
                SurveyStatus.PUBLISHED, REVISED, Optional.of(REVISED.plusSeconds(2))));
    }

    @Test
    public void changingALoadedSurveyChangesNothingStoredUntilUpdate() {
        Survey survey = ContractFixtures.draft(tenant, UUID.randomUUID());
        transactionally(survey.tenantId(), () -> surveys().add(survey));

        Survey loaded = find(survey.id()).orElseThrow();
        loaded.publish(PUBLISHED);
        survey.revise(ContractFixtures.npsOnly(), REVISED);

        Survey found = find(survey.id()).orElseThrow();
        assertThat(found.versions()).containsExactly(new SurveyVersion(1, ContractFixtures.everyType(),
                SurveyStatus.DRAFT, T0, Optional.empty()));
    }

    @Test
    public void updatingAnUnknownSurveyFailsAndStoresNothing() {
        Survey never = ContractFixtures.draft(tenant, UUID.randomUUID());

        assertTransactionFails(never.tenantId(), () -> surveys().update(never));

        assertThat(find(never.id())).isEmpty();
    }

    @Test
    public void anotherTenantsSurveyIsNeitherFoundNorListed() {
        Survey survey = ContractFixtures.draft(tenant, UUID.randomUUID());
        transactionally(survey.tenantId(), () -> surveys().add(survey));

        assertThat(transactionally(otherTenant, () -> surveys().find(otherTenant, survey.id()))).isEmpty();
        assertThat(transactionally(otherTenant,
                () -> surveys().list(otherTenant, new KeysetPage(100, Optional.empty()))))
                .isEmpty();
        assertThat(find(new SurveyId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    public void theSameIdMayBeUsedByTwoTenants() {
        UUID id = UUID.randomUUID();
        Survey mine = ContractFixtures.draft(tenant, id);
        Survey theirs = Survey.draft(new SurveyId(id), otherTenant, ContractFixtures.npsOnly(), T0);

        transactionally(mine.tenantId(), () -> surveys().add(mine));
        transactionally(theirs.tenantId(), () -> surveys().add(theirs));

        assertThat(find(mine.id()).orElseThrow().latest().content()).isEqualTo(ContractFixtures.everyType());
        assertThat(transactionally(otherTenant,
                () -> surveys().find(otherTenant, theirs.id())).orElseThrow().latest().content())
                .isEqualTo(ContractFixtures.npsOnly());
    }

    @Test
    public void listsInIdOrderPageByPage() {
        List<UUID> scrambled = List.of(IDS_IN_STORED_ORDER.get(3), IDS_IN_STORED_ORDER.get(5),
                IDS_IN_STORED_ORDER.get(1), IDS_IN_STORED_ORDER.get(4), IDS_IN_STORED_ORDER.get(0),
                IDS_IN_STORED_ORDER.get(2));
        for (UUID id : scrambled) {
            transactionally(tenant, () -> surveys().add(ContractFixtures.draft(tenant, id)));
        }
        transactionally(otherTenant, () -> surveys().add(ContractFixtures.draft(otherTenant, UUID.randomUUID())));

        List<UUID> all = ids(transactionally(tenant,
                () -> surveys().list(tenant, new KeysetPage(100, Optional.empty()))));
        List<UUID> first = ids(transactionally(tenant,
                () -> surveys().list(tenant, new KeysetPage(4, Optional.empty()))));
        List<UUID> second = ids(transactionally(tenant, () -> surveys().list(tenant,
                new KeysetPage(4, Optional.of(first.getLast())))));
        List<UUID> afterAll = ids(transactionally(tenant, () -> surveys().list(tenant,
                new KeysetPage(4, Optional.of(IDS_IN_STORED_ORDER.getLast())))));

        assertThat(all).containsExactlyElementsOf(IDS_IN_STORED_ORDER);
        assertThat(first).containsExactlyElementsOf(IDS_IN_STORED_ORDER.subList(0, 4));
        assertThat(second).containsExactlyElementsOf(IDS_IN_STORED_ORDER.subList(4, 6));
        assertThat(afterAll).isEmpty();
    }

    @Test
    public void aPageMayStartAfterAnIdThatIsNotStored() {
        for (UUID id : IDS_IN_STORED_ORDER) {
            transactionally(tenant, () -> surveys().add(ContractFixtures.draft(tenant, id)));
        }
        UUID between = UUID.fromString("70000000-0000-7000-8000-000000000000");

        List<Survey> page = transactionally(tenant,
                () -> surveys().list(tenant, new KeysetPage(2, Optional.of(between))));

        assertThat(ids(page)).containsExactly(IDS_IN_STORED_ORDER.get(3), IDS_IN_STORED_ORDER.get(4));
        assertThat(page).allSatisfy(survey -> assertThat(survey.versions()).hasSize(1));
    }

    @Test
    public void listedSurveysCarryAllTheirVersions() {
        Survey survey = ContractFixtures.published(tenant, UUID.randomUUID());
        survey.revise(ContractFixtures.npsOnly(), REVISED);
        transactionally(survey.tenantId(), () -> surveys().add(survey));

        List<Survey> listed = transactionally(tenant,
                () -> surveys().list(tenant, new KeysetPage(10, Optional.empty())));

        assertThat(listed).singleElement().satisfies(found -> assertSameSurvey(found, survey));
    }

    @Test
    public void aTransactionThatFailsAfterItsWritesLeavesNothing() {
        Survey stored = ContractFixtures.draft(tenant, UUID.randomUUID());
        transactionally(stored.tenantId(), () -> surveys().add(stored));
        Survey added = ContractFixtures.draft(tenant, UUID.randomUUID());

        assertTransactionFails(added.tenantId(), () -> surveys().add(added)
                .chain(() -> surveys().find(tenant, stored.id()))
                .chain(found -> {
                    found.orElseThrow().publish(PUBLISHED);
                    return surveys().update(found.orElseThrow());
                })
                .chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(find(added.id())).isEmpty();
        assertThat(find(stored.id()).orElseThrow().latest().status()).isEqualTo(SurveyStatus.DRAFT);
    }

    private Optional<Survey> find(SurveyId id) {
        return transactionally(tenant, () -> surveys().find(tenant, id));
    }

    private static List<UUID> ids(List<Survey> surveys) {
        return surveys.stream().map(survey -> survey.id().value()).toList();
    }

    private static void assertSameSurvey(Survey actual, Survey expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.tenantId()).isEqualTo(expected.tenantId());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.versions()).containsExactlyElementsOf(expected.versions());
    }
}

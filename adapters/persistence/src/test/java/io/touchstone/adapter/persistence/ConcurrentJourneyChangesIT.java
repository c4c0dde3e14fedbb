package io.touchstone.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.JourneyDefinition;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.service.JourneyService;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Two changes of one journey at the same time, each checking the whole journey (here: that a stage name is free):
 * the journey is held from the moment a change loads it, so the second change sees the first one's stage and is
 * refused, instead of both adding a stage of the same name.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ConcurrentJourneyChangesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    HibernateJourneyRepository journeys;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateAuditLog auditLog;

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void twoStagesOfTheSameNameAddedAtOnceLeaveOneStage() throws Exception {
        Tenant tenant = ContractFixtures.tenant();
        unitOfWork.transactionally(tenant.id(), () -> tenants.add(tenant)).await().atMost(TIMEOUT);
        Caller caller = new Caller.Tenant(tenant.id(), EnumSet.allOf(Scope.class), "test");
        AtomicBoolean firstIsSlow = new AtomicBoolean(true);
        JourneyService service = new JourneyService(new SlowFirstChange(firstIsSlow), surveys, auditLog, unitOfWork,
                Clock.systemUTC());
        Journey journey = service.create(caller, new JourneyDefinition("Nákup", null, List.of()))
                .await().atMost(TIMEOUT);

        CompletableFuture<Journey> first = service.addStage(caller, journey.id().value(), "Platba", Optional.empty())
                .subscribeAsCompletionStage();
        Thread.sleep(500);
        CompletableFuture<Journey> second = service.addStage(caller, journey.id().value(), "PLATBA", Optional.empty())
                .subscribeAsCompletionStage();

        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Journey> change : List.of(first, second)) {
            try {
                change.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).singleElement().isInstanceOfSatisfying(InvalidValue.class,
                invalid -> assertThat(invalid.code()).isEqualTo("journey.stage-name-duplicate"));
        Journey stored = unitOfWork.transactionally(tenant.id(), () -> journeys.find(tenant.id(), journey.id()))
                .await().atMost(TIMEOUT).orElseThrow();
        assertThat(stored.stages()).extracting(Stage::name).singleElement()
                .satisfies(name -> assertThat(name).isEqualToIgnoringCase("platba"));
    }

    /** The real repository; the first change that loads a journey then takes a second and a half in the database. */
    private final class SlowFirstChange implements JourneyRepository {

        private final AtomicBoolean slow;

        SlowFirstChange(AtomicBoolean slow) {
            this.slow = slow;
        }

        @Override
        public Uni<Void> add(Journey journey) {
            return journeys.add(journey);
        }

        @Override
        public Uni<Void> update(Journey journey) {
            return journeys.update(journey);
        }

        @Override
        public Uni<Optional<Journey>> find(TenantId tenantId, JourneyId id) {
            return journeys.find(tenantId, id);
        }

        @Override
        public Uni<Optional<Journey>> findForChange(TenantId tenantId, JourneyId id) {
            return journeys.findForChange(tenantId, id).call(found -> slow.getAndSet(false)
                    ? sessions.withSession(session -> session
                            .createNativeQuery("select cast(pg_sleep(1.5) as text)", String.class).getSingleResult())
                    : Uni.createFrom().voidItem());
        }

        @Override
        public Uni<List<Journey>> list(TenantId tenantId, KeysetPage page) {
            return journeys.list(tenantId, page);
        }
    }
}

package io.touchstone.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.domain.tenant.Tenant;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A transaction asked for on an event loop's own context — where a Vert.x timer runs its callback, as the platform's
 * periodic jobs (storing API keys' last use) do — runs like one asked for during a request.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class UnitOfWorkOnEventLoopIT {

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    Vertx vertx;

    @Test
    void aTimerOnAnEventLoopCanRunATransaction() throws Exception {
        Tenant tenant = ContractFixtures.tenant();
        CompletableFuture<Boolean> onEventLoop = new CompletableFuture<>();
        CompletableFuture<Optional<Tenant>> found = new CompletableFuture<>();
        vertx.setTimer(1, id -> {
            onEventLoop.complete(Vertx.currentContext() != null && !VertxContext.isOnDuplicatedContext());
            unitOfWork.transactionally(tenant.id(), () -> tenants.add(tenant))
                    .chain(() -> unitOfWork.transactionally(tenant.id(), () -> tenants.find(tenant.id())))
                    .subscribe().with(found::complete, found::completeExceptionally);
        });

        assertThat(onEventLoop.get(10, TimeUnit.SECONDS)).as("the timer runs on the event loop's own context")
                .isTrue();
        assertThat(found.get(10, TimeUnit.SECONDS)).map(Tenant::id).contains(tenant.id());
    }
}

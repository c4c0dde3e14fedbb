package io.touchstone.application.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * What every port contract needs: the adapters under test (one implementation of every outbound port, since the
 * ports rely on each other's data), a unit of work to run them in, and a way to wait for the result.
 */
public abstract class PortContract {

    protected static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One implementation of every outbound port, all working on the same store. */
    public record Ports(TenantRepository tenants, ApiKeyRepository keys, SurveyRepository surveys,
            ResponseRepository responses, ResponseStatistics statistics, AuditLog auditLog, UnitOfWork unitOfWork,
            JourneyRepository journeys, Touchpoints touchpoints, InteractionRepository interactions) {
    }

    /** The implementations under test. */
    protected abstract Ports ports();

    protected TenantRepository tenants() {
        return ports().tenants();
    }

    protected ApiKeyRepository keys() {
        return ports().keys();
    }

    protected SurveyRepository surveys() {
        return ports().surveys();
    }

    protected ResponseRepository responses() {
        return ports().responses();
    }

    protected ResponseStatistics statistics() {
        return ports().statistics();
    }

    protected AuditLog auditLog() {
        return ports().auditLog();
    }

    protected JourneyRepository journeys() {
        return ports().journeys();
    }

    protected Touchpoints touchpoints() {
        return ports().touchpoints();
    }

    protected InteractionRepository interactionRepository() {
        return ports().interactions();
    }

    protected UnitOfWork unitOfWork() {
        return ports().unitOfWork();
    }

    /** Runs {@code work} as one transaction for {@code tenant} and waits for its item. */
    protected <T> T transactionally(TenantId tenant, Supplier<Uni<T>> work) {
        return unitOfWork().transactionally(tenant, work).await().atMost(TIMEOUT);
    }

    /** Runs {@code work} as one transaction for no tenant and waits for its item. */
    protected <T> T withoutTenant(Supplier<Uni<T>> work) {
        return unitOfWork().transactionallyWithoutTenant(work).await().atMost(TIMEOUT);
    }

    /** Runs {@code work} as one transaction for {@code tenant} that must fail, and asserts on its failure. */
    protected AbstractThrowableAssert<?, ? extends Throwable> assertTransactionFails(TenantId tenant,
            Supplier<Uni<?>> work) {
        return assertThatThrownBy(() -> unitOfWork().transactionally(tenant, work::get).await().atMost(TIMEOUT));
    }

    /** A failure to end a transaction with after its writes. */
    protected static <T> Uni<T> boom() {
        return Uni.createFrom().failure(new Boom());
    }

    /** The failure that {@link #boom()} ends a transaction with. */
    public static final class Boom extends RuntimeException {

        public Boom() {
            super("the transaction fails on purpose", null, false, false);
        }
    }
}

package io.touchstone.application.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.UnitOfWork;
import java.time.Duration;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;

/** What every port contract needs: a unit of work to run the ports in, and a way to wait for the result. */
public abstract class PortContract {

    protected static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected abstract UnitOfWork unitOfWork();

    /** Runs {@code work} as one transaction and waits for its item. */
    protected <T> T transactionally(Supplier<Uni<T>> work) {
        return unitOfWork().transactionally(work).await().atMost(TIMEOUT);
    }

    /** Runs {@code work} as one transaction that must fail, and asserts on its failure. */
    protected AbstractThrowableAssert<?, ? extends Throwable> assertTransactionFails(Supplier<Uni<?>> work) {
        return assertThatThrownBy(() -> unitOfWork().transactionally(work::get).await().atMost(TIMEOUT));
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

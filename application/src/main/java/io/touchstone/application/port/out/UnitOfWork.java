package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs one use case's reads and writes as one transaction: all of its writes land, or none does. */
public interface UnitOfWork {

    <T> Uni<T> transactionally(Supplier<Uni<T>> work);
}

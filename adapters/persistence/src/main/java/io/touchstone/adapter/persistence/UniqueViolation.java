package io.touchstone.adapter.persistence;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/** Recognises PostgreSQL's unique-violation errors wherever Hibernate wrapped them. */
final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    static boolean isIdempotencyKey(Throwable failure) {
        return of(failure, "response_idempotency_key");
    }

    /**
     * Hibernate Reactive turns the client's {@link PgException} into a {@link SQLException} with the same SQL state
     * and message (without the original as its cause), and wraps that in a Hibernate exception.
     */
    static boolean of(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && String.valueOf(pg.getErrorMessage()).contains(constraint)) {
                return true;
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("\"" + constraint + "\"")) {
                return true;
            }
        }
        return false;
    }
}

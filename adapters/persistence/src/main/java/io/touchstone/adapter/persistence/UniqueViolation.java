package io.touchstone.adapter.persistence;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's unique-violation errors wherever Hibernate wrapped them. */
final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    static boolean isIdempotencyKey(Throwable failure) {
        return of(failure, "response_idempotency_key");
    }

    static boolean of(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && String.valueOf(pg.getErrorMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}

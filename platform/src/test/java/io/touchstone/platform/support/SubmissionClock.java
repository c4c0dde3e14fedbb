package io.touchstone.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * For tests only: gives responses a chosen submission time. The service stamps a response with its own clock, so a
 * test that needs responses on different days registers, as the owner of the schema (user postgres, whom row-level
 * security does not hold back), the time at which the response submitted under an idempotency key is to count as
 * submitted; a BEFORE INSERT trigger of the test database then sets {@code submitted_at} of that response as it is
 * stored. The response is thus stored with that time from its first moment, before anything (the metrics roll-up included) reads it, so no count can
 * have seen the server's time. Responses under other keys keep the server's time. The production schema has no
 * such trigger; {@link #install()} adds it to the test database and {@link #uninstall()} removes it.
 */
public final class SubmissionClock {

    private SubmissionClock() {
    }

    public static void install() {
        execute("""
                create table if not exists test_submission_clock (
                    idempotency_key text primary key,
                    submitted_at timestamptz not null);
                create or replace function test_submission_clock() returns trigger
                    language plpgsql security definer set search_path = public as $$
                declare
                    chosen timestamptz;
                begin
                    select c.submitted_at into chosen from test_submission_clock c
                        where c.idempotency_key = new.idempotency_key;
                    if found then
                        new.submitted_at := chosen;
                    end if;
                    return new;
                end $$;
                drop trigger if exists test_submission_clock on response;
                create trigger test_submission_clock before insert on response
                    for each row execute function test_submission_clock();
                """);
    }

    public static void uninstall() {
        execute("""
                drop trigger if exists test_submission_clock on response;
                drop function if exists test_submission_clock();
                drop table if exists test_submission_clock;
                """);
    }

    /** A fresh idempotency key: the response submitted under it will be stored as submitted at {@code instant}. */
    public static String at(Instant instant) {
        String key = "clock-" + UUID.randomUUID();
        try (Connection connection = owner();
                var insert = connection.prepareStatement(
                        "insert into test_submission_clock (idempotency_key, submitted_at) values (?, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /** Runs SQL as the owner of the schema. */
    public static void execute(String sql) {
        try (Connection connection = owner(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection owner() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), null);
    }
}

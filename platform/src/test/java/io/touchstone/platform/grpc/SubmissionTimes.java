package io.touchstone.platform.grpc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tests only: lets a test choose when its responses were submitted. The service takes the submission time from its
 * own clock; for figures over several weeks a test names the time it wants in the respondent reference
 * ({@link #at}), and a trigger that this class installs in the test database — as the schema's owner, user
 * {@code postgres}, never as the service's role — puts that time into the row as it is inserted.
 *
 * <p>On insert, not by an UPDATE afterwards: the metrics roll-up counts a response on the local day its row shows when
 * it is rolled up (asynchronously, about a second later), so moving a stored response in time would race with it and
 * could leave the roll-up counting it on another day than the raw rows. Set before the row exists, the time is the
 * same for every path that reads it. The submission's answer still shows the clock's time; read the response back
 * for the stored one.
 */
final class SubmissionTimes {

    private static final String PREFIX = "test-submitted-at:";

    private SubmissionTimes() {
    }

    /** The respondent reference that makes a response count as submitted at {@code time}. */
    static String at(String isoOffsetDateTime) {
        OffsetDateTime.parse(isoOffsetDateTime);
        return PREFIX + isoOffsetDateTime;
    }

    /** Installs the trigger (again: the test profile cleans the database whenever the application starts). */
    static void install() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String owner = config.getOptionalValue("quarkus.flyway.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.flyway.password", String.class).orElse(null);
        try (Connection connection = DriverManager.getConnection(url, owner, password);
                Statement sql = connection.createStatement()) {
            sql.execute("""
                    create or replace function test_submitted_at() returns trigger language plpgsql as $$
                    begin
                        if new.respondent_ref like '%1$s%%' then
                            new.submitted_at := substr(new.respondent_ref, %2$d)::timestamptz;
                        end if;
                        return new;
                    end
                    $$""".formatted(PREFIX, PREFIX.length() + 1));
            sql.execute("drop trigger if exists test_submitted_at on response");
            sql.execute("create trigger test_submitted_at before insert on response for each row"
                    + " execute function test_submitted_at()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not install the test's submission-time trigger", e);
        }
    }
}

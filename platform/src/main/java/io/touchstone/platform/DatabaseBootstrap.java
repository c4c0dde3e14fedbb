package io.touchstone.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Prepares the database before the service takes work: creates it when missing (dev and test profiles only) and
 * migrates the schema with Flyway, forward only. Both connect as the owner of the schema
 * ({@code quarkus.flyway.username}/{@code password}), not as the service's own role
 * ({@code quarkus.datasource.username}/{@code password}), which the migrations create when it is missing, with that
 * password. Quarkus itself would use Flyway's credentials only when a password is set; a local PostgreSQL that trusts
 * its users needs none, so the migrating Flyway is built here.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    @Inject
    TouchstoneConfig config;

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "quarkus.flyway.username")
    Optional<String> ownerUsername;

    @ConfigProperty(name = "quarkus.flyway.password")
    Optional<String> ownerPassword;

    void onStart(@Observes @Priority(1) StartupEvent event) throws SQLException {
        if (config.db().createIfMissing()) {
            createIfMissing();
        }
        Flyway migrating = asOwner();
        if (config.db().cleanAtStart()) {
            migrating.clean();
        }
        var result = migrating.migrate();
        LOG.infof("Database schema at version %s (%d migrations applied now)", migrating.info().current() == null
                ? "none" : migrating.info().current().getVersion(), result.migrationsExecuted);
    }

    /** Quarkus' Flyway configuration, connecting as the owner and naming the service's role to the migrations. */
    private Flyway asOwner() {
        Map<String, String> placeholders = new HashMap<>(flyway.getConfiguration().getPlaceholders());
        placeholders.putIfAbsent("app_role", username);
        // the migration puts the password into a string literal
        placeholders.putIfAbsent("app_password", password.orElse("").replace("'", "''"));
        return Flyway.configure(Thread.currentThread().getContextClassLoader())
                .configuration(flyway.getConfiguration())
                .dataSource(jdbcUrl, owner(), ownerPassword())
                .placeholders(placeholders)
                .load();
    }

    private String owner() {
        return ownerUsername.orElse(username);
    }

    private String ownerPassword() {
        return ownerUsername.isPresent() ? ownerPassword.orElse(null) : password.orElse(null);
    }

    private void createIfMissing() throws SQLException {
        Matcher url = JDBC_URL.matcher(jdbcUrl);
        if (!url.matches() || !SAFE_NAME.matcher(url.group(2)).matches()) {
            throw new IllegalStateException("cannot derive a database name from " + jdbcUrl);
        }
        String database = url.group(2);
        String maintenanceUrl = url.group(1) + "postgres" + url.group(3);
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, owner(), ownerPassword());
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database + "\"");
                LOG.infof("Created database %s", database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another instance
                    throw e;
                }
            }
        }
    }
}

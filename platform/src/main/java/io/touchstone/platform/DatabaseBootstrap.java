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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Prepares the database before the service takes work: creates it when missing (dev and test profiles only) and
 * migrates the schema with Flyway, forward only.
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

    void onStart(@Observes @Priority(1) StartupEvent event) throws SQLException {
        if (config.db().createIfMissing()) {
            createIfMissing();
        }
        if (config.db().cleanAtStart()) {
            flyway.clean();
        }
        var result = flyway.migrate();
        LOG.infof("Database schema at version %s (%d migrations applied now)", flyway.info().current() == null
                ? "none" : flyway.info().current().getVersion(), result.migrationsExecuted);
    }

    private void createIfMissing() throws SQLException {
        Matcher url = JDBC_URL.matcher(jdbcUrl);
        if (!url.matches() || !SAFE_NAME.matcher(url.group(2)).matches()) {
            throw new IllegalStateException("cannot derive a database name from " + jdbcUrl);
        }
        String database = url.group(2);
        String maintenanceUrl = url.group(1) + "postgres" + url.group(3);
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, username, password.orElse(null));
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

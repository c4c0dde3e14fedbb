package io.touchstone.adapter.persistence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Creates the test database before the application starts, if it does not exist yet. */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String NAME = "touchstone_test_persistence";
    private static final String MAINTENANCE_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String USER = "postgres";

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(MAINTENANCE_URL, USER, null);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, NAME);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return Map.of();
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + NAME);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another test run
                    throw e;
                }
            }
            return Map.of();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + NAME + " at " + MAINTENANCE_URL
                    + "; is PostgreSQL running?", e);
        }
    }

    @Override
    public void stop() {
        // the database stays for the next run, which cleans it at start
    }
}

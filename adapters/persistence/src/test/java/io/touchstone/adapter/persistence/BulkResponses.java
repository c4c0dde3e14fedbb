package io.touchstone.adapter.persistence;

import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Many responses at once, the way a bulk load writes them: one insert statement each for the responses and for their
 * answers, as the owner of the schema, in one transaction. Response {@code i} (from 1) is submitted {@code i} minutes
 * after {@code start}, in Czech when i is even, else in Persian; its channel is WEB, EMAIL or none in turn; it has the
 * attribute store {@code store-<i % 5>} unless i is a multiple of 3; its idempotency key is {@code bulk-<i>} (so once per tenant); it answers {@code nps} with i % 11 and, when i
 * is odd, {@code csat} with 1 + i % 5. The survey must have a published version 1 with these questions.
 */
final class BulkResponses {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + TestDatabase.NAME;

    private static final String RESPONSES = """
            insert into response (tenant_id, id, survey_id, survey_version, language, channel, respondent_ref, metadata,
                                  submitted_at, idempotency_key, fingerprint)
            select ?, gen_random_uuid(), ?, 1, case when i % 2 = 0 then 'cs' else 'fa' end,
                   (array['WEB', 'EMAIL', null])[1 + i % 3], null,
                   case when i % 3 = 0 then '{}'::jsonb else jsonb_build_object('store', 'store-' || i % 5) end,
                   ?::timestamptz + i * interval '1 minute', 'bulk-' || i, 'f'
              from generate_series(1, ?) as i
            """;

    private static final String ANSWERS = """
            insert into answer (tenant_id, response_id, question_id, position, survey_id, survey_version, score)
            select r.tenant_id, r.id, q.question_id, q.position, r.survey_id, 1, q.score
              from response r
             cross join lateral (select substr(r.idempotency_key, 6)::integer as i) n
             cross join lateral (values ('nps', 0, n.i % 11), ('csat', 1, case when n.i % 2 = 1 then 1 + n.i % 5 end))
                   as q (question_id, position, score)
             where r.tenant_id = ? and r.survey_id = ? and r.idempotency_key like 'bulk-%' and q.score is not null
            """;

    private BulkResponses() {
    }

    static void insert(TenantId tenant, SurveyId survey, Instant start, int count) {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", null)) {
            connection.setAutoCommit(false);
            try (PreparedStatement responses = connection.prepareStatement(RESPONSES);
                    PreparedStatement answers = connection.prepareStatement(ANSWERS)) {
                responses.setObject(1, tenant.value());
                responses.setObject(2, survey.value());
                responses.setObject(3, start.atOffset(ZoneOffset.UTC));
                responses.setInt(4, count);
                responses.executeUpdate();
                answers.setObject(1, tenant.value());
                answers.setObject(2, survey.value());
                answers.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert " + count + " responses", e);
        }
    }

    /** Runs one statement without result as the owner. */
    static void executeAsOwner(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", null);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    /** Runs one statement as the owner and returns the first column of its one row as a number. */
    static long queryAsOwner(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", null);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }
}

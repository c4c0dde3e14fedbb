package io.touchstone.adapter.persistence;

import static io.touchstone.application.contract.ContractFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database's own defence, behind the repositories' filtering: through the service's connection (its role, its
 * pool), deliberately unfiltered SQL sees only the rows of the tenant the transaction works for, none without a
 * tenant, and cannot write rows of another tenant.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class RowLevelSecurityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TENANT_OWNED = List.of("api_key", "survey", "survey_version", "response",
            "answer", "audit_event", "rollup_pending", "journey", "journey_stage", "touchpoint");

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateApiKeyRepository keys;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateResponseRepository responses;

    @Inject
    HibernateAuditLog auditLog;

    @Inject
    HibernateJourneyRepository journeys;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Pool pool;

    @Inject
    ResponseRollup rollup;

    private Tenant a;
    private Tenant b;
    private ApiKey keyOfA;

    /** Tenant A with a key, a published survey, a response and a journey asking it; tenant B with the same. */
    @BeforeEach
    void storeTwoTenantsWithRowsInEveryTable() {
        a = ContractFixtures.tenant();
        b = ContractFixtures.tenant();
        keyOfA = ContractFixtures.key(a.id(), UUID.randomUUID());
        store(a, keyOfA);
        store(b, ContractFixtures.key(b.id(), UUID.randomUUID()));
    }

    private void store(Tenant tenant, ApiKey key) {
        Survey survey = ContractFixtures.published(tenant.id(), UUID.randomUUID());
        Response response = ContractFixtures.response(survey, UUID.randomUUID(), score("nps", 9), score("csat", 4));
        Journey journey = JourneyFixtures.orderToDelivery(tenant.id(), UUID.randomUUID());
        journey.attachSurvey(journey.stages().getFirst().touchpoints().getFirst().id(), survey.id(),
                ContractFixtures.T0);
        unitOfWork.transactionally(tenant.id(), () -> tenants.add(tenant)
                        .chain(() -> keys.add(key))
                        .chain(() -> surveys.add(survey))
                        .chain(() -> responses.add(response, "key-" + response.id(), "f"))
                        .chain(() -> auditLog.append(new AuditEvent(UUID.randomUUID(), tenant.id(),
                                ContractFixtures.T0, "api-key:" + key.id().value(), AuditAction.API_KEY_CREATED,
                                key.id().value().toString(), Optional.of("192.0.2.1"))))
                        .chain(() -> journeys.add(journey)))
                .await().atMost(TIMEOUT);
    }

    @Test
    void theServiceConnectsAsARoleThatOwnsNothingAndCannotBypassRowLevelSecurity() {
        Object[] role = inTransactionFor(b.id(), session -> session.createNativeQuery(
                "select current_user::text, rolsuper, rolbypassrls from pg_roles where rolname = current_user",
                Object[].class).getSingleResult());
        long owned = inTransactionFor(b.id(), session -> session.createNativeQuery(
                "select count(*) from pg_tables where tableowner = current_user", Long.class).getSingleResult());

        assertThat(role).containsExactly("touchstone_app", false, false);
        assertThat(owned).isZero();
    }

    @Test
    void anUnfilteredQueryForOneTenantSeesNoRowOfAnother() {
        for (String table : TENANT_OWNED) {
            assertThat(count(b.id(), "select count(*) from " + table + " where tenant_id <> '" + b.id() + "'"))
                    .as("rows of other tenants in %s, seen in a transaction for B", table).isZero();
            assertThat(count(b.id(), "select count(*) from " + table + " where tenant_id = '" + a.id() + "'"))
                    .as("rows of A in %s, seen in a transaction for B", table).isZero();
            assertThat(count(a.id(), "select count(*) from " + table + " where tenant_id = '" + a.id() + "'"))
                    .as("rows of A in %s, seen in a transaction for A", table).isPositive();
        }
        assertThat(count(b.id(), "select count(*) from tenant")).isOne();
        UUID visibleTenant = inTransactionFor(b.id(), session -> session
                .createNativeQuery("select id from tenant", UUID.class).getSingleResult());
        assertThat(visibleTenant).isEqualTo(b.id().value());
        assertThat(count(b.id(), "select count(*) from response")).isOne();
        assertThat(count(b.id(), "select count(*) from answer")).isEqualTo(2);
    }

    @Test
    void withoutATenantNoRowIsVisible() {
        for (String table : TENANT_OWNED) {
            assertThat(countWithoutTenant("select count(*) from " + table)).as("rows of %s", table).isZero();
        }
        assertThat(countWithoutTenant("select count(*) from tenant")).isZero();
        assertThat(pool.query("select count(*) from response").execute().await().atMost(TIMEOUT).iterator().next()
                .getLong(0)).as("rows of response through the pool, outside any transaction").isZero();
    }

    @Test
    void aRowOfAnotherTenantCannotBeInsertedNorUpdated() {
        assertThatThrownBy(() -> inTransactionFor(b.id(), session -> session.createNativeQuery(
                        "insert into survey (tenant_id, id, created_at) values ('" + a.id() + "', '"
                                + UUID.randomUUID() + "', now())")
                .executeUpdate()))
                .hasStackTraceContaining("row-level security");
        assertThatThrownBy(() -> inTransactionFor(b.id(), session -> session.createNativeQuery(
                        "insert into tenant (id, name, time_zone, created_at) values ('" + UUID.randomUUID()
                                + "', 'Intruder', 'UTC', now())")
                .executeUpdate()))
                .hasStackTraceContaining("row-level security");

        int updated = inTransactionFor(b.id(), session -> session.createNativeQuery(
                "update api_key set revoked_at = now() where tenant_id = '" + a.id() + "'").executeUpdate());

        assertThat(updated).isZero();
        assertThat(unitOfWork.transactionally(a.id(), () -> keys.find(a.id(), keyOfA.id())).await().atMost(TIMEOUT)
                .orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    void aTouchpointCannotPointIntoAnotherTenant() {
        UUID surveyOfA = unitOfWork.transactionally(a.id(), () -> sessions.withSession(session -> session
                .createNativeQuery("select id from survey limit 1", UUID.class).getSingleResult()))
                .await().atMost(TIMEOUT);

        assertThatThrownBy(() -> inTransactionFor(b.id(), session -> session.createNativeQuery(
                        "update touchpoint set survey_id = '" + surveyOfA + "'").executeUpdate()))
                .hasStackTraceContaining("foreign key");
        assertThatThrownBy(() -> inTransactionFor(b.id(), session -> session.createNativeQuery(
                        "update touchpoint set channel = 'FAX'").executeUpdate()))
                .hasStackTraceContaining("touchpoint_channel_known");
        assertThat(count(b.id(), "select count(*) from touchpoint where survey_id is not null")).isOne();
    }

    @Test
    void theServiceCannotDeleteRows() {
        assertThatThrownBy(() -> inTransactionFor(a.id(), session -> session.createNativeQuery(
                "delete from answer where tenant_id = '" + a.id() + "'").executeUpdate()))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void theServiceCannotChangeNorDeleteAuditEvents() {
        assertThatThrownBy(() -> inTransactionFor(a.id(), session -> session.createNativeQuery(
                "update audit_event set principal = 'someone else' where tenant_id = '" + a.id() + "'")
                .executeUpdate()))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> inTransactionFor(a.id(), session -> session.createNativeQuery(
                "delete from audit_event where tenant_id = '" + a.id() + "'").executeUpdate()))
                .hasStackTraceContaining("permission denied");

        assertThat(count(a.id(), "select count(*) from audit_event where principal = 'api-key:" + keyOfA.id().value()
                + "'")).isOne();
    }

    @Test
    void evenTheOwnerCannotChangeDeleteNorTruncateAuditEvents() throws SQLException {
        try (Connection owner = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + TestDatabase.NAME, "postgres", null);
                Statement statement = owner.createStatement()) {
            for (String sql : List.of("update audit_event set principal = 'someone else'",
                    "delete from audit_event where tenant_id = '" + a.id() + "'", "truncate audit_event cascade")) {
                assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
                        .hasMessageContaining("audit events are append-only");
            }
        }
        assertThat(count(a.id(), "select count(*) from audit_event")).isOne();
    }

    @Test
    void aKeyIsFoundByItsLookupIdOnlyThroughTheLookupFunction() {
        assertThat(unitOfWork.transactionallyWithoutTenant(() -> keys.findByLookupId(keyOfA.lookupId()))
                .await().atMost(TIMEOUT).map(ApiKey::id)).contains(keyOfA.id());
        assertThat(countWithoutTenant("select count(*) from api_key where lookup_id = '" + keyOfA.lookupId() + "'"))
                .isZero();
        assertThat(countWithoutTenant("select count(*) from api_key_by_lookup_id('" + keyOfA.lookupId().substring(0, 4)
                + "%')")).as("no pattern matching").isZero();
    }

    @Test
    void theRollUpShowsAndTakesOnlyTheRowsOfTheTenantItWorksFor() {
        String both = " in ('" + a.id() + "', '" + b.id() + "')";
        assertThat(countWithoutTenant("select count(*) from tenants_with_pending_rollup() as t (id) where id" + both))
                .as("without a tenant, only the ids of tenants with pending responses are seen").isEqualTo(2);
        int takenForAnother = inTransactionFor(b.id(), session -> session
                .createNativeQuery("select roll_up_pending(:tenant, 100)", Integer.class)
                .setParameter("tenant", a.id().value()).getSingleResult());
        assertThat(takenForAnother).as("a roll-up of A in a transaction for B").isZero();
        assertThat(count(a.id(), "select count(*) from rollup_pending")).isOne();

        assertThat(rollup.rollUp(a.id(), 100).await().atMost(TIMEOUT)).isOne();
        assertThat(rollup.rollUp(b.id(), 100).await().atMost(TIMEOUT)).isOne();

        for (String table : List.of("answer_rollup", "response_rollup")) {
            assertThat(count(b.id(), "select count(*) from " + table + " where tenant_id <> '" + b.id() + "'"))
                    .as("rows of other tenants in %s, seen in a transaction for B", table).isZero();
            assertThat(count(a.id(), "select count(*) from " + table + " where tenant_id = '" + a.id() + "'"))
                    .as("rows of A in %s, seen in a transaction for A", table).isPositive();
            assertThat(countWithoutTenant("select count(*) from " + table)).as("rows of %s", table).isZero();
            int updated = inTransactionFor(b.id(), session -> session.createNativeQuery("update " + table
                    + " set dimension_value = 'x' where tenant_id = '" + a.id() + "'").executeUpdate());
            assertThat(updated).as("rows of A in %s updated for B", table).isZero();
            assertThatThrownBy(() -> inTransactionFor(a.id(), session -> session.createNativeQuery(
                    "delete from " + table + " where tenant_id = '" + a.id() + "'").executeUpdate()))
                    .hasStackTraceContaining("permission denied");
        }
        assertThat(countWithoutTenant("select count(*) from tenants_with_pending_rollup() as t (id) where id" + both))
                .isZero();
    }

    private long count(TenantId tenant, String sql) {
        return inTransactionFor(tenant, session -> session.createNativeQuery(sql, Long.class).getSingleResult());
    }

    private long countWithoutTenant(String sql) {
        return unitOfWork.transactionallyWithoutTenant(() -> sessions.withSession(session -> session
                .createNativeQuery(sql, Long.class).getSingleResult())).await().atMost(TIMEOUT);
    }

    private <T> T inTransactionFor(TenantId tenant, Function<Mutiny.Session, Uni<T>> work) {
        return unitOfWork.transactionally(tenant, () -> sessions.withSession(work)).await().atMost(TIMEOUT);
    }
}

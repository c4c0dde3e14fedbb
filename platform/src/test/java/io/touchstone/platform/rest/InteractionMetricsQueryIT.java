package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.metric.Proportion;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.platform.support.InteractionMetricsData;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ABANDONMENT_RATE} and {@code CHURN_RATE} through {@code POST /api/v1/metrics/query}, over the interactions
 * and lifecycle events of {@link InteractionMetricsData}, whose figures are computed by hand there.
 */
@QuarkusTest
class InteractionMetricsQueryIT {

    private static final String QUERY = "/api/v1/metrics/query";

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    JourneyRepository journeys;

    @Inject
    InteractionRepository interactions;

    @Inject
    LifecycleEventRepository lifecycleEvents;

    private String key;
    private InteractionMetricsData.Stored stored;

    @BeforeEach
    void data() {
        RestFixtures.Tenant tenant = newTenant();
        key = tenant.adminKey();
        stored = InteractionMetricsData.store(unitOfWork, journeys, interactions, lifecycleEvents,
                new TenantId(UUID.fromString(tenant.id())));
    }

    private JsonPath query(String body) {
        return json(asTenant(key), body).post(QUERY).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void fiveHundredCallsOfWhichFourHundredFiftyHandledAreTenPercentAbandonedPerWeekAndChannel() {
        JsonPath answer = query("""
                {"metrics": ["ABANDONMENT_RATE"], "from": "2026-01-05", "to": "2026-01-19", "bucket": "WEEK",
                 "groupBy": ["channel"], "comparison": {"baseline": "PREVIOUS_PERIOD"}}""");

        assertThat(answer.getList("rows.from")).containsExactly("2026-01-05", "2026-01-05", "2026-01-12",
                "2026-01-12");
        assertThat(answer.getList("rows.collect { it.group['channel'] }")).containsExactly("PHONE", "WEB", "PHONE",
                "WEB");
        assertThat(answer.getList("rows.collect { it.figures[0].n }", Integer.class)).containsExactly(500, 20, 100, 0);
        assertThat(answer.getDouble("rows[0].figures[0].value")).isEqualTo(10.0);
        assertThat(answer.getDouble("rows[1].figures[0].value")).isEqualTo(0.0);
        assertThat(answer.getDouble("rows[2].figures[0].value")).isEqualTo(20.0);
        assertThat(answer.getMap("rows[3].figures[0]")).doesNotContainKeys("value", "abandonment");
        assertThat(answer.getInt("rows[0].figures[0].abandonment.started")).isEqualTo(500);
        assertThat(answer.getInt("rows[0].figures[0].abandonment.abandoned")).isEqualTo(50);
        assertThat(answer.getBoolean("rows[1].figures[0].smallSample")).isTrue();
        assertThat(answer.getDouble("rows[0].figures[0].confidenceInterval.lower"))
                .isEqualTo(Proportion.wilsonInterval(50, 500).lower());
        assertThat(answer.getDouble("rows[0].figures[0].confidenceInterval.upper"))
                .isEqualTo(Proportion.wilsonInterval(50, 500).upper());
        // W3 against W2 at the phone: 20 % of 100 against 10 % of 500, pooled 70 / 600
        double pooled = 70.0 / 600;
        double z = 10 / (100 * Math.sqrt(pooled * (1 - pooled) * (1.0 / 100 + 1.0 / 500)));
        assertThat(answer.getDouble("rows[2].figures[0].comparison.value")).isEqualTo(10.0);
        assertThat(answer.getDouble("rows[2].figures[0].comparison.change")).isCloseTo(10.0, within(1e-9));
        assertThat(answer.getDouble("rows[2].figures[0].comparison.z")).isCloseTo(z, within(1e-9));
        assertThat(answer.getBoolean("rows[2].figures[0].comparison.significant")).isTrue();
    }

    @Test
    void abandonmentByTouchpointFilteredByJourneyShowsOnlyTheTenantsOwnTouchpoints() {
        RestFixtures.Tenant other = newTenant();
        InteractionMetricsData.Stored theirs = InteractionMetricsData.store(unitOfWork, journeys, interactions,
                lifecycleEvents, new TenantId(UUID.fromString(other.id())));

        JsonPath answer = query("""
                {"metrics": ["ABANDONMENT_RATE"], "from": "2026-01-05", "to": "2026-01-19",
                 "groupBy": ["touchpoint", "team"],
                 "filters": [{"dimension": "journey", "operator": "EQUALS", "values": ["%s"]}]}"""
                .formatted(stored.journey().value()));

        String phone = stored.phone().value().toString();
        String web = stored.web().value().toString();
        List<String> expected = Arrays.asList(phone, web);
        expected.sort(null);
        assertThat(answer.getList("rows.collect { it.group['touchpoint'] }")).containsExactlyElementsOf(expected);
        assertThat(answer.getList("rows.collect { it.group['team'] }")).containsOnly("Brno");
        assertThat(answer.getList("rows.collect { it.figures[0].n }", Integer.class)).containsExactlyInAnyOrder(600, 20);
        assertThat(answer.getList("rows.collect { it.group['touchpoint'] }")).doesNotContain(theirs.phone().value().toString(),
                theirs.web().value().toString());

        JsonPath theirJourney = query("""
                {"metrics": ["ABANDONMENT_RATE"], "from": "2026-01-05", "to": "2026-01-19",
                 "filters": [{"dimension": "journey", "operator": "EQUALS", "values": ["%s"]}]}"""
                .formatted(theirs.journey().value()));
        assertThat(theirJourney.getList("rows.collect { it.figures[0].n }", Integer.class)).containsExactly(0);
    }

    @Test
    void churnPerWeekAndPlanFromTheLifecycleEvents() {
        JsonPath answer = query("""
                {"metrics": ["CHURN_RATE"], "from": "2026-01-05", "to": "2026-01-19", "bucket": "WEEK",
                 "groupBy": ["attribute:plan"]}""");

        assertThat(answer.getList("rows.collect { it.group['attribute:plan'] }")).containsExactly("free", "pro", null,
                "free", "pro", null);
        assertThat(answer.getList("rows.collect { it.figures[0].n }", Integer.class)).containsExactly(2, 2, 1, 1, 2, 1);
        assertThat(answer.getList("rows.collect { it.figures[0].churn.lost }", Integer.class)).containsExactly(1, 1, 0, 1, 1, 0);
        assertThat(answer.getList("rows.collect { it.figures[0].value }", Double.class)).containsExactly(50.0, 50.0,
                0.0, 100.0, 50.0, 0.0);

        JsonPath total = query("""
                {"metrics": ["CHURN_RATE"], "from": "2026-01-05", "to": "2026-01-19", "bucket": "WEEK",
                 "comparison": {"baseline": "PREVIOUS_PERIOD"}}""");
        assertThat(total.getList("rows.collect { it.figures[0].n }", Integer.class)).containsExactly(5, 4);
        assertThat(total.getList("rows.collect { it.figures[0].value }", Double.class)).containsExactly(40.0, 50.0);
        assertThat(total.getDouble("rows[1].figures[0].comparison.change")).isCloseTo(10.0, within(1e-9));
        assertThat(total.getMap("rows[1].figures[0].comparison")).doesNotContainKeys("z", "significant");

        JsonPath paying = query("""
                {"metrics": ["CHURN_RATE"], "from": "2026-01-05", "to": "2026-01-12",
                 "filters": [{"dimension": "attribute:plan", "operator": "NOT_IN", "values": ["free"]}]}""");
        assertThat(paying.getInt("rows[0].figures[0].n")).isEqualTo(3);
        assertThat(paying.getDouble("rows[0].figures[0].value")).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void aDimensionThatDoesNotApplyToAMetricIsRefusedWithItsField() {
        problem(json(asTenant(key), """
                {"metrics": ["CHURN_RATE"], "from": "2026-01-05", "to": "2026-01-19", "groupBy": ["channel"]}""")
                .post(QUERY).then(), 400, "query.dimension-not-applicable", "groupBy[0]");
        problem(json(asTenant(key), """
                {"metrics": ["NPS", "ABANDONMENT_RATE"], "from": "2026-01-05", "to": "2026-01-19",
                 "filters": [{"dimension": "language", "operator": "EQUALS", "values": ["cs"]}]}""")
                .post(QUERY).then(), 400, "query.dimension-not-applicable", "filters[0].dimension");
        problem(json(asTenant(key), """
                {"metrics": ["ABANDONMENT_RATE"], "from": "2026-01-05", "to": "2026-01-19",
                 "scoreRanges": [{"questionId": "nps", "min": 0, "max": 6}]}""")
                .post(QUERY).then(), 400, "query.score-range-not-applicable", "scoreRanges[0]");
    }
}

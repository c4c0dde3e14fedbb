package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.metric.Proportion;
import io.touchstone.platform.support.InteractionMetricsData;
import io.touchstone.proto.v1.Baseline;
import io.touchstone.proto.v1.BucketUnit;
import io.touchstone.proto.v1.Comparison;
import io.touchstone.proto.v1.Figure;
import io.touchstone.proto.v1.Metric;
import io.touchstone.proto.v1.QueryMetricsRequest;
import io.touchstone.proto.v1.QueryMetricsResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code METRIC_ABANDONMENT_RATE} and {@code METRIC_CHURN_RATE} through {@code MetricsService.QueryMetrics} over a
 * real channel, over the data of {@link InteractionMetricsData} (figures computed by hand there): the same numbers as
 * the REST API gives.
 */
@QuarkusTest
class InteractionMetricsGrpcIT extends GrpcTestSupport {

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    JourneyRepository journeys;

    @Inject
    InteractionRepository interactions;

    @Inject
    LifecycleEventRepository lifecycleEvents;

    private String key;

    @BeforeEach
    void data() {
        TestTenant tenant = tenant();
        key = tenant.adminKey();
        InteractionMetricsData.store(unitOfWork, journeys, interactions, lifecycleEvents, tenant.id());
    }

    private static QueryMetricsRequest.Builder weeks(Metric metric) {
        return QueryMetricsRequest.newBuilder().addMetrics(metric).setFrom("2026-01-05").setTo("2026-01-19")
                .setBucket(BucketUnit.BUCKET_UNIT_WEEK);
    }

    @Test
    void abandonmentPerWeekAndChannelWithItsIntervalDetailsAndTest() {
        QueryMetricsResponse answer = metrics(key).queryMetrics(weeks(Metric.METRIC_ABANDONMENT_RATE)
                .addGroupBy("channel")
                .setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_PREVIOUS_PERIOD)).build());

        assertThat(answer.getRowsList()).extracting(row -> row.getFrom(), row -> row.getGroup(0).getValue(),
                row -> row.getFigures(0).getN(), row -> row.getFigures(0).hasValue())
                .containsExactly(tuple("2026-01-05", "PHONE", 500L, true), tuple("2026-01-05", "WEB", 20L, true),
                        tuple("2026-01-12", "PHONE", 100L, true), tuple("2026-01-12", "WEB", 0L, false));
        Figure phone = answer.getRows(0).getFigures(0);
        assertThat(phone.getMetric()).isEqualTo(Metric.METRIC_ABANDONMENT_RATE);
        assertThat(phone.getValue()).isEqualTo(10.0);
        assertThat(phone.getAbandonment().getStarted()).isEqualTo(500);
        assertThat(phone.getAbandonment().getAbandoned()).isEqualTo(50);
        assertThat(phone.getConfidenceInterval().getLower()).isEqualTo(Proportion.wilsonInterval(50, 500).lower());
        assertThat(phone.getConfidenceInterval().getUpper()).isEqualTo(Proportion.wilsonInterval(50, 500).upper());
        assertThat(phone.hasChurn()).isFalse();
        Figure later = answer.getRows(2).getFigures(0);
        double pooled = 70.0 / 600;
        assertThat(later.getValue()).isEqualTo(20.0);
        assertThat(later.getComparison().getChange()).isCloseTo(10.0, within(1e-9));
        assertThat(later.getComparison().getZ())
                .isCloseTo(10 / (100 * Math.sqrt(pooled * (1 - pooled) * (1.0 / 100 + 1.0 / 500))), within(1e-9));
        assertThat(later.getComparison().getSignificant()).isTrue();
        assertThat(answer.getRows(3).getFigures(0).hasAbandonment()).isFalse();
    }

    @Test
    void churnPerWeekAndPlan() {
        QueryMetricsResponse answer = metrics(key).queryMetrics(weeks(Metric.METRIC_CHURN_RATE)
                .addGroupBy("attribute:plan").build());

        assertThat(answer.getRowsList()).extracting(row -> row.getGroup(0).hasValue() ? row.getGroup(0).getValue()
                        : null, row -> row.getFigures(0).getChurn().getActiveAtStart(),
                row -> row.getFigures(0).getChurn().getLost(), row -> row.getFigures(0).getValue())
                .containsExactly(tuple("free", 2L, 1L, 50.0), tuple("pro", 2L, 1L, 50.0), tuple(null, 1L, 0L, 0.0),
                        tuple("free", 1L, 1L, 100.0), tuple("pro", 2L, 1L, 50.0), tuple(null, 1L, 0L, 0.0));
        assertThat(answer.getRows(0).getFigures(0).hasConfidenceInterval()).isFalse();
    }

    @Test
    void aDimensionThatDoesNotApplyIsInvalidWithItsField() {
        com.google.rpc.Status status = assertFails(Status.Code.INVALID_ARGUMENT, "query.dimension-not-applicable",
                () -> metrics(key).queryMetrics(weeks(Metric.METRIC_CHURN_RATE).addGroupBy("touchpoint").build()));
        assertField(status, "groupBy[0]", "query.dimension-not-applicable");
    }
}

package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.platform.support.InteractionMetricsData;
import io.touchstone.proto.v1.Channel;
import io.touchstone.proto.v1.GetJourneyMapRequest;
import io.touchstone.proto.v1.GetJourneyMapResponse;
import io.touchstone.proto.v1.JourneyMapTouchpoint;
import io.touchstone.proto.v1.TouchpointStatus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code MetricsService.GetJourneyMap} over a real channel, over the interactions of {@link InteractionMetricsData}
 * (no survey attached): week 2 of January 2026, compared with week 1.
 */
@QuarkusTest
class JourneyMapGrpcIT extends GrpcTestSupport {

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
        TestTenant tenant = tenant();
        key = tenant.adminKey();
        stored = InteractionMetricsData.store(unitOfWork, journeys, interactions, lifecycleEvents, tenant.id());
    }

    @Test
    void theJourneysTouchpointsWithTheirVolumeAndAbandonment() {
        GetJourneyMapResponse map = metrics(key).getJourneyMap(GetJourneyMapRequest.newBuilder()
                .setJourneyId(stored.journey().value().toString()).setFrom("2026-01-05").setTo("2026-01-12").build());

        assertThat(map.getPreviousFrom()).isEqualTo("2025-12-29");
        assertThat(map.getStagesCount()).isEqualTo(1);
        assertThat(map.getStages(0).getVolume()).isEqualTo(520);
        assertThat(map.getStages(0).getAbandonment().getAbandoned()).isEqualTo(50);
        JourneyMapTouchpoint web = map.getStages(0).getTouchpoints(0);
        JourneyMapTouchpoint phone = map.getStages(0).getTouchpoints(1);
        assertThat(web.getId()).isEqualTo(stored.web().value().toString());
        assertThat(web.getChannel()).isEqualTo(Channel.CHANNEL_WEB);
        assertThat(web.getStatus()).isEqualTo(TouchpointStatus.TOUCHPOINT_STATUS_ACTIVE);
        assertThat(web.getVolume()).isEqualTo(20);
        assertThat(web.getAbandonment().getRate()).isZero();
        assertThat(phone.getVolume()).isEqualTo(500);
        assertThat(phone.getAbandonment().getRate()).isEqualTo(10.0);
        assertThat(phone.getResponses()).isZero();
        assertThat(phone.hasHeadline()).isFalse();
        assertThat(map.getSignificantChangesList()).isEmpty();
    }

    @Test
    void anotherTenantsJourneyIsNotFoundAndABadPeriodIsInvalid() {
        String other = tenant().adminKey();
        assertFails(Status.Code.NOT_FOUND, "journey.not-found", () -> metrics(other).getJourneyMap(
                GetJourneyMapRequest.newBuilder().setJourneyId(stored.journey().value().toString())
                        .setFrom("2026-01-05").setTo("2026-01-12").build()));
        com.google.rpc.Status status = assertFails(Status.Code.INVALID_ARGUMENT, "query.range-empty",
                () -> metrics(key).getJourneyMap(GetJourneyMapRequest.newBuilder()
                        .setJourneyId(stored.journey().value().toString()).setFrom("2026-01-12")
                        .setTo("2026-01-05").build()));
        assertField(status, "to", "query.range-empty");
    }
}

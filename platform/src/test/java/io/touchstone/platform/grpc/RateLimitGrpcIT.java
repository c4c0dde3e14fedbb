package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.platform.ratelimit.LowRateLimits;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.ListSurveysRequest;
import org.junit.jupiter.api.Test;

/** Calls with an API key over the key's limit fail with RESOURCE_EXHAUSTED and a RetryInfo. */
@QuarkusTest
@TestProfile(LowRateLimits.class)
class RateLimitGrpcIT extends GrpcTestSupport {

    @Test
    void aKeyOverItsLimitIsResourceExhaustedWithRetryInfo() {
        String key = tenant().adminKey();
        for (int i = 0; i < 4; i++) {
            surveys(key).listSurveys(ListSurveysRequest.getDefaultInstance());
        }

        com.google.rpc.Status status = assertFails(Status.Code.RESOURCE_EXHAUSTED, "rate-limit.exceeded",
                () -> surveys(key).listSurveys(ListSurveysRequest.getDefaultInstance()));

        com.google.protobuf.Duration delay = detail(status, RetryInfo.class).getRetryDelay();
        long delayMillis = delay.getSeconds() * 1_000 + delay.getNanos() / 1_000_000;
        // one request every 5 s: the next fits within 5 s
        assertThat(delayMillis).isPositive().isLessThanOrEqualTo(5_000);
    }

    @Test
    void aRefusedCallDoesNothing() {
        TestTenant tenant = tenant();
        String reader = key(tenant, Scope.SURVEYS_READ);
        for (int i = 0; i < 4; i++) {
            surveys(tenant.adminKey()).listSurveys(ListSurveysRequest.getDefaultInstance());
        }

        assertFails(Status.Code.RESOURCE_EXHAUSTED, "rate-limit.exceeded", () -> surveys(tenant.adminKey())
                .createSurvey(CreateSurveyRequest.newBuilder().setContent(standardContent()).build()));

        assertThat(surveys(reader).listSurveys(ListSurveysRequest.getDefaultInstance()).getSurveysList()).isEmpty();
    }
}

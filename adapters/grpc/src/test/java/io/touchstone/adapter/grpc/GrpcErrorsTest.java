package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.RateLimited;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.shared.error.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrpcErrorsTest {

    private final GrpcErrors errors = new GrpcErrors();

    @Test
    void invalidValueBecomesInvalidArgumentWithOneFieldViolationPerViolation() {
        InvalidValue invalid = new InvalidValue(List.of(
                new Violation("answers[0].score", "answer.out-of-range", "score 11 lies outside 0..10"),
                new Violation("language", "language.invalid", "must be a BCP 47 language tag")));

        Status status = errors.toStatus(invalid);

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(status.getMessage()).isEqualTo(invalid.getMessage());
        ErrorInfo info = detail(status, ErrorInfo.class).orElseThrow();
        assertThat(info.getReason()).isEqualTo("answer.out-of-range");
        assertThat(info.getDomain()).isEqualTo("touchstone.io");
        assertThat(info.getMetadataMap()).containsExactly(java.util.Map.entry("field", "answers[0].score"));
        BadRequest badRequest = detail(status, BadRequest.class).orElseThrow();
        assertThat(badRequest.getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getReason,
                        BadRequest.FieldViolation::getDescription)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("answers[0].score", "answer.out-of-range",
                                "score 11 lies outside 0..10"),
                        org.assertj.core.groups.Tuple.tuple("language", "language.invalid",
                                "must be a BCP 47 language tag"));
    }

    @Test
    void theFirstNamedFieldIsReportedWhenTheFirstViolationConcernsTheWholeInput() {
        InvalidValue invalid = new InvalidValue(List.of(
                new Violation("", "answer.value-count", "exactly one value"),
                new Violation("language", "language.invalid", "bad")));

        ErrorInfo info = detail(errors.toStatus(invalid), ErrorInfo.class).orElseThrow();

        assertThat(info.getReason()).isEqualTo("answer.value-count");
        assertThat(info.getMetadataMap()).containsEntry("field", "language");
    }

    @Test
    void eachCategoryHasItsCodeAndItsStableReason() {
        assertCategory(new Unauthenticated("auth.key-invalid", "the API key is not valid"),
                Code.UNAUTHENTICATED, "auth.key-invalid");
        assertCategory(new Forbidden("auth.scope-missing", "needs a scope"),
                Code.PERMISSION_DENIED, "auth.scope-missing");
        assertCategory(new NotFound("survey.not-found", "no survey"), Code.NOT_FOUND, "survey.not-found");
        assertCategory(new Conflict("idempotency.key-reused", "reused"), Code.ALREADY_EXISTS,
                "idempotency.key-reused");
        assertCategory(new RuleViolated("survey.not-published", "draft"), Code.FAILED_PRECONDITION,
                "survey.not-published");
        assertCategory(new RateLimited("rate.limited", "slow down", Duration.ofMillis(1500)),
                Code.RESOURCE_EXHAUSTED, "rate.limited");
    }

    @Test
    void rateLimitedTellsWhenToRetry() {
        Status status = errors.toStatus(new RateLimited("rate.limited", "slow down", Duration.ofMillis(1500)));

        RetryInfo retry = detail(status, RetryInfo.class).orElseThrow();
        assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(1);
        assertThat(retry.getRetryDelay().getNanos()).isEqualTo(500_000_000);
    }

    @Test
    void anythingElseIsInternalWithoutItsMessage() {
        Status status = errors.toStatus(new IllegalStateException("password=secret in a stack trace"));

        assertThat(status.getCode()).isEqualTo(Code.INTERNAL_VALUE);
        assertThat(status.getMessage()).startsWith("internal error").doesNotContain("secret");
        assertThat(detail(status, ErrorInfo.class).orElseThrow().getReason()).isEqualTo("internal");
    }

    @Test
    void theStatusExceptionCarriesTheDetailsInItsTrailers() {
        StatusRuntimeException exception = errors.toStatusException(new NotFound("response.not-found", "no response"));

        assertThat(exception.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        Status status = StatusProto.fromThrowable(exception);
        assertThat(status).isNotNull();
        assertThat(detail(status, ErrorInfo.class).orElseThrow().getReason()).isEqualTo("response.not-found");
    }

    @Test
    void aStatusExceptionPassesUnchanged() {
        StatusRuntimeException original = io.grpc.Status.CANCELLED.withDescription("client left").asRuntimeException();

        assertThat(errors.toStatusException(original)).isSameAs(original);
        assertThat(errors.toStatus(original).getCode()).isEqualTo(Code.CANCELLED_VALUE);
    }

    private void assertCategory(RuntimeException failure, Code code, String reason) {
        Status status = errors.toStatus(failure);
        assertThat(status.getCode()).as(failure.getClass().getSimpleName()).isEqualTo(code.getNumber());
        assertThat(status.getMessage()).isEqualTo(failure.getMessage());
        ErrorInfo info = detail(status, ErrorInfo.class).orElseThrow();
        assertThat(info.getReason()).isEqualTo(reason);
        assertThat(info.getDomain()).isEqualTo(GrpcErrors.DOMAIN);
        assertThat(info.getMetadataMap()).doesNotContainKey("field");
        assertThat(detail(status, BadRequest.class)).isEmpty();
    }

    static <T extends Message> Optional<T> detail(Status status, Class<T> type) {
        for (Any any : status.getDetailsList()) {
            if (any.is(type)) {
                try {
                    return Optional.of(any.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return Optional.empty();
    }
}

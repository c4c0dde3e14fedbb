package io.touchstone.adapter.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.touchstone.application.error.AccessException;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.RateLimited;
import io.touchstone.application.error.Unavailable;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.DomainException;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.shared.error.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one place where failures become gRPC statuses: a {@code google.rpc.Status} with an {@link ErrorInfo} carrying
 * the stable error code (and the first offending field), a {@link BadRequest} for invalid input and a
 * {@link RetryInfo} when the caller is rate limited. Anything unexpected becomes INTERNAL with a generic message and
 * is logged here together with a reference the client also sees.
 */
@ApplicationScoped
public class GrpcErrors {

    /** {@code ErrorInfo.domain} of every error this service reports. */
    public static final String DOMAIN = "touchstone.io";
    /** {@code ErrorInfo.reason} of an unexpected failure. */
    public static final String INTERNAL_REASON = "internal";
    static final String FIELD = "field";

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    /** For {@code Uni.onFailure().transform(...)}: the failure as a status exception the client receives. */
    public StatusRuntimeException toStatusException(Throwable failure) {
        if (failure instanceof StatusRuntimeException passedOn) {
            return passedOn;
        }
        if (failure instanceof StatusException checked) {
            return new StatusRuntimeException(checked.getStatus(), checked.getTrailers());
        }
        return StatusProto.toStatusRuntimeException(toStatus(failure));
    }

    /** The failure as a {@code google.rpc.Status}, e.g. for one refused item of a stream. */
    public Status toStatus(Throwable failure) {
        return switch (failure) {
            case DomainException domain -> domain(domain);
            case AccessException access -> access(access);
            case Unavailable unavailable -> status(Code.UNAVAILABLE, unavailable.code(), unavailable.getMessage());
            case StatusRuntimeException grpc -> passedOn(StatusProto.fromThrowable(grpc), grpc.getStatus());
            case StatusException grpc -> passedOn(StatusProto.fromThrowable(grpc), grpc.getStatus());
            default -> internal(failure);
        };
    }

    private static Status domain(DomainException failure) {
        return switch (failure) {
            case InvalidValue invalid -> invalid(invalid);
            case NotFound notFound -> status(Code.NOT_FOUND, notFound.code(), notFound.getMessage(), notFound.field());
            case Conflict conflict -> status(Code.ALREADY_EXISTS, conflict.code(), conflict.getMessage());
            case RuleViolated ruleViolated ->
                    status(Code.FAILED_PRECONDITION, ruleViolated.code(), ruleViolated.getMessage());
        };
    }

    private static Status access(AccessException failure) {
        return switch (failure) {
            case Unauthenticated unauthenticated ->
                    status(Code.UNAUTHENTICATED, unauthenticated.code(), unauthenticated.getMessage());
            case Forbidden forbidden -> status(Code.PERMISSION_DENIED, forbidden.code(), forbidden.getMessage());
            case RateLimited rateLimited -> rateLimited(rateLimited);
        };
    }

    private static Status rateLimited(RateLimited failure) {
        Status status = status(Code.RESOURCE_EXHAUSTED, failure.code(), failure.getMessage());
        if (failure.retryAfter() == null) {
            return status;
        }
        return status.toBuilder()
                .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(duration(failure.retryAfter())).build()))
                .build();
    }

    private static Status invalid(InvalidValue failure) {
        String firstField = failure.violations().stream()
                .map(Violation::field)
                .filter(field -> !field.isEmpty())
                .findFirst()
                .orElse("");
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        for (Violation violation : failure.violations()) {
            badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(violation.field())
                    .setReason(violation.code())
                    .setDescription(violation.description()));
        }
        return Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(failure.getMessage())
                .addDetails(Any.pack(errorInfo(failure.code(), firstField)))
                .addDetails(Any.pack(badRequest.build()))
                .build();
    }

    private static Status status(Code code, String reason, String message) {
        return status(code, reason, message, "");
    }

    /** With the request field the failure is about in the {@code ErrorInfo} metadata, when there is one. */
    private static Status status(Code code, String reason, String message, String field) {
        return Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message == null ? "" : message)
                .addDetails(Any.pack(errorInfo(reason, field)))
                .build();
    }

    private static Status passedOn(Status details, io.grpc.Status status) {
        return details != null ? details : Status.newBuilder()
                .setCode(status.getCode().value())
                .setMessage(status.getDescription() == null ? "" : status.getDescription())
                .build();
    }

    private static Status internal(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure of a gRPC call (reference %s)", reference);
        return Status.newBuilder()
                .setCode(Code.INTERNAL_VALUE)
                .setMessage("internal error (reference " + reference + ")")
                .addDetails(Any.pack(errorInfo(INTERNAL_REASON, "")))
                .build();
    }

    private static ErrorInfo errorInfo(String reason, String field) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN);
        if (!field.isEmpty()) {
            info.putMetadata(FIELD, field);
        }
        return info.build();
    }

    private static Duration duration(java.time.Duration duration) {
        return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }
}

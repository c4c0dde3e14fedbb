package io.touchstone.adapter.grpc;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.io.InputStream;

/**
 * Makes a service answer bytes that are not a valid request message with INVALID_ARGUMENT and the reason
 * {@code request.malformed-protobuf}, where grpc-java would answer UNKNOWN. Each method's request marshaller is
 * wrapped so that a message which does not parse arrives as null, and each method's handler closes the call on such
 * a message before the service sees anything.
 */
final class MalformedMessages {

    static final String CODE = "request.malformed-protobuf";

    private static final StatusException MALFORMED = StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(CODE + ": the request is not a valid protobuf message of the method's request type")
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(CODE).setDomain(GrpcErrors.DOMAIN).build()))
            .build());

    private MalformedMessages() {
    }

    static ServerServiceDefinition refusedAsInvalidArgument(ServerServiceDefinition service) {
        ServiceDescriptor original = service.getServiceDescriptor();
        var methods = service.getMethods().stream().map(MalformedMessages::guarded).toList();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(definition::addMethod);
        return definition.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> guarded(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> original = method.getMethodDescriptor();
        MethodDescriptor<Q, R> descriptor = original.toBuilder(
                new NullWhenMalformed<>(original.getRequestMarshaller()), original.getResponseMarshaller()).build();
        return ServerMethodDefinition.create(descriptor, new RefusingHandler<>(method.getServerCallHandler()));
    }

    private record NullWhenMalformed<T>(MethodDescriptor.Marshaller<T> delegate)
            implements MethodDescriptor.Marshaller<T> {

        @Override
        public InputStream stream(T value) {
            return delegate.stream(value);
        }

        @Override
        public T parse(InputStream stream) {
            try {
                return delegate.parse(stream);
            } catch (RuntimeException malformed) {
                return null;
            }
        }
    }

    private record RefusingHandler<Q, R>(ServerCallHandler<Q, R> delegate) implements ServerCallHandler<Q, R> {

        @Override
        public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
            return new SimpleForwardingServerCallListener<>(delegate.startCall(call, headers)) {
                private boolean refused;

                @Override
                public void onMessage(Q message) {
                    if (refused) {
                        return;
                    }
                    if (message == null) {
                        refused = true;
                        Metadata trailers = MALFORMED.getTrailers();
                        Metadata copy = new Metadata();
                        if (trailers != null) {
                            copy.merge(trailers);
                        }
                        call.close(MALFORMED.getStatus(), copy);
                        return;
                    }
                    super.onMessage(message);
                }

                @Override
                public void onHalfClose() {
                    if (!refused) {
                        super.onHalfClose();
                    }
                }
            };
        }
    }
}

package io.touchstone.platform.isolation;

import static io.restassured.RestAssured.given;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Channel;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What the running service serves, asked from the service itself: its OpenAPI document and gRPC reflection. */
final class ServedOperations {

    static final String API_ROOT = "/api/v1/";
    static final String GRPC_PACKAGE = "touchstone.v1";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    private ServedOperations() {
    }

    /** Every operation under /api/v1 in the served OpenAPI document, as "METHOD /path/{param}". */
    static Set<String> rest() {
        Map<String, Map<String, Object>> paths = given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (path.startsWith(API_ROOT)) {
                item.keySet().stream()
                        .filter(HTTP_METHODS::contains)
                        .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path));
            }
        });
        return operations;
    }

    /** Every method of every service of package touchstone.v1 the server offers, as "touchstone.v1.Service/Method". */
    static Set<String> grpc(Channel channel) {
        Set<String> methods = new TreeSet<>();
        List<String> services = ask(channel, ServerReflectionRequest.newBuilder().setListServices("*").build())
                .getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName)
                .filter(name -> name.startsWith(GRPC_PACKAGE + "."))
                .toList();
        for (String service : services) {
            ServerReflectionResponse files = ask(channel,
                    ServerReflectionRequest.newBuilder().setFileContainingSymbol(service).build());
            for (ByteString bytes : files.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                FileDescriptorProto file = parse(bytes);
                for (ServiceDescriptorProto described : file.getServiceList()) {
                    String name = file.getPackage() + "." + described.getName();
                    if (name.equals(service)) {
                        described.getMethodList().forEach(method -> methods.add(name + "/" + method.getName()));
                    }
                }
            }
        }
        return methods;
    }

    private static ServerReflectionResponse ask(Channel channel, ServerReflectionRequest request) {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        answer.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IllegalStateException("reflection stream ended unanswered"));
                    }
                });
        requests.onNext(request);
        try {
            ServerReflectionResponse response = answer.get(30, TimeUnit.SECONDS);
            if (response.hasErrorResponse()) {
                throw new AssertionError("reflection refused " + request + ": " + response.getErrorResponse());
            }
            return response;
        } catch (Exception e) {
            throw new AssertionError("gRPC reflection failed for " + request, e);
        } finally {
            requests.onCompleted();
        }
    }

    private static FileDescriptorProto parse(ByteString bytes) {
        try {
            return FileDescriptorProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}

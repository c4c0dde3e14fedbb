package io.touchstone.platform.identity;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** A Keycloak admin API that cannot be reached: a loopback port that was free a moment ago and is closed now. */
public class UnreachableKeycloak implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("touchstone.identity.admin.url", "http://127.0.0.1:" + closed,
                "touchstone.identity.admin.client-id", "touchstone-admin",
                "touchstone.identity.admin.client-secret", "touchstone-admin-secret",
                "touchstone.identity.admin.timeout", "2s");
    }

    @Override
    public void stop() {
    }
}

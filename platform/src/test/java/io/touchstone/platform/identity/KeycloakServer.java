package io.touchstone.platform.identity;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak (the distribution the build unpacks into {@code target/keycloak}), started once per test JVM on
 * loopback in dev mode with an in-memory database and the test realms of {@code src/test/resources/keycloak}:
 * {@code touchstone} (the clients the tests need) and {@code other} (another issuer).
 *
 * <p>{@link #start()} launches the process and returns at once with the issuer's URL, so that Keycloak boots while
 * Quarkus does; the tests wait for it in {@link #awaitReady()} before they ask for a token. The process is stopped
 * when the test JVM exits, so that Quarkus restarts between test classes never start a second one.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "touchstone";
    static final String OTHER_REALM = "other";
    static final String ADMIN_CLIENT = "test-admin";
    static final String ADMIN_SECRET = "test-admin-secret";
    /** Touchstone's own admin client in the realm {@code touchstone}, which manages the tenants' clients. */
    static final String PROVISIONING_CLIENT = "touchstone-admin";
    static final String PROVISIONING_SECRET = "touchstone-admin-secret";

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    private static Process process;
    private static URI base;
    private static long launchedAt;
    private static volatile boolean ready;

    @Override
    public Map<String, String> start() {
        launch();
        return Map.of("touchstone.identity.issuer", issuer(REALM),
                "touchstone.identity.admin.url", base.toString(),
                "touchstone.identity.admin.realm", REALM,
                "touchstone.identity.admin.client-id", PROVISIONING_CLIENT,
                "touchstone.identity.admin.client-secret", PROVISIONING_SECRET);
    }

    @Override
    public void stop() {
        // the process outlives a Quarkus restart and ends with the test JVM (see launch)
    }

    static String issuer(String realm) {
        return base.resolve("/realms/" + realm).toString();
    }

    static URI base() {
        return base;
    }

    private static synchronized void launch() {
        if (process != null) {
            return;
        }
        Path home = Path.of(System.getProperty("keycloak.dist.home", "target/keycloak/keycloak-26.4.5"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home.toAbsolutePath()
                    + ": the build unpacks it (./mvnw verify, phase pre-integration-test)");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            for (String realm : List.of("touchstone-realm.json", "other-realm.json")) {
                try (var in = KeycloakServer.class.getResourceAsStream("/keycloak/" + realm)) {
                    Files.copy(in, imports.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            int port = freePort();
            base = URI.create("http://127.0.0.1:" + port);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--db=dev-mem", "--import-realm",
                    "--cache=local", "--log-level=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolveSibling("keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            // a faster start on few cores; Keycloak's own memory defaults stay
            env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            env.put("KC_BOOTSTRAP_ADMIN_CLIENT_ID", ADMIN_CLIENT);
            env.put("KC_BOOTSTRAP_ADMIN_CLIENT_SECRET", ADMIN_SECRET);
            launchedAt = System.nanoTime();
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopProcess(started), "keycloak-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    /** Blocks until the test realm answers its discovery document; reports how long Keycloak took to start. */
    static void awaitReady() {
        if (ready) {
            return;
        }
        synchronized (KeycloakServer.class) {
            if (ready) {
                return;
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest discovery = HttpRequest.newBuilder(
                    URI.create(issuer(REALM) + "/.well-known/openid-configuration")).build();
            long deadline = launchedAt + STARTUP_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak ended with " + process.exitValue()
                            + "; see target/keycloak/keycloak.log");
                }
                try {
                    if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        ready = true;
                        System.out.printf("Keycloak ready %.1f s after launch%n",
                                (System.nanoTime() - launchedAt) / 1e9);
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(250);
            }
            throw new IllegalStateException("Keycloak not ready within " + STARTUP_LIMIT);
        }
    }

    private static void stopProcess(Process started) {
        started.destroy();
        try {
            if (!started.waitFor(20, TimeUnit.SECONDS)) {
                started.descendants().forEach(ProcessHandle::destroyForcibly);
                started.destroyForcibly();
            }
        } catch (InterruptedException e) {
            started.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.touchstone.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.touchstone.application.service.ApiKeyUsage;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Stores the API keys' last-used times every {@code touchstone.api-keys.usage-flush-interval} and at shutdown. */
@ApplicationScoped
public class ApiKeyUsageFlusher {

    private static final Logger LOG = Logger.getLogger(ApiKeyUsageFlusher.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    @Inject
    ApiKeyUsage usage;

    @Inject
    TouchstoneConfig config;

    @Inject
    Vertx vertx;

    private long timer = -1;

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.apiKeys().usageFlushInterval().toMillis(), id -> flushInBackground());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        try {
            usage.flush().await().atMost(SHUTDOWN_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("could not store the last use of %d API keys at shutdown: %s", usage.pendingKeys(),
                    e.getMessage());
        }
    }

    private void flushInBackground() {
        usage.flush().subscribe().with(ignored -> { }, failure -> LOG.warnf(
                "could not store the last use of API keys (kept for the next attempt): %s", failure.getMessage()));
    }
}

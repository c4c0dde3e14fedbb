package io.touchstone.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.touchstone.application.port.out.ResponseStatistics;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Adds newly stored responses to the metrics' pre-aggregated histograms every {@code touchstone.metrics.rollup-interval}.
 * Queries are exact whether or not a response has been rolled up yet (they add the pending ones); rolling up only keeps
 * them fast. One round at a time per replica; replicas running at once never count a response twice.
 */
@ApplicationScoped
public class MetricsRollupScheduler {

    private static final Logger LOG = Logger.getLogger(MetricsRollupScheduler.class);

    @Inject
    ResponseStatistics statistics;

    @Inject
    TouchstoneConfig config;

    @Inject
    Vertx vertx;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        long interval = config.metrics().rollupInterval().toMillis();
        if (interval > 0) {
            timer = vertx.setPeriodic(interval, id -> rollUpInBackground());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void rollUpInBackground() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous round is still going
        }
        statistics.catchUp(config.metrics().rollupBatch()).subscribe().with(
                rolledUp -> {
                    running.set(false);
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("metrics roll-up works again");
                    }
                },
                failure -> {
                    running.set(false);
                    if (failing.compareAndSet(false, true)) {
                        LOG.warnf("metrics roll-up failed (queries stay exact, only slower; retrying): %s",
                                failure.getMessage());
                    }
                });
    }
}

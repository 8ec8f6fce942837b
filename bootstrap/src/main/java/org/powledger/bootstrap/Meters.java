package org.powledger.bootstrap;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * The one meter registry of a running server, which {@code GET /metrics} serves: the web adapter
 * times requests into it, the store's connection pools report to it, and the JVM is watched here
 * (memory, garbage collection, threads, class loading, processor, open files, uptime).
 *
 * <p>The JVM's meters are bound on a thread of their own: they load the JVM's management beans and
 * the container's limits, a tenth of the server's start-up, which thus runs beside the store opening.
 * {@link #ready()} waits for them before the server answers, so that the first scrape has them all.
 */
final class Meters implements AutoCloseable {

    final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final CompletableFuture<Void> jvm;

    private Meters(PrometheusMeterRegistry registry, JvmGcMetrics gc, CompletableFuture<Void> jvm) {
        this.registry = registry;
        this.gc = gc;
        this.jvm = jvm;
    }

    static Meters start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = new JvmGcMetrics();
        CompletableFuture<Void> jvm = CompletableFuture.runAsync(() -> {
            new JvmInfoMetrics().bindTo(registry);
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }, task -> {
            Thread binding = new Thread(task, "powledger-jvm-metrics");
            binding.setDaemon(true);
            binding.start();
        });
        return new Meters(registry, gc, jvm);
    }

    /** Waits until the JVM's meters are in the registry. */
    void ready() {
        jvm.join();
    }

    /** Stops listening to the garbage collector and closes the registry. */
    @Override
    public void close() {
        try {
            jvm.join(); // the garbage collector's listeners are added there
        } catch (RuntimeException e) {
            // nothing was bound that needs undoing beyond what gc.close() does
        }
        gc.close();
        registry.close();
    }
}

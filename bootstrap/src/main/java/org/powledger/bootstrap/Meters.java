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

/**
 * The one meter registry of a running server, which {@code GET /metrics} serves: the web adapter
 * times requests into it, the store's connection pools report to it, and the JVM is watched here
 * (memory, garbage collection, threads, class loading, processor, open files, uptime).
 *
 * <p>The JVM's meters are bound when {@code /metrics} is first read, not at start: they load the JVM's
 * management beans and the container's limits (some 400 classes, a tenth of the start-up and a few MiB
 * that a server nobody scrapes never needs). Counters such as {@code jvm_gc_pause_seconds_count} count
 * from then on.
 */
final class Meters implements AutoCloseable {

    final PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    private Meters(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    static Meters start() {
        return new Meters(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Binds the JVM's meters to the registry, once; before the first scrape. */
    synchronized void bindJvm() {
        if (gc != null) {
            return;
        }
        gc = new JvmGcMetrics();
        new JvmInfoMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Stops listening to the garbage collector and closes the registry. */
    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JVM's meters cost start-up time and memory: bound when someone first reads them, and once. */
class MetersTest {

    @Test
    void the_jvm_meters_are_bound_on_demand_and_once() {
        try (Meters meters = Meters.start()) {
            assertThat(meters.registry.find("jvm.memory.used").meters()).isEmpty();

            meters.bindJvm();
            int bound = meters.registry.getMeters().size();
            meters.bindJvm();

            assertThat(meters.registry.find("jvm.memory.used").meters()).isNotEmpty();
            assertThat(meters.registry.find("process.uptime").timeGauge()).isNotNull();
            assertThat(meters.registry.getMeters()).hasSize(bound);
        }
    }
}

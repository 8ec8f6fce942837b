package planted.powledger.application;

import io.micrometer.core.instrument.MeterRegistry;

/** Planted: a use case measuring itself with Micrometer instead of being measured by an adapter. */
public class TimedService {
    public void record(MeterRegistry meters) {
        meters.counter("planted.records").increment();
    }
}

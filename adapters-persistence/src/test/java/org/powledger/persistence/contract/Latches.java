package org.powledger.persistence.contract;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting for another test thread, never for ever: a test that would hang fails instead. */
public final class Latches {

    private Latches() {
    }

    /** Waits up to 10 s for {@code latch}; fails the test when it does not open in time. */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

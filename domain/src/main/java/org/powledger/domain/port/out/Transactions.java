package org.powledger.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs a write use case as one unit: its checks, its writes and its history entry all happen or
 * none does, and no other write interleaves. Every completed write moves the ledger's revision on.
 */
public interface Transactions {

    <T> T write(Supplier<T> work);

    default void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }
}

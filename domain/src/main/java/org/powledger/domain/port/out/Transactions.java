package org.powledger.domain.port.out;

import java.util.function.Supplier;

/**
 * The two doors into the store. Use cases open them; store methods never open their own.
 *
 * <p>{@link #write} runs a write use case as one unit: its checks, its writes and its history entry
 * all happen or none does, and no other write interleaves. Every completed write moves the ledger's
 * revision on.
 *
 * <p>{@link #read} runs a read use case against one consistent snapshot of the ledger: every
 * repository call made from {@code work} sees the ledger as it was when the read began. A read takes
 * no write lock, so a read held open (a slow export) never makes a write wait, and it never moves the
 * revision. A read inside a write joins the write (and sees its changes); a write inside a read is
 * refused with {@link IllegalStateException}.
 */
public interface Transactions {

    <T> T write(Supplier<T> work);

    default void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    <T> T read(Supplier<T> work);

    default void read(Runnable work) {
        read(() -> {
            work.run();
            return null;
        });
    }
}

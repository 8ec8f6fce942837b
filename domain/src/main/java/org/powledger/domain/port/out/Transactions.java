package org.powledger.domain.port.out;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The two doors into the store. Use cases open them; store methods never open their own.
 *
 * <p>{@link #write} runs a write use case as one unit: its checks, its writes and its history entry
 * all happen or none does, and no other write interleaves. Every completed write moves the ledger's
 * revision on. A write that cannot get the store within the store's wait fails with
 * {@link org.powledger.domain.model.StoreUnavailable}, having written nothing. A write returns only once
 * its work is durable; a store may let writes that arrive together share one commit, so a write's work
 * is never visible to reads before it returns, and a write whose commit fails throws, having written
 * nothing.
 *
 * <p>{@link #read} runs a read use case against one consistent snapshot of the ledger: every
 * repository call made from {@code work} sees the ledger as it was when the read began. A read takes
 * no write lock, so a read held open (a slow export) never makes a write wait, and it never moves the
 * revision. A read inside a write joins the write (and sees its changes); a write inside a read is
 * refused with {@link IllegalStateException}.
 */
public interface Transactions {

    /**
     * How long a write waits for the store, unless the store is opened with another wait: a few
     * seconds, then {@link org.powledger.domain.model.StoreUnavailable} (the client is told to retry).
     */
    Duration WRITE_WAIT = Duration.ofSeconds(5);

    <T> T write(Supplier<T> work);

    default void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /**
     * As {@link #write}, for a write that may hold the store long (an import): it shares its commit with
     * no other write, so no other write waits on it to be acknowledged and its outcome is its own.
     */
    default <T> T writeAlone(Supplier<T> work) {
        return write(work);
    }

    <T> T read(Supplier<T> work);

    default void read(Runnable work) {
        read(() -> {
            work.run();
            return null;
        });
    }
}

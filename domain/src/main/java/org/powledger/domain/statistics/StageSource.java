package org.powledger.domain.statistics;

import java.util.function.Predicate;

/**
 * The live records of one moment of the ledger, streamed in statistics order (see {@link Stage}).
 * Each walk reads the store afresh; nothing is held between walks.
 */
@FunctionalInterface
public interface StageSource {

    /** Hands each stage to {@code action} in statistics order, until it answers false or none is left. */
    void forEachStage(Predicate<Stage> action);
}

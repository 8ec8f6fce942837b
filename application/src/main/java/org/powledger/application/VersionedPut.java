package org.powledger.application;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.VersionRequired;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.Saved;

/**
 * PUT with client-chosen ids: creates when nothing is there (an {@code If-Match} then names a version
 * that does not exist: 412), replaces only the version {@code If-Match} names (428 without it). A
 * replacement that equals what is stored keeps its version (API.md: no new version, no history entry).
 */
public final class VersionedPut {

    private VersionedPut() {
    }

    public static <T> Saved<T> put(Optional<Versioned<T>> existing, T value, Integer expectedVersion, Instant now,
                                   Consumer<Versioned<T>> save) {
        if (existing.isEmpty()) {
            if (expectedVersion != null) {
                throw new StaleVersion(expectedVersion, 0);
            }
            Versioned<T> created = Versioned.first(value, now);
            save.accept(created);
            return new Saved<>(created, true);
        }
        Versioned<T> current = existing.get();
        if (expectedVersion == null) {
            throw new VersionRequired();
        }
        if (expectedVersion != current.version()) {
            throw new StaleVersion(expectedVersion, current.version());
        }
        if (current.value().equals(value)) {
            return new Saved<>(current, false); // nothing changes: no new version
        }
        Versioned<T> replaced = current.replacedBy(value, now);
        save.accept(replaced);
        return new Saved<>(replaced, false);
    }
}

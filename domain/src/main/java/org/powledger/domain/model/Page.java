package org.powledger.domain.model;

import java.util.List;
import java.util.Optional;

/** One page of a list, with the cursor that fetches the next page when there is one. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}

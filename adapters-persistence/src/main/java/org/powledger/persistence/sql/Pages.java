package org.powledger.persistence.sql;

import java.util.List;
import java.util.function.Function;
import org.powledger.domain.model.Cursor;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Page;

/** Pages read as {@code limit + 1} rows: the extra row only says that another page follows. */
final class Pages {

    private Pages() {
    }

    static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> toItem, Function<R, String> key) {
        List<T> items = rows.stream().limit(limit).map(toItem).toList();
        String next = rows.size() > limit ? Cursor.encode(key.apply(rows.get(limit - 1))) : null;
        return new Page<>(items, next);
    }

    /** The one key part of a cursor; null when there is no cursor. */
    static String after(String cursor) {
        return cursor == null ? null : Cursor.decode(cursor, 1).get(0);
    }

    static long afterSequence(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(after(cursor));
        } catch (NumberFormatException e) {
            throw new InvalidQuery("cursor", "is not a cursor this server gave out");
        }
    }
}

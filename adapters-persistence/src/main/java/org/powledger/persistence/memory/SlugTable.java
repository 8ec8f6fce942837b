package org.powledger.persistence.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.powledger.domain.model.Cursor;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Versioned;

/** Versioned values under client-chosen slugs, kept in id order: what units and cohorts share. */
final class SlugTable<K, V> {

    private final MemoryLedger ledger;
    private final Function<Versioned<V>, K> idOf;
    private final Function<K, String> slugOf;
    private final MemoryLedger.Table<TreeMap<String, Versioned<V>>> table;

    SlugTable(MemoryLedger ledger, Function<Versioned<V>, K> idOf, Function<K, String> slugOf) {
        this.ledger = ledger;
        this.idOf = idOf;
        this.slugOf = slugOf;
        this.table = ledger.table(new TreeMap<>(), TreeMap::new);
    }

    void save(Versioned<V> value) {
        ledger.write(() -> {
            String id = slugOf.apply(idOf.apply(value));
            Versioned<V> old = table.state().put(id, value);
            ledger.onRollback(() -> restore(id, old));
        });
    }

    void remove(K id) {
        ledger.write(() -> {
            String slug = slugOf.apply(id);
            Versioned<V> old = table.state().remove(slug);
            ledger.onRollback(() -> restore(slug, old));
        });
    }

    Optional<Versioned<V>> byId(K id) {
        return ledger.read(() -> Optional.ofNullable(table.state().get(slugOf.apply(id))));
    }

    Page<Versioned<V>> list(PageRequest page) {
        String after = page.cursor() == null ? null : Cursor.decode(page.cursor(), 1).get(0);
        List<Versioned<V>> matching = ledger.read(() -> {
            TreeMap<String, Versioned<V>> rows = table.state();
            return (after == null ? rows : rows.tailMap(after, false)).values().stream().limit(page.limit() + 1L).toList();
        });
        if (matching.size() <= page.limit()) {
            return new Page<>(matching, null);
        }
        List<Versioned<V>> items = matching.subList(0, page.limit());
        return new Page<>(items, Cursor.encode(slugOf.apply(idOf.apply(items.get(items.size() - 1)))));
    }

    List<V> all() {
        return ledger.read(() -> {
            TreeMap<String, Versioned<V>> rows = table.state();
            List<V> values = new ArrayList<>(rows.size());
            rows.values().forEach(v -> values.add(v.value()));
            return values;
        });
    }

    private void restore(String id, Versioned<V> old) {
        if (old == null) {
            table.state().remove(id);
        } else {
            table.state().put(id, old);
        }
    }
}

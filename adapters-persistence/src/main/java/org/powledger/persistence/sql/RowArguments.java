package org.powledger.persistence.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A row's components as named statement arguments ({@code :createdAt}). JDBI's own {@code bindMethods}
 * cannot see into the package-private row records, so the rows are read here, inside their package.
 */
final class RowArguments {

    private RowArguments() {
    }

    static Map<String, Object> of(Record row) {
        Map<String, Object> arguments = new HashMap<>();
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            try {
                arguments.put(component.getName(), component.getAccessor().invoke(row));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component + " of a row", e);
            }
        }
        return arguments;
    }
}

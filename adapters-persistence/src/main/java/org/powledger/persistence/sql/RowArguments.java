package org.powledger.persistence.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A row's components as named statement arguments ({@code :createdAt}). JDBI's own {@code bindMethods}
 * cannot see into the package-private row records, so the rows are read here, inside their package.
 * Each row type's components are looked up once: every write binds rows, and the lookup costs more
 * than the binding.
 */
final class RowArguments {

    /** The names of a row type's components and the methods that read them. */
    private record Components(String[] names, Method[] accessors) {
    }

    private static final ClassValue<Components> COMPONENTS = new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
            }
            return new Components(names, accessors);
        }
    };

    private RowArguments() {
    }

    static Map<String, Object> of(Record row) {
        Components components = COMPONENTS.get(row.getClass());
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < components.names().length; i++) {
            try {
                arguments.put(components.names()[i], components.accessors()[i].invoke(row));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + components.names()[i] + " of a row", e);
            }
        }
        return arguments;
    }
}

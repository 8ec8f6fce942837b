package org.powledger.domain.port.in;

import org.powledger.domain.model.Versioned;

/** The outcome of a PUT: the stored value, and whether it was created (201) or replaced (200). */
public record Saved<T>(Versioned<T> stored, boolean created) {
}

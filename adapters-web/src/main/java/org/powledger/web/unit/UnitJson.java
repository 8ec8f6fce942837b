package org.powledger.web.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.UnitDraft;

/**
 * A unit in the shapes the single-resource endpoints use, for the parts of the web adapter that read
 * and write whole ledgers (import and export). There is no path here: the body carries the {@code id}.
 */
public final class UnitJson {

    private UnitJson() {
    }

    /** The draft a unit object describes, its {@code id} taken from the object itself. */
    public static UnitDraft draft(ObjectMapper mapper, JsonNode body) throws IOException {
        UnitBody read = mapper.treeToValue(body, UnitBody.class);
        return UnitMapper.INSTANCE.toDraft(read, read.id());
    }

    /** The unit as {@code GET /api/v1/units/{id}} shows it. */
    public static Object view(Versioned<Unit> stored) {
        return UnitMapper.INSTANCE.toView(stored);
    }
}

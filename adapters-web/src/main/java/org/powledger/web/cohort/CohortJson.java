package org.powledger.web.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.CohortDraft;

/**
 * A cohort in the shapes the single-resource endpoints use, for the parts of the web adapter that read
 * and write whole ledgers (import and export). There is no path here: the body carries the {@code id}.
 */
public final class CohortJson {

    private CohortJson() {
    }

    /** The draft a cohort object describes, its {@code id} taken from the object itself. */
    public static CohortDraft draft(ObjectMapper mapper, JsonNode body) throws IOException {
        CohortBody read = mapper.treeToValue(body, CohortBody.class);
        return CohortMapper.INSTANCE.toDraft(read, read.id());
    }

    /** The cohort as {@code GET /api/v1/cohorts/{id}} shows it. */
    public static Object view(Versioned<Cohort> stored) {
        return CohortMapper.INSTANCE.toView(stored);
    }
}

package org.powledger.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.port.in.ReportDraft;

/**
 * A report in the shapes the single-resource endpoints use, for the parts of the web adapter that read
 * and write whole ledgers (import and export).
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** The draft a report object describes; a given {@code id} is kept (imports keep ids). */
    public static ReportDraft draft(ObjectMapper mapper, JsonNode body) throws IOException {
        ReportBody read = mapper.treeToValue(body, ReportBody.class);
        return ReportMapper.INSTANCE.toDraft(read, read.id());
    }

    /** The report as {@code GET /api/v1/reports/{id}} shows it. */
    public static Object view(ReportRecord record) {
        return ReportMapper.INSTANCE.toView(record);
    }
}

package org.powledger.web.exchange;

import org.powledger.web.csv.CsvLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.port.in.ExchangeDraft;

/**
 * An exchange in the shapes the single-resource endpoints use, for the other parts of the web
 * adapter that read and write whole ledgers (import and export): the same body, the same view.
 */
public final class ExchangeJson {

    /** The columns of the exchange list's CSV, which the CSV export writes and the CSV import reads back. */
    public static final CsvLayout CSV = ExchangeRoutes.CSV;

    private ExchangeJson() {
    }

    /**
     * The draft an exchange object describes, read with {@code mapper}'s rules; a given {@code id} is
     * kept (imports keep ids), the other read-only fields are ignored.
     */
    public static ExchangeDraft draft(ObjectMapper mapper, JsonNode body) throws IOException {
        ExchangeBody read = mapper.treeToValue(body, ExchangeBody.class);
        return ExchangeMapper.INSTANCE.toDraft(read, read.id());
    }

    /** The exchange as {@code GET /api/v1/exchanges/{id}} shows it. */
    public static Object view(ExchangeRecord record) {
        return ExchangeMapper.INSTANCE.toView(record);
    }

    /**
     * A breakdown CSV cell ({@code unit:count;unit/cohort:count;/cohort:count}) as the JSON array a
     * body carries; a malformed line is an {@link org.powledger.domain.model.InvalidRecord} naming
     * {@code /breakdown/N}.
     */
    public static ArrayNode breakdownFromCsv(String cell) {
        return BreakdownCsv.read(cell);
    }
}

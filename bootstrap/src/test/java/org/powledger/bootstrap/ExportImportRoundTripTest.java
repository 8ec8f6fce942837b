package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.fixtures.SeedLedger;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.TransferringLedger.ImportOutcome;
import org.powledger.web.transfer.LedgerFiles;

/**
 * Export, then import into an empty ledger: the same ids and the same statistics, every one of them,
 * from a SQLite file into the in-memory store; and importing the same export again changes nothing.
 */
class ExportImportRoundTripTest {

    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final Actor EDITOR = new Actor("editor", AccessScope.WRITE);

    @Test
    void an_exported_ledger_imported_into_an_empty_one_gives_identical_statistics(@TempDir Path dir) throws Exception {
        try (Ledger source = Ledger.open(dir.resolve("source.db").toString());
             Ledger copy = Ledger.open("memory:")) {
            recordSeeds(source);
            ExchangeId replaced = SeedLedger.idOf(SeedLedger.DECEMBER_30);
            ExchangeDraft withNotes = draftOf(source.exchanges.get(replaced).exchange(), "replaced once");
            source.exchanges.replace(replaced, withNotes, 1, EDITOR);
            source.exchanges.delete(SeedLedger.idOf("2024-01-31"), EDITOR);

            byte[] export = export(source);
            ImportOutcome outcome = copy.transfer.importLines(
                    LedgerFiles.ndjson(new ByteArrayInputStream(export)), false, EDITOR);

            assertThat(outcome.created()).isEqualTo(lines(export));
            assertThat(copy.exchanges.get(replaced).exchange().notes()).isEqualTo("replaced once");
            assertSameStatistics(source, copy);
            assertThat(withoutTimestamps(export(copy))).isEqualTo(withoutTimestamps(export));

            ImportOutcome again = copy.transfer.importLines(
                    LedgerFiles.ndjson(new ByteArrayInputStream(export)), false, EDITOR);
            assertThat(again).isEqualTo(new ImportOutcome(0, 0, lines(export)));
        }
    }

    private static void assertSameStatistics(Ledger a, Ledger b) {
        assertThat(b.statistics.summary(null, null)).isEqualTo(a.statistics.summary(null, null));
        assertThat(b.statistics.yearly(null, null)).isEqualTo(a.statistics.yearly(null, null));
        for (String interval : List.of("month", "quarter", "year")) {
            assertThat(b.statistics.periods(null, null, interval, true))
                    .isEqualTo(a.statistics.periods(null, null, interval, true));
        }
        assertThat(b.statistics.units(null, null)).isEqualTo(a.statistics.units(null, null));
        assertThat(b.statistics.cohort("azovstal", null, null)).isEqualTo(a.statistics.cohort("azovstal", null, null));
        assertThat(b.statistics.firstReturns(null, null)).isEqualTo(a.statistics.firstReturns(null, null));
        assertThat(b.statistics.reconciliation(null, null)).isEqualTo(a.statistics.reconciliation(null, null));
        assertThat(a.statistics.summary(null, null).exchanges()).isPositive();
    }

    /** The seed ledger, stored as the use cases would have stored it (with a history entry each). */
    private static void recordSeeds(Ledger ledger) {
        ledger.store.transactions().write(() -> {
            SeedLedger.units().forEach(u -> ledger.store.units().save(Versioned.first(u, T0)));
            SeedLedger.cohorts().forEach(c -> ledger.store.cohorts().save(Versioned.first(c, T0)));
            for (Exchange e : SeedLedger.exchanges()) {
                ExchangeId id = SeedLedger.idOf(e.ref());
                ledger.store.exchanges().add(id, e, T0);
                ledger.store.history().append(new HistoryEntry(id, 1, HistoryEntry.Action.CREATED, T0, "seed", e));
            }
            SeedLedger.reports(SeedLedger::idOf).forEach(r -> ledger.store.reports().add(ReportId.random(), r, T0));
        });
    }

    private static ExchangeDraft draftOf(Exchange e, String notes) {
        return new ExchangeDraft(null, e.ref(), e.date(), e.kind().wireName(), e.operation(), e.returned(),
                e.handedOver(), e.civilians(), e.mediators(),
                e.breakdown().stream().map(l -> new ExchangeDraft.LineDraft(
                        l.unit() == null ? null : l.unit().value(), l.cohort() == null ? null : l.cohort().value(),
                        l.count())).toList(),
                e.sources().stream().map(s -> new ExchangeDraft.SourceDraft(s.url(), s.title(), s.publisher(),
                        s.publishedOn())).toList(), notes);
    }

    private static byte[] export(Ledger ledger) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerFiles.writeNdjson(ledger.transfer, out);
        return out.toByteArray();
    }

    private static long lines(byte[] ndjson) {
        return new String(ndjson, StandardCharsets.UTF_8).lines().count();
    }

    /** Versions and timestamps tell when a record was written, which an import does anew. */
    private static String withoutTimestamps(byte[] ndjson) {
        return new String(ndjson, StandardCharsets.UTF_8)
                .replaceAll("\"(createdAt|updatedAt)\":\"[^\"]*\"", "\"$1\":\"…\"")
                .replaceAll("\"version\":\\d+", "\"version\":…");
    }
}

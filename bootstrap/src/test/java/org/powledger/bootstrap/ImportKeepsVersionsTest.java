package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.web.transfer.LedgerFiles;

/**
 * An import that keeps a given id keeps that record's versions going: every version ever stored stays
 * one entry of the history, and an {@code ETag} once given never names other content (API.md: "Every
 * stored object has {@code version}", history is "every version ever stored").
 */
class ImportKeepsVersionsTest {

    private static final Actor EDITOR = new Actor("editor", AccessScope.WRITE);

    @TempDir
    Path dir;

    private Ledger open(String store) {
        return Ledger.open(store.equals("sqlite") ? dir.resolve("ledger.db").toString() : "memory:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void an_exchange_deleted_then_imported_again_under_its_id_continues_its_versions(String store) {
        try (Ledger ledger = open(store)) {
            ExchangeId id = ledger.exchanges.record(new ExchangeDraft(null, "r1", LocalDate.parse("2024-12-30"),
                    "prisoners", null, 10, null, null, List.of(), List.of(), List.of(), "first"), EDITOR).id();
            ledger.exchanges.delete(id, EDITOR);

            importLines(ledger, "{\"type\":\"exchange\",\"id\":\"" + id.value() + "\",\"ref\":\"r1\","
                    + "\"date\":\"2024-12-30\",\"kind\":\"prisoners\",\"returned\":12,\"notes\":\"again\"}");

            assertThat(ledger.exchanges.get(id).version()).isEqualTo(3);
            assertThat(ledger.exchanges.history(id))
                    .extracting(HistoryEntry::version, HistoryEntry::action)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, HistoryEntry.Action.CREATED),
                            org.assertj.core.groups.Tuple.tuple(2, HistoryEntry.Action.DELETED),
                            org.assertj.core.groups.Tuple.tuple(3, HistoryEntry.Action.CREATED));
            assertThat(ledger.integrity.check()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void a_report_updated_by_import_gets_the_next_version_and_keeps_its_place_and_creation(String store) {
        try (Ledger ledger = open(store)) {
            importLines(ledger,
                    "{\"type\":\"report\",\"id\":\"rp_first\",\"scope\":{\"year\":2024},\"metric\":\"exchanges\",\"value\":11,\"asOf\":\"2025-01-02\"}",
                    "{\"type\":\"report\",\"id\":\"rp_second\",\"scope\":{},\"metric\":\"exchanges\",\"value\":40,\"asOf\":\"2025-01-02\"}");
            ReportRecord before = ledger.reports.get(ReportId.of("rp_first"));

            importLines(ledger,
                    "{\"type\":\"report\",\"id\":\"rp_first\",\"scope\":{\"year\":2024},\"metric\":\"exchanges\",\"value\":12,\"asOf\":\"2025-01-02\"}");

            ReportRecord after = ledger.reports.get(ReportId.of("rp_first"));
            assertThat(after.report().value()).isEqualTo(12);
            assertThat(after.version()).isEqualTo(2);
            assertThat(after.sequence()).isEqualTo(before.sequence());
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
            assertThat(ledger.store.reports().all()).extracting(r -> r.id().value())
                    .containsExactly("rp_first", "rp_second");
        }
    }

    private static void importLines(Ledger ledger, String... lines) {
        byte[] file = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ledger.transfer.importLines(LedgerFiles.ndjson(new ByteArrayInputStream(file)), false, EDITOR);
    }
}

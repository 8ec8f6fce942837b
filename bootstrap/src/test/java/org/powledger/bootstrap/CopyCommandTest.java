package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powledger.bootstrap.CommandLineTest.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.model.AccessScope;
import org.powledger.persistence.postgresql.TestPostgres;

/**
 * {@code copy} moves a whole ledger between stores: a SQLite ledger with history, reports, tokens and
 * idempotency keys, copied to PostgreSQL (and back to a new SQLite file), answers every read as the
 * source did, keeps its tokens and keys working, and goes on numbering where the source stopped.
 */
class CopyCommandTest {

    private static final String KEYED = "{\"date\": \"2024-02-07\", \"kind\": \"prisoners\", \"returned\": 100}";

    @TempDir
    Path dir;

    @Test
    void a_sqlite_ledger_copied_to_postgresql_and_back_answers_every_read_as_before() {
        Path sqlite = dir.resolve("ledger.db");
        List<String> reads;
        String writer;
        String reader;
        try (LiveServer source = LiveServer.start(sqlite)) {
            writer = source.writer;
            reader = source.token("analyst", AccessScope.READ);
            reads = fill(source);
        }
        String postgres = TestPostgres.newLedger().url();

        run("copy", "--from", sqlite.toString(), "--to", postgres).succeeded();
        Path back = dir.resolve("back.db");
        run("copy", "--from", postgres, "--to", back.toString()).succeeded();

        List<String> before = answers(sqlite.toString(), reads);
        for (String copy : List.of(postgres, back.toString())) {
            assertThat(answers(copy, reads)).as("reads of %s", copy).isEqualTo(before);
            try (LiveServer target = LiveServer.start(copy, "after-copy")) {
                target.get("/api/v1/exchanges").token(reader).send().expect(200);
                LiveServer.Reply replayed = target.post("/api/v1/exchanges", KEYED).token(writer)
                        .header("Idempotency-Key", "copied-key").send().expect(201);
                assertThat(replayed.header("Idempotent-Replayed")).as("a key answered before the copy").contains("true");
                String next = target.exchange("{\"date\": \"2024-12-31\", \"kind\": \"bodies\", \"returned\": 5}");
                assertThat(target.get("/api/v1/exchanges/" + next + "/history").send().expect(200).body())
                        .contains("\"version\":1");
            }
        }
    }

    @Test
    void copy_refuses_a_target_that_holds_data_and_a_store_that_keeps_nothing() {
        Path sqlite = dir.resolve("ledger.db");
        try (LiveServer source = LiveServer.start(sqlite)) {
            source.exchange(KEYED);
        }
        String postgres = TestPostgres.newLedger().url();
        run("copy", "--from", sqlite.toString(), "--to", postgres).succeeded();

        assertThat(run("copy", "--from", sqlite.toString(), "--to", postgres).failedWithOneLine().err())
                .contains("already holds data");
        assertThat(run("copy", "--from", sqlite.toString(), "--to", "memory:").failedWithOneLine().err())
                .contains("memory");
    }

    @Test
    void backup_of_a_postgresql_ledger_points_to_pg_dump() {
        assertThat(run("backup", "--db", "jdbc:postgresql://127.0.0.1:1/ledger", "--to", dir.resolve("b.db").toString())
                .failedWithOneLine().err()).contains("pg_dump");
    }

    /** Writes a ledger with every kind of thing a copy must carry, and gives the reads to compare. */
    private static List<String> fill(LiveServer api) {
        api.unit("afu", "Armed Forces of Ukraine", null);
        api.unit("navy", "Navy", "afu");
        api.cohort("azovstal", "Azovstal defenders", 2500);
        String first = api.exchange("""
                {"ref": "first", "date": "2022-09-21", "kind": "prisoners", "returned": 215, "mediators": ["Türkiye"],
                 "breakdown": [{"unit": "afu", "cohort": "azovstal", "count": 108}],
                 "sources": [{"url": "https://example.org/a", "title": "A"}], "notes": "Azovstal defenders return"}""");
        String edited = api.exchange("{\"date\": \"2023-01-08\", \"kind\": \"prisoners\", \"returned\": 50, "
                + "\"breakdown\": [{\"unit\": \"navy\", \"count\": 20}]}");
        api.put("/api/v1/exchanges/" + edited, "{\"date\": \"2023-01-08\", \"kind\": \"prisoners\", \"returned\": 51, "
                + "\"breakdown\": [{\"unit\": \"navy\", \"count\": 21}]}").header("If-Match", "\"1\"").send().expect(200);
        String deleted = api.exchange("{\"date\": \"2024-06-25\", \"kind\": \"bodies\", \"returned\": 254}");
        api.delete("/api/v1/exchanges/" + deleted).header("If-Match", "\"1\"").send().expect(204);
        api.post("/api/v1/exchanges", KEYED).header("Idempotency-Key", "copied-key").send().expect(201);
        String report = api.post("/api/v1/reports", """
                {"scope": {"year": 2024}, "metric": "peopleReturned", "value": 1358, "asOf": "2025-01-02",
                 "source": {"url": "https://www.president.gov.ua/", "title": "Results of 2024"}}""")
                .send().expect(201).json().get("id").asText();

        List<String> reads = new ArrayList<>(List.of("/api/v1/exchanges", "/api/v1/exchanges?q=azovstal",
                "/api/v1/units", "/api/v1/cohorts", "/api/v1/reports", "/api/v1/reports/" + report,
                "/api/v1/stats/summary", "/api/v1/stats/yearly", "/api/v1/stats/periods?interval=month",
                "/api/v1/stats/units", "/api/v1/stats/cohorts/azovstal", "/api/v1/stats/first-returns",
                "/api/v1/stats/reconciliation"));
        for (String id : List.of(first, edited, deleted)) {
            reads.add("/api/v1/exchanges/" + id + "/history");
        }
        reads.add("/api/v1/exchanges/" + first);
        reads.add("/api/v1/exchanges/" + edited);
        return reads;
    }

    /** Each read's status, ETag and body, from a server on {@code db}. */
    private static List<String> answers(String db, List<String> reads) {
        try (LiveServer api = LiveServer.start(db, "reader-" + System.nanoTime())) {
            List<String> answers = new ArrayList<>();
            for (String read : reads) {
                LiveServer.Reply reply = api.get(read).send();
                answers.add(read + " " + reply.status() + " " + reply.header("ETag").orElse("-") + " " + reply.body());
            }
            return answers;
        }
    }
}

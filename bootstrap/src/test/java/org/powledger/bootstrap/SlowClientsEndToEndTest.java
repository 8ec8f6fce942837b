package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.web.transfer.LedgerFiles;

/**
 * API.md "Conventions": slow or hostile clients never hold the ledger. The real server on a real
 * SQLite file with 20,000 exchanges; clients that stop reading an export, or trickle an import, while
 * another client writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsEndToEndTest {

    static final int EXCHANGES = 20_000;
    /** Notes long enough that the export (over 10 MB) is far more than the kernel's socket buffers hold. */
    static final String NOTES = "Returned from captivity after a long wait; ".repeat(12);

    @TempDir
    static Path dir;
    LiveServer api;

    @BeforeAll
    void aLedgerOf20000Exchanges() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < EXCHANGES; i++) {
            ndjson.append("{\"type\": \"exchange\", \"ref\": \"x-").append(i).append("\", \"date\": \"")
                    .append(2022 + i % 3).append("-0").append(1 + i % 9).append("-1").append(i % 10)
                    .append("\", \"kind\": \"prisoners\", \"returned\": ").append(1 + i % 50)
                    .append(", \"notes\": \"").append(NOTES).append(i).append("\"}\n");
        }
        // Imported in-process (the same use case as POST /api/v1/import) to keep the setup fast.
        Ledger ledger = api.server().ledger();
        ledger.transfer.importLines(LedgerFiles.ndjson(new ByteArrayInputStream(
                ndjson.toString().getBytes(StandardCharsets.UTF_8))), false, new Actor("seed", AccessScope.ADMIN));
        // One write first, so that the writes measured below do not pay for the server's first request.
        api.post("/api/v1/exchanges", "{\"date\": \"2025-01-03\", \"kind\": \"prisoners\", \"returned\": 1}")
                .send().expect(201);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void a_write_answers_at_once_while_an_export_is_stalled_by_a_client_that_stopped_reading() throws Exception {
        long revisionBefore = api.server().ledger().store.revision().current();
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", api.server().port()), 5_000);
            stalled.setSoTimeout(30_000);
            send(stalled, "GET /api/v1/export HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            InputStream in = stalled.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            Thread.sleep(500); // the server fills the buffers and blocks on the client that does not read

            long started = System.nanoTime();
            api.post("/api/v1/exchanges", "{\"date\": \"2025-01-01\", \"kind\": \"prisoners\", \"returned\": 3}")
                    .send().expect(201);
            long writeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("write while an export is stalled: " + writeMs + " ms");

            assertThat(writeMs).as("write latency with an export stalled, ms").isLessThan(1000);
            // The export was really stalled: far more of it was still to come than any buffer holds.
            long rest = in.transferTo(OutputStream.nullOutputStream());
            assertThat(rest).isGreaterThan(8_000_000L);
        }
        // The export did not move the revision (the write did, once): statistics are not rebuilt per read.
        assertThat(api.server().ledger().store.revision().current()).isEqualTo(revisionBefore + 1);
    }

    @Test
    void exports_do_not_move_the_revision() {
        long before = api.server().ledger().store.revision().current();

        api.get("/api/v1/export").send().expect(200);
        api.get("/api/v1/exchanges?format=csv").send().expect(200);
        api.get("/api/v1/stats/summary").send().expect(200);

        assertThat(api.server().ledger().store.revision().current()).isEqualTo(before);
    }

    @Test
    void a_trickled_import_does_not_block_a_parallel_write() throws Exception {
        String line = "{\"type\": \"exchange\", \"ref\": \"trickled\", \"date\": \"2025-02-01\", \"kind\": \"prisoners\", "
                + "\"returned\": 2}\n";
        byte[] body = line.getBytes(StandardCharsets.UTF_8);
        try (Socket trickler = new Socket("127.0.0.1", api.server().port())) {
            trickler.setSoTimeout(30_000);
            send(trickler, "POST /api/v1/import HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.writer
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + body.length + "\r\n\r\n");
            OutputStream out = trickler.getOutputStream();
            out.write(body, 0, 20);
            out.flush();
            Thread.sleep(300);

            long started = System.nanoTime();
            api.post("/api/v1/exchanges", "{\"date\": \"2025-01-02\", \"kind\": \"prisoners\", \"returned\": 4}")
                    .send().expect(201);
            long writeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("write while an import trickles: " + writeMs + " ms");
            assertThat(writeMs).as("write latency with an import trickling, ms").isLessThan(1000);

            out.write(body, 20, body.length - 20);
            out.flush();
            assertThat(readHead(trickler.getInputStream())).startsWith("HTTP/1.1 200");
        }
        api.get("/api/v1/exchanges?q=trickled").send().expect(200);
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads the status line and headers, up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}

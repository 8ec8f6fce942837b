package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} taken while the server writes: the copy opens, passes {@code check}, holds only
 * records that were really written, and once writes stop a backup serves exactly the live ledger.
 */
class BackupIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_backup_taken_under_writes_is_sound_and_serves_the_same_ledger(@TempDir Path dir) throws Exception {
        Path live = dir.resolve("live.db");
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        try (ServerProcess server = ServerProcess.serve(live)) {
            String token = server.firstAdminToken();
            send(server, token, "PUT", "/api/v1/units/afu", "{\"name\":\"Armed Forces\"}");
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; writing.get(); n++) {
                        String ref = "w" + writer + "-" + n;
                        attempted.add(ref);
                        send(server, token, "POST", "/api/v1/exchanges", "{\"ref\":\"" + ref
                                + "\",\"date\":\"2024-12-30\",\"kind\":\"prisoners\",\"returned\":2,"
                                + "\"breakdown\":[{\"unit\":\"afu\",\"count\":1}]}");
                    }
                    return null;
                });
            }
            Thread.sleep(500);
            Path duringWrites = dir.resolve("during.db");
            ServerProcess.Result backup = ServerProcess.run("backup", "--db", live.toString(), "--to",
                    duringWrites.toString());
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(backup.exitCode()).as(backup.err()).isZero();
            ServerProcess.Result check = ServerProcess.run("check", "--db", duringWrites.toString());
            assertThat(check.exitCode()).as(check.err()).isZero();
            try (ServerProcess copy = ServerProcess.serve(duringWrites)) {
                Set<String> refs = refs(send(copy, null, "GET", "/api/v1/exchanges?format=csv&limit=500", null));
                assertThat(attempted).containsAll(refs);
            }

            Path afterWrites = dir.resolve("after.db");
            assertThat(ServerProcess.run("backup", "--db", live.toString(), "--to", afterWrites.toString())
                    .exitCode()).isZero();
            String liveExport = ServerProcess.run("export", "--db", live.toString()).out();
            String backupExport = ServerProcess.run("export", "--db", afterWrites.toString()).out();
            assertThat(backupExport).isEqualTo(liveExport);
            assertThat(liveExport.lines().count()).isGreaterThan(1);
        }
    }

    private static Set<String> refs(HttpResponse<String> csv) {
        Set<String> refs = ConcurrentHashMap.newKeySet();
        for (String line : csv.body().lines().skip(1).toList()) {
            String[] cells = line.split(",", 3);
            if (cells.length > 1) {
                refs.add(cells[1]);
            }
        }
        return refs;
    }

    private HttpResponse<String> send(ServerProcess server, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

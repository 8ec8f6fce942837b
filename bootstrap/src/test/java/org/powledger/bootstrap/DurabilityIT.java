package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write answered 2xx survives SIGKILL: eight writers post exchanges to the real jar, the process is
 * killed mid-stream, restarted, and every acknowledged exchange must be there, with a clean check.
 */
class DurabilityIT {

    private static final int CYCLES = 5;
    private static final int WRITERS = 8;
    private static final Pattern REF = Pattern.compile("\"ref\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void no_acknowledged_write_is_lost_when_the_server_is_killed(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("ledger.db");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger serverErrors = new AtomicInteger();
        String token = null;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            try (ServerProcess server = ServerProcess.serve(db)) {
                if (token == null) {
                    token = server.firstAdminToken();
                    assertThat(token).as("first start prints an admin token").isNotNull();
                    send(server, token, "PUT", "/api/v1/units/afu", "{\"name\":\"Armed Forces\"}");
                }
                assertThat(liveRefs(server)).as("after restart %d", cycle).containsAll(acknowledged);
                writeUntilKilled(server, token, cycle, acknowledged, serverErrors);
            }
        }
        try (ServerProcess server = ServerProcess.serve(db)) {
            assertThat(liveRefs(server)).containsAll(acknowledged);
        }
        ServerProcess.Result check = ServerProcess.run("check", "--db", db.toString());
        System.out.printf("durability: %d acknowledged writes over %d SIGKILL cycles, %d server errors, check exit %d%n",
                acknowledged.size(), CYCLES, serverErrors.get(), check.exitCode());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(serverErrors.get()).isZero();
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES * WRITERS);
    }

    @Test
    void sigterm_shuts_the_server_down_gracefully_and_keeps_what_it_acknowledged(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("ledger.db");
        ServerProcess server = ServerProcess.serve(db);
        String token = server.firstAdminToken();
        assertThat(send(server, token, "POST", "/api/v1/exchanges",
                "{\"ref\":\"before-sigterm\",\"date\":\"2024-12-30\",\"kind\":\"prisoners\",\"returned\":1}")
                .statusCode()).isEqualTo(201);

        int exitCode = server.stop();

        // 143 = 128 + SIGTERM: the JVM's own exit code after running the shutdown hook.
        assertThat(exitCode).isIn(0, 143);
        try (ServerProcess again = ServerProcess.serve(db)) {
            assertThat(liveRefs(again)).containsExactly("before-sigterm");
            assertThat(again.firstAdminToken()).as("no second admin token is made").isNull();
        }
        assertThat(ServerProcess.run("check", "--db", db.toString()).exitCode()).isZero();
    }

    private void writeUntilKilled(ServerProcess server, String token, int cycle, Set<String> acknowledged,
                                  AtomicInteger serverErrors) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int n = 0; running.get() && n < 5000; n++) {
                    String ref = "c" + cycle + "-w" + writer + "-" + n;
                    String body = "{\"ref\":\"" + ref + "\",\"date\":\"2024-12-30\",\"kind\":\"prisoners\","
                            + "\"returned\":3,\"breakdown\":[{\"unit\":\"afu\",\"count\":2}]}";
                    try {
                        HttpResponse<String> response = send(server, token, "POST", "/api/v1/exchanges", body);
                        if (response.statusCode() == 201) {
                            acknowledged.add(ref);
                        } else if (response.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        }
                    } catch (Exception killedMidRequest) {
                        return null; // the server died under us: this write was never acknowledged
                    }
                }
                return null;
            });
        }
        Thread.sleep(1500 + cycle * 100L);
        server.kill();
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private Set<String> liveRefs(ServerProcess server) throws Exception {
        Set<String> refs = new HashSet<>();
        String cursor = null;
        do {
            String path = "/api/v1/exchanges?limit=500" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> page = send(server, null, "GET", path, null);
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher m = REF.matcher(page.body());
            while (m.find()) {
                refs.add(m.group(1));
            }
            Matcher next = NEXT.matcher(page.body());
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
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

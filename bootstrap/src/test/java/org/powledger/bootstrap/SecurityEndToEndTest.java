package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.model.AccessScope;

/** Who may read and write: bearer tokens with scopes, revoked at once, stored only as hashes. */
class SecurityEndToEndTest {

    private static final String UNIT = "{\"name\": \"Armed Forces of Ukraine\"}";

    @TempDir
    static Path dir;
    static LiveServer open;
    static LiveServer closed;

    @BeforeAll
    static void start() {
        open = LiveServer.start(dir.resolve("open.db"));
        closed = LiveServer.start(dir.resolve("closed.db"), true);
    }

    @AfterAll
    static void stop() {
        open.close();
        closed.close();
    }

    @Test
    void a_write_without_a_token_is_401_with_a_bearer_challenge() {
        LiveServer.Reply reply = open.put("/api/v1/units/no-token", UNIT).anonymously().send();

        reply.problem(401);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        open.get("/api/v1/units/no-token").send().problem(404);
    }

    @Test
    void a_write_with_an_unknown_token_is_401() {
        open.put("/api/v1/units/unknown-token", UNIT).token("pl_not-a-real-token").send().problem(401);
        open.post("/api/v1/exchanges", "{\"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": 1}")
                .token("pl_not-a-real-token").send().problem(401);
    }

    @Test
    void a_malformed_authorization_header_is_401() {
        open.put("/api/v1/units/basic", UNIT).anonymously().header("Authorization", "Basic dXNlcjpwYXNz")
                .send().problem(401);
    }

    @Test
    void a_read_scope_token_may_read_but_writing_with_it_is_403() {
        String reader = open.token("reader-" + System.nanoTime(), AccessScope.READ);

        open.put("/api/v1/units/read-only", UNIT).token(reader).send().problem(403);
        open.post("/api/v1/exchanges", "{\"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": 1}")
                .token(reader).send().problem(403);
        open.get("/api/v1/units").token(reader).send().expect(200);
    }

    @Test
    void an_admin_token_may_write() {
        String admin = open.token("admin-" + System.nanoTime(), AccessScope.ADMIN);

        open.put("/api/v1/units/by-admin", UNIT).token(admin).send().expect(201);
    }

    @Test
    void reads_are_open_by_default() {
        open.get("/api/v1/exchanges").anonymously().send().expect(200);
        open.get("/api/v1/units").anonymously().send().expect(200);
    }

    @Test
    void a_token_sent_on_an_open_read_must_be_valid() {
        open.get("/api/v1/exchanges").token("pl_wrong").send().problem(401);
    }

    @Test
    void with_read_tokens_required_a_read_without_token_is_401_and_with_a_read_token_200() {
        String reader = closed.token("reader", AccessScope.READ);

        closed.get("/api/v1/exchanges").anonymously().send().problem(401);
        closed.get("/api/v1/units").anonymously().send().problem(401);
        closed.get("/api/v1/exchanges").token(reader).send().expect(200);
        closed.get("/api/v1/units").token(closed.writer).send().expect(200);
    }

    @Test
    void health_stays_open_when_reads_need_a_token() {
        closed.get("/health").anonymously().send().expect(200);
    }

    @Test
    void a_revoked_token_is_refused_on_the_very_next_request() {
        String name = "revoked-" + System.nanoTime();
        String token = open.token(name, AccessScope.WRITE);
        open.put("/api/v1/units/before-revoke", UNIT).token(token).send().expect(201);

        open.server().ledger().tokens.revoke(name);

        open.put("/api/v1/units/after-revoke", UNIT).token(token).send().problem(401);
        open.get("/api/v1/units").token(token).send().problem(401);
    }

    @Test
    void tokens_are_stored_hashed_so_the_secret_is_nowhere_in_the_database_files() throws IOException {
        String secret = open.token("hashed-" + System.nanoTime(), AccessScope.WRITE);
        open.put("/api/v1/units/hashed", UNIT).token(secret).send().expect(201);

        byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
        assertThat(needle.length).isGreaterThanOrEqualTo(20);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("open.db")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(indexOf(bytes, needle)).as("the secret in %s", file.getFileName()).isEqualTo(-1);
                byte[] tail = secret.substring(secret.length() - 16).getBytes(StandardCharsets.US_ASCII);
                assertThat(indexOf(bytes, tail)).as("a part of the secret in %s", file.getFileName()).isEqualTo(-1);
            }
        }
        assertThat(Files.size(dir.resolve("open.db"))).isPositive();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

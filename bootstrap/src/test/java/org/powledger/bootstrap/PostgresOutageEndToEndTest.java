package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.persistence.postgresql.PostgresLocation;
import org.powledger.persistence.postgresql.TestPostgres;

/**
 * PostgreSQL stopped under a running server and started again: while it is away, {@code /health} is 503
 * "down" and writes are 503 with Retry-After; when it is back the same server answers 200 and writes
 * again, with no restart, and what it acknowledged before the outage is still there.
 */
class PostgresOutageEndToEndTest {

    private static final String WRITE = "{\"date\": \"2024-08-24\", \"kind\": \"prisoners\", \"returned\": 115}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void the_server_answers_503_while_postgresql_is_away_and_recovers_by_itself() throws IOException {
        EmbeddedPostgres postgres = TestPostgres.startOwn(data, 0);
        int port = postgres.getPort();
        PostgresLocation ledger = TestPostgres.location(postgres, "postgres");
        try (LiveServer api = LiveServer.start(ledger.url())) {
            String acknowledged = api.exchange(WRITE);
            assertThat(health(api).statusCode()).isEqualTo(200);
            assertThat(LiveServer.JSON.readTree(health(api).body()).get("store").asText()).isEqualTo("postgresql");

            postgres.close();

            HttpResponse<String> down = health(api);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(LiveServer.JSON.readTree(down.body()).get("status").asText()).isEqualTo("down");
            LiveServer.Reply refused = api.post("/api/v1/exchanges", WRITE).allowingServerError().send().expect(503);
            assertThat(refused.header("Retry-After")).isPresent();
            assertThat(refused.contentType()).startsWith("application/problem+json");

            postgres = TestPostgres.startOwn(data, port);

            awaitHealthy(api, Duration.ofSeconds(30));
            String afterwards = api.exchange(WRITE);
            assertThat(api.get("/api/v1/exchanges/" + acknowledged).send().status()).isEqualTo(200);
            assertThat(api.get("/api/v1/exchanges/" + afterwards).send().status()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    /** {@code GET /health}, whose 503 is plain JSON for load balancers, not a problem document. */
    private static HttpResponse<String> health(LiveServer api) {
        try {
            return HTTP.send(HttpRequest.newBuilder(api.uri("/health")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitHealthy(LiveServer api, Duration patience) {
        Instant giveUp = Instant.now().plus(patience);
        while (health(api).statusCode() != 200) {
            assertThat(Instant.now()).as("/health is 200 again within %s", patience).isBefore(giveUp);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** API.md "Running it": the first admin token is printed before the server accepts its first request. */
class FirstAdminTokenTest {

    private static final Pattern TOKEN = Pattern.compile("(?m)^pow_[A-Za-z0-9_-]+$");

    @TempDir
    Path dir;

    @Test
    void a_client_polling_health_from_the_first_moment_finds_the_token_already_printed() throws Exception {
        int port = freePort();
        AtomicBoolean healthAnswered = new AtomicBoolean();
        AtomicBoolean answeredBeforeTokenPrinted = new AtomicBoolean();
        StringWriter printed = new StringWriter();
        // While serve prints the token, wait a moment for the poller: had the server been listening
        // already, the poller would get its answer during that moment.
        Writer watching = new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                String text = new String(chars, off, len);
                if (TOKEN.matcher(text.strip()).find()) {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
                    while (!healthAnswered.get() && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    answeredBeforeTokenPrinted.set(healthAnswered.get());
                }
                printed.write(text);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Thread serve = new Thread(() -> new CommandLine(new Main()).setOut(new PrintWriter(watching, true))
                .execute("serve", "--db", dir.resolve("ledger.db").toString(), "--port", Integer.toString(port)),
                "serve-under-test");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        String printedAtFirstAnswer = null;
        serve.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (printedAtFirstAnswer == null && System.nanoTime() < deadline) {
                try {
                    if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        healthAnswered.set(true);
                        synchronized (printed) {
                            printedAtFirstAnswer = printed.toString();
                        }
                    }
                } catch (IOException notListeningYet) {
                    Thread.sleep(5);
                }
            }
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }

        assertThat(printedAtFirstAnswer).as("/health answered").isNotNull();
        assertThat(answeredBeforeTokenPrinted).as("/health answered while the token was being printed").isFalse();
        assertThat(TOKEN.matcher(printedAtFirstAnswer).find())
                .as("the token is printed when /health first answers; printed: %s", printedAtFirstAnswer).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}

package org.powledger.web.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReceivedBodyTest {

    private static final ReceivedBody.UploadPace PACE = new ReceivedBody.UploadPace(Duration.ofSeconds(10), 1000);

    @Test
    void the_body_is_kept_whole_in_an_owner_only_file_that_closing_deletes() throws IOException {
        byte[] text = "{\"type\": \"unit\"}\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        List<Path> before = spoolFiles();
        Path file;
        try (ReceivedBody body = ReceivedBody.receive(new ByteArrayInputStream(text), 1 << 20, PACE, System::nanoTime);
             InputStream in = body.open()) {
            assertThat(in.readAllBytes()).isEqualTo(text);
            file = newSpoolFile(before);
            assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        }

        assertThat(file).doesNotExist();
    }

    @Test
    void a_body_that_trickles_past_its_grace_is_too_slow_and_leaves_no_file() {
        AtomicLong now = new AtomicLong();
        // Each read gives one byte and takes a second: 1 byte/s against the 1000 needed after 10 s.
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                now.addAndGet(Duration.ofSeconds(1).toNanos());
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                b[off] = (byte) read();
                return 1;
            }
        };
        List<Path> before = spoolFiles();

        assertThatThrownBy(() -> ReceivedBody.receive(trickle, 1 << 20, PACE, now::get))
                .isInstanceOf(ReceivedBody.TooSlow.class);

        assertThat(now.get()).isLessThanOrEqualTo(Duration.ofSeconds(12).toNanos());
        assertThat(spoolFiles()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void a_slow_start_within_the_grace_is_fine() throws IOException {
        AtomicLong now = new AtomicLong();
        byte[] text = new byte[50_000];
        InputStream slowThenFast = new ByteArrayInputStream(text) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos == 0) {
                    now.addAndGet(Duration.ofSeconds(9).toNanos());
                }
                now.addAndGet(Duration.ofMillis(10).toNanos());
                return super.read(b, off, Math.min(len, 1000));
            }
        };

        try (ReceivedBody body = ReceivedBody.receive(slowThenFast, 1 << 20, PACE, now::get);
             InputStream in = body.open()) {
            assertThat(in.readAllBytes()).hasSize(text.length);
        }
    }

    @Test
    void a_body_over_the_limit_fails_and_leaves_no_file() {
        List<Path> before = spoolFiles();

        assertThatThrownBy(() -> ReceivedBody.receive(new ByteArrayInputStream(new byte[5000]), 4096, PACE,
                System::nanoTime)).isInstanceOf(BoundedInputStream.TooLarge.class);

        assertThat(spoolFiles()).containsExactlyInAnyOrderElementsOf(before);
    }

    static List<Path> spoolFiles() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(ReceivedBody.PREFIX)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path newSpoolFile(List<Path> before) {
        List<Path> now = new java.util.ArrayList<>(spoolFiles());
        now.removeAll(before);
        assertThat(now).hasSize(1);
        return now.get(0);
    }
}

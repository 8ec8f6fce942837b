package org.powledger.web.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An import's body, received whole into a temporary file before the import starts, so that a slow or
 * stalled upload never holds the ledger: the write transaction opens only once every byte is here.
 *
 * <p>The file is readable by its owner only and is deleted on {@link #close}, and also when receiving
 * fails. The body may not grow past a limit ({@link BoundedInputStream.TooLarge}) and must keep
 * arriving at an average of at least {@link UploadPace#minBytesPerSecond()} once its
 * {@link UploadPace#grace()} is over ({@link TooSlow}); a client that stops sending altogether is cut
 * off by the server's idle timeout.
 */
final class ReceivedBody implements AutoCloseable {

    static final String PREFIX = "powledger-import-";
    private static final Logger LOG = LoggerFactory.getLogger(ReceivedBody.class);
    private static final int BUFFER = 64 * 1024;

    /** How fast an upload must arrive: it may take its time for {@code grace}, then must average the rate. */
    record UploadPace(Duration grace, long minBytesPerSecond) {

        /** 10 s, then 16 KiB/s on average: 512 MiB may take over nine hours; a trickle is cut after 10 s. */
        static final UploadPace DEFAULT = new UploadPace(Duration.ofSeconds(10), 16 * 1024);
    }

    /** The body arrived too slowly; nothing was imported. */
    static final class TooSlow extends IOException {
        TooSlow(long received, long elapsedMs) {
            super("the body arrived too slowly: " + received + " bytes in " + elapsedMs + " ms");
        }
    }

    private final Path file;

    private ReceivedBody(Path file) {
        this.file = file;
    }

    /** Receives {@code body} to its end; {@code nanoTime} is the clock the pace is measured with. */
    static ReceivedBody receive(InputStream body, long limit, UploadPace pace, LongSupplier nanoTime)
            throws IOException {
        Path file = Files.createTempFile(PREFIX, ".part", ownerOnly());
        try (InputStream in = new BoundedInputStream(body, limit); OutputStream out = Files.newOutputStream(file)) {
            long started = nanoTime.getAsLong();
            long graceNanos = pace.grace().toNanos();
            long received = 0;
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                received += n;
                long elapsed = nanoTime.getAsLong() - started;
                if (elapsed > graceNanos && received < pace.minBytesPerSecond() * (elapsed / 1_000_000_000.0)) {
                    throw new TooSlow(received, TimeUnit.NANOSECONDS.toMillis(elapsed));
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(file, e);
            throw e;
        }
        return new ReceivedBody(file);
    }

    InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), BUFFER);
    }

    /** Deletes the file; the import's answer does not depend on it, so a failure is only logged. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the import's temporary file {}: {}", file, e.toString());
        }
    }

    /** rw------- where the file system knows POSIX permissions, whatever the umask. */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static void deleteQuietly(Path file, Throwable failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

package org.powledger.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code powledger.jar} as a child process, as a user runs it: for tests that kill it,
 * restart it and run its other commands.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://([^:]+):(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("^(pow_[A-Za-z0-9_-]+)$");

    private final Process process;
    private final int port;
    private final String firstAdminToken;

    private ServerProcess(Process process, int port, String firstAdminToken) {
        this.process = process;
        this.port = port;
        this.firstAdminToken = firstAdminToken;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("powledger.jar", "target/powledger.jar"));
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("no " + jar + ": integration tests run after `package`");
        }
        return jar;
    }

    static ServerProcess serve(Path db, String... extraArgs) throws Exception {
        return serve(db, 0, extraArgs);
    }

    /** Starts {@code serve} on {@code port} (0: a free one) and waits until it listens. */
    static ServerProcess serve(Path db, int port, String... extraArgs) throws Exception {
        return serve("128m", db, port, ProcessBuilder.Redirect.DISCARD, Map.of(), extraArgs);
    }

    /** {@link #serve}, with the JVM's heap bounded at {@code maxHeap} ({@code -Xmx}) and exiting on running out of it. */
    static ServerProcess serveWithHeap(String maxHeap, Path db, String... extraArgs) throws Exception {
        return serve(maxHeap, db, 0, ProcessBuilder.Redirect.DISCARD, Map.of(), extraArgs);
    }

    /** A server whose stderr (its logs) goes to {@code stderr}, with more environment variables. */
    static ServerProcess serve(Path db, Path stderr, Map<String, String> environment, String... extraArgs)
            throws Exception {
        return serve("128m", db, 0, ProcessBuilder.Redirect.to(stderr.toFile()), environment, extraArgs);
    }

    private static ServerProcess serve(String maxHeap, Path db, int port, ProcessBuilder.Redirect stderr,
                                       Map<String, String> environment, String... extraArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar().toString(), "serve", "--db", db.toString(), "--port", String.valueOf(port)));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<int[]> started = new CompletableFuture<>();
        String[] token = new String[1];
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher t = TOKEN.matcher(line.strip());
                    if (t.matches()) {
                        token[0] = t.group(1);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        started.complete(new int[] {Integer.parseInt(m.group(2))});
                    }
                }
                started.completeExceptionally(new IllegalStateException("server exited before listening"));
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
        }, "server-stdout");
        reader.setDaemon(true);
        reader.start();
        int listening = started.get(60, TimeUnit.SECONDS)[0];
        return new ServerProcess(process, listening, token[0]);
    }

    /** Runs another command of the jar to completion: its exit code and what it printed. */
    static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("command did not finish: " + command);
        }
        return new Result(process.exitValue(), out.get(), err.get());
    }

    record Result(int exitCode, String out, String err) {
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String firstAdminToken() {
        return firstAdminToken;
    }

    /** SIGKILL: no shutdown hook, no flush, exactly what a crash or the OOM killer does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful shutdown path. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

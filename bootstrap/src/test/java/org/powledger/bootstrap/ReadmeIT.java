package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README is part of the contract: every command block of {@code README.md} and
 * {@code examples/README.md} is run, in order, with bash (and curl) against a fresh {@code powledger.jar}
 * server on a free port, and every output the document shows is compared with what the command printed.
 * Editing a shown output into something the server does not print fails the build.
 *
 * <h2>The convention (for whoever writes a README section)</h2>
 * A fenced block is placed by its language and by an optional HTML comment on the line right before
 * its fence, {@code <!-- readme-test: MARKER ARGUMENT -->}:
 * <ul>
 *   <li>```sh, no marker: run with bash; it must exit 0. Its output is not compared unless an
 *       {@code output} block follows.</li>
 *   <li>```text starting with {@code $ }: a transcript. Each {@code $ } line is a command (continued by
 *       lines starting with {@code > } or after a line ending in {@code \}); the lines under it, up to
 *       the next command, are what it prints, and must be exactly that: a command shown with no
 *       output must print nothing.</li>
 *   <li>{@code output}: this block (any language) is what the previous ```sh or {@code python} block
 *       printed.</li>
 *   <li>{@code output-again}: what the previous ```sh or {@code python} block prints when run once more
 *       (for the README's claims that a block can be re-run).</li>
 *   <li>{@code serve}: a block that starts a server. It is not run; the test stops its server and
 *       starts a fresh one with an empty ledger on the same port in its place, as a reader stops
 *       {@code serve} and starts it on a new file.</li>
 *   <li>{@code python}: run with python3 (skipped, and said so, where python3 is not installed).</li>
 *   <li>{@code skip REASON}: neither run nor compared; the reason is required (a build, a cron line,
 *       a server on a fixed port, a production setting).</li>
 * </ul>
 * Any other block without a marker fails the test, so a new section must choose. So does an unmarked
 * ```sh block that would change the machine or never return ({@code sudo}, {@code systemctl},
 * {@code useradd}, {@code install}, {@code apt-get}, {@code createdb}, {@code psql}, {@code docker},
 * {@code crontab}, {@code powledger.jar serve}, a command sent to the background): a section written
 * for a production host is refused, never run on the build machine. {@link ReadmeTest} checks both
 * documents' markers in the unit-test phase, before anything is run.
 *
 * <h2>What is substituted, and what is normalised</h2>
 * Before a block runs, {@code pow_...} becomes the running server's admin token,
 * {@code 127.0.0.1:8080} and {@code localhost:8080} its address, and {@code ex_...} the exchange id
 * that the latest output showed (the README tells the reader to copy it from the answer). Each
 * document starts with a fresh server, and {@code API} is exported with its base URL (the default the
 * example scripts use). Blocks run in a scratch directory where {@code bootstrap/target/powledger.jar}
 * and {@code examples/} are those of this build; shell variables carry from block to block as in one
 * terminal. A shown output matches when, after normalising line endings (CSV answers end lines in
 * CRLF), trailing spaces and trailing blank lines, it equals what was printed, {@code …} standing for
 * any text within a line (generated ids, timestamps, elided lists); one JSON document may be shown
 * wrapped for reading and is then compared as JSON. Every block has a 3-minute limit and curl 60 s
 * per request.
 */
class ReadmeIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXCHANGE_ID = Pattern.compile("(?:\"id\":\\s*\"|/exchanges/)(ex_[A-Za-z0-9_-]+)");
    private static final long BLOCK_SECONDS = 180;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "examples/README.md"})
    void every_command_runs_and_prints_what_the_document_shows(String document) throws Exception {
        List<Readme.Block> blocks = Readme.blocks(document, Files.readString(ROOT.resolve(document)));
        try (Session session = new Session(work)) {
            Summary summary = session.run(blocks);
            System.out.println(document + ": " + summary);
            assertThat(summary.compared).as("%s compares no output: the test would pass on nothing", document)
                    .isPositive();
        }
    }

    /** What one document's run did, for the log. */
    static final class Summary {
        int run;
        int compared;
        int servers;
        final List<String> skipped = new ArrayList<>();

        @Override
        public String toString() {
            return run + " commands or blocks run, " + compared + " outputs compared, " + servers
                    + " fresh servers, " + skipped.size() + " blocks skipped " + skipped;
        }
    }

    /** One terminal and one server, as a reader following one document has. */
    static final class Session implements AutoCloseable {

        private final Path dir;
        private final Path state;
        private final Path baseline;
        private final Map<String, String> environment = new HashMap<>();
        private ServerProcess server;
        private int port;
        private int ledgers;
        private final StringBuilder printedSoFar = new StringBuilder();
        /** Whether a command has run against the current server (a {@code serve} block then starts another). */
        private boolean used;

        Session(Path dir) throws Exception {
            this.dir = dir;
            this.state = dir.resolve(".readme-test-state");
            this.baseline = dir.resolve(".readme-test-baseline");
            Path jar = dir.resolve("bootstrap/target/powledger.jar");
            Files.createDirectories(jar.getParent());
            Files.createSymbolicLink(jar, ServerProcess.jar().toAbsolutePath());
            Files.createSymbolicLink(dir.resolve("examples"), ROOT.resolve("examples"));
            Path home = Files.createDirectories(dir.resolve(".home"));
            Files.writeString(home.resolve(".curlrc"), "max-time = 60\nconnect-timeout = 10\n");
            environment.put("HOME", home.toString());
            environment.put("PATH", Path.of(ServerProcess.java()).getParent() + ":" + System.getenv("PATH"));
            environment.put("LANG", "C.UTF-8");
            environment.put("TZ", "UTC");
            freshServer();
            // the variables bash and the environment define: never carried as the document's own
            Result names = bash("compgen -v > " + quote(baseline), false);
            assertThat(names.exitCode).as(names.err).isZero();
        }

        Summary run(List<Readme.Block> blocks) throws Exception {
            Summary summary = new Summary();
            Readme.Block lastRunnable = null;
            Result lastResult = null;
            for (Readme.Block block : blocks) {
                switch (block.kind()) {
                    case SKIP -> summary.skipped.add(block.where() + " (" + block.reason() + ")");
                    case SERVE -> {
                        summary.servers++;
                        if (used) {
                            freshServer();
                        }
                    }
                    case RUN, PYTHON -> {
                        if (block.kind() == Readme.Kind.PYTHON && !hasPython()) {
                            summary.skipped.add(block.where() + " (python3 is not installed here)");
                            lastRunnable = null;
                            continue;
                        }
                        lastRunnable = block;
                        lastResult = runBlock(block);
                        summary.run++;
                    }
                    case OUTPUT, OUTPUT_AGAIN -> {
                        if (lastRunnable == null) {
                            if (summary.skipped.stream().anyMatch(s -> s.contains("python3 is not installed"))) {
                                summary.skipped.add(block.where() + " (its command was skipped)");
                                continue;
                            }
                            fail("%s: an output block with no ```sh or python block before it", block.where());
                        }
                        Result printed = block.kind() == Readme.Kind.OUTPUT ? lastResult : runBlock(lastRunnable);
                        compare(block, lastRunnable.text(), printed);
                        summary.compared++;
                    }
                    case TRANSCRIPT -> {
                        for (Readme.Step step : Readme.steps(block)) {
                            Result printed = runCommand(block, step.command());
                            compare(block, step.command(), printed, step.shown());
                            summary.run++;
                            summary.compared++;
                        }
                        lastRunnable = null;
                    }
                }
            }
            return summary;
        }

        private Result runBlock(Readme.Block block) throws Exception {
            return block.kind() == Readme.Kind.PYTHON ? python(block) : runCommand(block, block.text());
        }

        private Result runCommand(Readme.Block block, String command) throws Exception {
            used = true;
            Result result = bash(substitute(command), true);
            if (result.exitCode != 0) {
                fail("%s: exit code %d from%n%s%n--- stdout%n%s%n--- stderr%n%s", block.where(), result.exitCode,
                        command, result.out, result.err);
            }
            printedSoFar.append(result.out);
            return result;
        }

        private void compare(Readme.Block shown, String command, Result printed) {
            compare(shown, command, printed, shown.text());
        }

        private void compare(Readme.Block block, String command, Result printed, String shown) {
            if (!Readme.matches(shown, printed.out)) {
                fail("%s shows an output that the command does not print (first difference at line %d of the"
                                + " shown output)%n--- command%n%s%n--- shown%n%s%n--- printed%n%s%n--- stderr%n%s",
                        block.where(), Readme.firstDifference(shown, printed.out), substitute(command).strip(),
                        Readme.normalise(shown), Readme.normalise(printed.out), printed.err);
            }
        }

        private String substitute(String text) {
            String address = "127.0.0.1:" + port;
            String result = text.replace("pow_...", server.firstAdminToken())
                    .replace("127.0.0.1:8080", address).replace("localhost:8080", address);
            Matcher ids = EXCHANGE_ID.matcher(printedSoFar);
            String lastId = null;
            while (ids.find()) {
                lastId = ids.group(1);
            }
            return lastId == null ? result : result.replace("ex_...", lastId);
        }

        /** Stops the running server, if any, and starts one on a new, empty ledger on the same port. */
        private void freshServer() throws Exception {
            if (server != null) {
                server.stop();
            }
            Path db = dir.resolve("ledger-" + ++ledgers + ".db");
            Exception last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    server = ServerProcess.serve(db, port);
                    port = server.port();
                    environment.put("API", "http://127.0.0.1:" + port + "/api/v1");
                    return;
                } catch (Exception portNotFreeYet) {
                    last = portNotFreeYet;
                    Thread.sleep(1000);
                }
            }
            throw last;
        }

        /** Runs a script with bash in the session's directory, carrying shell variables over from the last. */
        private Result bash(String script, boolean carryVariables) throws Exception {
            Path file = dir.resolve(".readme-test-block.sh");
            String body = carryVariables
                    ? "source " + quote(state) + " 2>/dev/null\n" + script + "\n__readme_rc=$?\n"
                    + "declare -p $(compgen -v | grep -vxF -f " + quote(baseline) + ") > " + quote(state)
                    + " 2>/dev/null\nexit $__readme_rc\n"
                    : script + "\n";
            Files.writeString(file, body);
            return execute(List.of("bash", file.toString()));
        }

        private Result python(Readme.Block block) throws Exception {
            Path file = dir.resolve(".readme-test-block.py");
            used = true;
            Files.writeString(file, substitute(block.text()));
            Result result = execute(List.of("python3", file.toString()));
            if (result.exitCode != 0) {
                fail("%s: python3 exit code %d%n--- stdout%n%s%n--- stderr%n%s", block.where(), result.exitCode,
                        result.out, result.err);
            }
            printedSoFar.append(result.out);
            return result;
        }

        private static boolean hasPython() {
            try {
                return new ProcessBuilder("python3", "--version").start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        private Result execute(List<String> command) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(BLOCK_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("%s did not finish within %d s; it printed%n%s%n%s", command, BLOCK_SECONDS,
                        out.getNow(""), err.getNow(""));
            }
            return new Result(process.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        }

        private static String read(InputStream in) {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        private static String quote(Path path) {
            return "'" + path.toString().replace("'", "'\\''") + "'";
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    record Result(int exitCode, String out, String err) {
    }
}

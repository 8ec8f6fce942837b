package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The command line as {@code Main} runs it: exit 0 on success, 1 with one line on stderr otherwise,
 * never a stack trace; tokens printed once and never listed.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    /** What one run printed and how it ended. */
    record Run(int exitCode, String out, String err) {

        /** The run failed with exit code 1 and exactly one line on stderr, no stack trace. */
        Run failedWithOneLine() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(1);
            assertThat(err.strip().lines().toList()).as("stderr: %s", err).hasSize(1);
            assertThat(err).doesNotContain("\tat ", "Exception", "Caused by");
            return this;
        }

        Run succeeded() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            return this;
        }
    }

    /** Runs the command line in-process with stdout and stderr captured (the tests in this class run one at a time). */
    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int exitCode = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(exitCode, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Every command and subcommand the jar has, found from picocli itself, so new ones are covered too. */
    static Stream<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of());
        collect(new CommandLine(new Main()), new ArrayList<>(), commands);
        return commands.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            into.add(subPath);
            collect(sub, subPath, into);
        });
    }

    @ParameterizedTest(name = "powledger {0} --help")
    @MethodSource("commands")
    void help_on_every_command_exits_0_and_prints_usage(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");

        Run run = run(args.toArray(String[]::new)).succeeded();

        assertThat(run.out()).contains("Usage:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void the_commands_the_contract_names_so_far_exist() {
        assertThat(commands().map(c -> String.join(" ", c)))
                .contains("serve", "token", "token create", "token list", "token revoke");
    }

    @Test
    void version_exits_0_and_names_the_version() {
        Run run = run("--version").succeeded();

        assertThat(run.out()).startsWith("powledger ");
    }

    /** A new, empty ledger file, as {@code serve --db FILE} leaves it. */
    private String ledger(String name) {
        Path db = dir.resolve(name);
        Ledger.open(db.toString()).close();
        return db.toString();
    }

    @Test
    void token_list_is_a_table_with_a_header_and_says_so_when_there_are_none() {
        String db = ledger("tokens.db");
        Run none = run("token", "list", "--db", "memory:").succeeded();

        run("token", "create", "ci-script", "--scope", "write", "--db", db).succeeded();
        List<String> rows = run("token", "list", "--db", db).succeeded().out().strip().lines().toList();

        assertThat(rows.get(0)).startsWith("NAME").contains("SCOPE").contains("CREATED");
        assertThat(rows.get(1)).startsWith("ci-script").contains("write").doesNotContainPattern("\\.[0-9]+Z");
        assertThat(none.out()).contains("No tokens");
    }

    @Test
    void token_create_prints_the_token_once_and_token_list_shows_the_name_never_the_secret() {
        String db = ledger("ledger.db");

        Run created = run("token", "create", "ci-script", "--scope", "write", "--db", db).succeeded();
        Run listed = run("token", "list", "--db", db).succeeded();

        List<String> printed = created.out().strip().lines().toList();
        assertThat(printed).hasSize(1);
        String secret = printed.get(0).strip();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(20).doesNotContainAnyWhitespaces();
        assertThat(listed.out()).contains("ci-script").contains("write").doesNotContain(secret);
        assertThat(listed.out()).doesNotContain(secret.substring(secret.length() - 12));
    }

    @Test
    void a_token_created_on_the_command_line_writes_to_a_server_and_revoking_it_there_stops_it_at_once() {
        Path db = Path.of(ledger("ledger.db"));
        String secret = run("token", "create", "deployer", "--scope", "write", "--db", db.toString())
                .succeeded().out().strip();
        try (LiveServer api = LiveServer.start(db)) {
            api.put("/api/v1/units/afu", "{\"name\": \"Armed Forces\"}").token(secret).send().expect(201);

            run("token", "revoke", "deployer", "--db", db.toString()).succeeded();

            api.put("/api/v1/units/nsu", "{\"name\": \"National Guard\"}").token(secret).send().problem(401);
        }
    }

    @Test
    void token_create_with_an_unknown_scope_exits_1_with_one_line() {
        run("token", "create", "x", "--scope", "superuser", "--db", dir.resolve("ledger.db").toString())
                .failedWithOneLine();
    }

    @Test
    void token_create_with_a_name_in_use_exits_1_with_one_line() {
        String db = ledger("ledger.db");
        run("token", "create", "twice", "--scope", "read", "--db", db).succeeded();

        run("token", "create", "twice", "--scope", "read", "--db", db).failedWithOneLine();
    }

    @Test
    void token_revoke_of_an_unknown_name_exits_1_with_one_line_on_stderr() {
        Run run = run("token", "revoke", "nobody", "--db", ledger("ledger.db")).failedWithOneLine();

        assertThat(run.err()).contains("nobody");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void an_unknown_option_exits_1_with_one_line() {
        run("token", "list", "--colour", "--db", dir.resolve("ledger.db").toString()).failedWithOneLine();
        run("serve", "--prot", "8080").failedWithOneLine();
    }

    @Test
    void an_unknown_command_or_none_at_all_exits_1_with_one_line() {
        run("launch").failedWithOneLine();
        run().failedWithOneLine();
        run("token").failedWithOneLine();
    }

    @Test
    void a_db_in_a_folder_that_does_not_exist_exits_1_with_one_line() {
        String db = dir.resolve("no-such-folder").resolve("ledger.db").toString();

        Run run = run("token", "list", "--db", db).failedWithOneLine();

        assertThat(run.out()).isEmpty();
    }

    /** Every command that opens a ledger, with {@code DB} where its ledger goes and the rest it needs. */
    static Stream<List<String>> commandsOnALedger() {
        return Stream.of(List.of("check", "--db", "DB"), List.of("export", "--db", "DB"),
                List.of("backup", "--db", "DB", "--to", "COPY"), List.of("import", "--db", "DB", "FILE"),
                List.of("token", "create", "ci", "--scope", "read", "--db", "DB"), List.of("token", "list", "--db", "DB"),
                List.of("token", "revoke", "ci", "--db", "DB"), List.of("copy", "--from", "DB", "--to", "COPY"));
    }

    private String[] placed(List<String> command, Path db) throws Exception {
        Path file = dir.resolve("one.ndjson");
        Files.writeString(file, "{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"Armed Forces\"}\n");
        return command.stream().map(a -> switch (a) {
            case "DB" -> db.toString();
            case "COPY" -> dir.resolve("copy.db").toString();
            case "FILE" -> file.toString();
            default -> a;
        }).toArray(String[]::new);
    }

    @ParameterizedTest(name = "powledger {0}")
    @MethodSource("commandsOnALedger")
    void every_command_but_serve_refuses_a_db_file_that_does_not_exist_and_creates_none(List<String> command)
            throws Exception {
        Path db = dir.resolve("typo.db");

        Run run = run(placed(command, db)).failedWithOneLine();

        assertThat(run.err()).contains("no such ledger file: " + db).contains("serve --db " + db + " creates");
        assertThat(db).doesNotExist();
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }

    @ParameterizedTest(name = "powledger {0}")
    @MethodSource("commandsOnALedger")
    void every_command_refuses_a_file_that_is_not_a_ledger_in_one_line_and_leaves_it_as_it_was(List<String> command)
            throws Exception {
        Path other = dir.resolve("other.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other)) {
            c.createStatement().execute("CREATE TABLE recipe (name TEXT)");
        }
        Path text = Files.writeString(dir.resolve("notes.db"), "shopping: bread, milk\n");
        byte[] before = Files.readAllBytes(other);

        Run sqlite = run(placed(command, other)).failedWithOneLine();
        Run plain = run(placed(command, text)).failedWithOneLine();

        assertThat(sqlite.err()).contains(other + " is not a POW Ledger ledger").doesNotContain("baseline");
        assertThat(plain.err()).contains(text + " is not a POW Ledger ledger");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
        assertThat(Files.readString(text)).isEqualTo("shopping: bread, milk\n");
    }

    @Test
    void serve_refuses_a_file_that_is_not_a_ledger_in_one_line() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "shopping: bread, milk\n");

        Run run = run("serve", "--db", text.toString(), "--port", "0").failedWithOneLine();

        assertThat(run.err()).contains(text + " is not a POW Ledger ledger");
    }

    @Test
    void help_says_which_commands_create_a_ledger() {
        assertThat(run("--help").out()).contains("Only serve (and copy --to) create a ledger");
        for (List<String> command : commandsOnALedger().toList()) {
            String help = run(Stream.concat(command.stream().takeWhile(a -> !a.startsWith("-")), Stream.of("--help"))
                    .toArray(String[]::new)).out().replaceAll("\\s+", " ");
            assertThat(help).as(command.toString()).containsAnyOf("only serve and copy --to create a ledger",
                    "The ledger to copy (must exist)");
        }
    }

    @Test
    void token_create_in_memory_is_refused_with_the_reason() {
        Run run = run("token", "create", "ci", "--scope", "write", "--db", "memory:").failedWithOneLine();

        assertThat(run.err()).contains("memory:").contains("gone when this command ends");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void the_name_of_a_revoked_token_that_wrote_history_cannot_be_given_to_a_new_token() {
        Path db = Path.of(ledger("ledger.db"));
        String secret = run("token", "create", "deployer", "--scope", "write", "--db", db.toString())
                .succeeded().out().strip();
        try (LiveServer api = LiveServer.start(db)) {
            api.post("/api/v1/exchanges", "{\"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": 2}")
                    .token(secret).send().expect(201);
        }
        run("token", "revoke", "deployer", "--db", db.toString()).succeeded();

        Run reused = run("token", "create", "deployer", "--scope", "write", "--db", db.toString()).failedWithOneLine();

        assertThat(reused.err()).contains("'deployer' belonged to a revoked token");
        assertThat(reused.out()).isEmpty();
        assertThat(run("token", "list", "--db", db.toString()).out()).doesNotContain("deployer");
    }

    @Test
    void serve_on_a_host_that_is_no_address_exits_1_naming_it_and_what_to_give() {
        Run run = run("serve", "--db", "memory:", "--host", "999.1.1.1", "--port", "0").failedWithOneLine();

        assertThat(run.err()).contains("cannot listen on 999.1.1.1").contains("--host").contains("127.0.0.1");
    }

    @Test
    void serve_with_a_port_out_of_range_exits_1_with_one_line() {
        run("serve", "--port", "70000", "--db", "memory:").failedWithOneLine();
        run("serve", "--port", "eighty", "--db", "memory:").failedWithOneLine();
    }

    @Test
    void import_then_export_gives_back_the_example_ledger_and_a_rerun_changes_nothing() {
        String db = ledger("ledger.db");
        Path example = Path.of("..", "examples", "seeds.ndjson");

        Run imported = run("import", "--db", db, example.toString()).succeeded();
        Run again = run("import", "--db", db, example.toString()).succeeded();
        Run exported = run("export", "--db", db).succeeded();

        long lines = exported.out().lines().count();
        assertThat(imported.out()).contains(lines + " created, 0 updated, 0 unchanged");
        assertThat(again.out()).contains("0 created, 0 updated, " + lines + " unchanged");
        assertThat(exported.out()).contains("\"id\":\"ex_2024-12-30\"").contains("\"type\":\"report\"");
        run("check", "--db", db).succeeded();
    }

    @Test
    void an_import_with_bad_lines_writes_nothing_and_lists_every_bad_line() throws Exception {
        String db = ledger("ledger.db");
        Path file = dir.resolve("bad.ndjson");
        Files.writeString(file, """
                {"type": "unit", "id": "afu", "name": "Armed Forces of Ukraine"}
                {"type": "exchange", "date": "2024-12-30", "kind": "prisoners", "returned": 2, "breakdown": [{"unit": "afu", "count": 3}]}
                {"type": "exchange", "date": "2024-12-31", "kind": "prisoners", "returned": 5}
                {"type": "exchange", "date": "2025-01-05", "kind": "hostages", "returned": 1}
                """);

        Run refused = run("import", "--db", db, file.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        List<String> lines = refused.err().strip().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("line 2 ").contains("/breakdown");
        assertThat(lines.get(1)).startsWith("line 4 ").contains("/kind");
        assertThat(lines.get(2)).contains("nothing written").contains("2 bad line(s)");
        assertThat(refused.err()).doesNotContain("\tat ", "Exception");
        assertThat(run("export", "--db", db).succeeded().out()).isEmpty();
    }

    @Test
    void serve_on_a_port_already_taken_fails_with_one_line() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Run run = run("serve", "--db", "memory:", "--port", Integer.toString(taken.getLocalPort()))
                    .failedWithOneLine();

            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}

package org.powledger.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown document read as {@link ReadmeIT} runs it: its fenced code blocks, each with the
 * {@code <!-- readme-test: … -->} marker on the line before it (if any), and how a shown output is
 * compared with what a command printed. The convention is described on {@link ReadmeIT}.
 */
final class Readme {

    private static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z0-9_-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*readme-test:\\s*([a-z-]+)\\s*(.*?)\\s*-->\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Commands that change the machine (users, services, packages, the crontab) or start a server that
     * never returns: an unmarked ```sh block holding one is refused rather than run, so a section
     * written for a production host can never run on the build machine by mistake.
     */
    private static final Pattern NEVER_RUN_UNMARKED = Pattern.compile(
            "(?m)(\\b(sudo|systemctl|useradd|userdel|journalctl|apt-get|apt|dnf|yum|createdb|createuser|docker|crontab|psql)\\b"
                    + "|^\\s*install\\s|powledger\\.jar\\s+serve\\b|(?<!&)&\\s*(done|$))");

    /** What the test does with a block. */
    enum Kind {
        /** ```sh without marker: run with bash, must exit 0. */
        RUN,
        /** ```text whose first line starts with {@code $ }: each command run, its output compared. */
        TRANSCRIPT,
        /** {@code output}: what the previous runnable block printed. */
        OUTPUT,
        /** {@code output-again}: what the previous runnable block prints when it is run once more. */
        OUTPUT_AGAIN,
        /** {@code serve}: a fresh server with an empty ledger is started in place of this block. */
        SERVE,
        /** {@code python}: run with python3, must exit 0. */
        PYTHON,
        /** {@code skip REASON}: neither run nor compared. */
        SKIP
    }

    /** A fenced block: where it starts (1-based line of its fence), its language, its text, its kind. */
    record Block(String document, int line, String language, String text, Kind kind, String reason) {

        String where() {
            return document + ":" + line;
        }
    }

    /** One command of a transcript and the output shown under it. */
    record Step(String command, String shown) {
    }

    private Readme() {
    }

    /** Every fenced block of {@code markdown}; fails on a block the convention does not place. */
    static List<Block> blocks(String document, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String marker = null;
        String markerArgument = "";
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i].strip());
            if (m.matches()) {
                marker = m.group(1);
                markerArgument = m.group(2);
                continue;
            }
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                if (!lines[i].isBlank()) {
                    marker = null;
                }
                continue;
            }
            int start = i + 1;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                text.append(lines[i]).append('\n');
            }
            if (i == lines.length) {
                throw new IllegalArgumentException(document + ":" + start + ": a code block is never closed");
            }
            String language = fence.group(1);
            blocks.add(new Block(document, start, language, text.toString(),
                    kind(document + ":" + start, language, text.toString(), marker, markerArgument), markerArgument));
            marker = null;
        }
        return blocks;
    }

    private static Kind kind(String where, String language, String text, String marker, String argument) {
        if (marker == null) {
            if (language.equals("sh")) {
                Matcher unsafe = NEVER_RUN_UNMARKED.matcher(text);
                if (unsafe.find()) {
                    throw new IllegalArgumentException(where + ": a ```sh block with '" + unsafe.group().strip()
                            + "' is never run unmarked: mark it <!-- readme-test: skip REASON --> (or serve)");
                }
                return Kind.RUN;
            }
            if (language.equals("text") && text.startsWith("$ ")) {
                return Kind.TRANSCRIPT;
            }
            throw new IllegalArgumentException(where + ": a ```" + language + " block the README test cannot place:"
                    + " mark it <!-- readme-test: output | output-again | skip REASON | … --> (see ReadmeIT)");
        }
        Kind kind = switch (marker) {
            case "output" -> Kind.OUTPUT;
            case "output-again" -> Kind.OUTPUT_AGAIN;
            case "serve" -> Kind.SERVE;
            case "python" -> Kind.PYTHON;
            case "skip" -> Kind.SKIP;
            default -> throw new IllegalArgumentException(where + ": unknown readme-test marker '" + marker + "'");
        };
        if (kind == Kind.SKIP && argument.isBlank()) {
            throw new IllegalArgumentException(where + ": a skipped block must say why (<!-- readme-test: skip REASON -->)");
        }
        return kind;
    }

    /**
     * The commands of a transcript: a line starting with {@code $ } begins one, lines starting with
     * {@code > } or following a line that ends in {@code \} continue it, and the lines up to the next
     * command are its shown output.
     */
    static List<Step> steps(Block transcript) {
        List<Step> steps = new ArrayList<>();
        StringBuilder command = null;
        StringBuilder shown = new StringBuilder();
        boolean continues = false;
        for (String line : transcript.text().split("\n")) {
            if (line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command.toString(), shown.toString()));
                }
                command = new StringBuilder(line.substring(2));
                shown = new StringBuilder();
                continues = line.endsWith("\\");
            } else if (command != null && shown.isEmpty() && (continues || line.startsWith("> "))) {
                command.append('\n').append(line.startsWith("> ") ? line.substring(2) : line);
                continues = line.endsWith("\\");
            } else if (command != null) {
                shown.append(line).append('\n');
                continues = false;
            }
        }
        if (command != null) {
            steps.add(new Step(command.toString(), shown.toString()));
        }
        return steps;
    }

    /**
     * Whether {@code printed} is what {@code shown} shows. Both are normalised the same way, and only so:
     * line endings to {@code \n} (CSV answers end their lines in CRLF), trailing spaces of each line
     * and trailing blank lines dropped. In {@code shown}, {@code …} stands for any text within one line
     * (generated ids, timestamps, elided lists). When both are one JSON document (the shown one may
     * be wrapped for reading), they are compared as JSON, {@code …} inside a shown string standing
     * for any text there; otherwise line by line.
     */
    static boolean matches(String shown, String printed) {
        String expected = normalise(shown);
        String actual = normalise(printed);
        Optional<JsonNode> expectedJson = json(expected);
        Optional<JsonNode> actualJson = json(actual);
        if (expectedJson.isPresent() && actualJson.isPresent()) {
            return sameJson(expectedJson.get(), actualJson.get());
        }
        return wildcard(expected).matcher(actual).matches();
    }

    static String normalise(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        for (String line : unix.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().replaceAll("\\n+$", "");
    }

    /** The number of the first line (1-based) where the two differ, for a readable failure. */
    static int firstDifference(String shown, String printed) {
        String[] expected = normalise(shown).split("\n", -1);
        String[] actual = normalise(printed).split("\n", -1);
        for (int i = 0; i < Math.max(expected.length, actual.length); i++) {
            if (i >= expected.length || i >= actual.length || !wildcard(expected[i]).matcher(actual[i]).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Pattern wildcard(String expected) {
        StringBuilder regex = new StringBuilder();
        for (String part : expected.split("…", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^\\n]*?");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** The text as one JSON document, or empty (not JSON, or several documents such as NDJSON). */
    private static Optional<JsonNode> json(String text) {
        String trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(trimmed)) {
            JsonNode node = parser.readValueAsTree();
            return parser.nextToken() == null ? Optional.ofNullable(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean sameJson(JsonNode expected, JsonNode actual) {
        if (expected.isTextual() && actual.isTextual()) {
            return wildcard(expected.asText()).matcher(actual.asText()).matches();
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!actual.has(field.getKey()) || !sameJson(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!sameJson(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }
}

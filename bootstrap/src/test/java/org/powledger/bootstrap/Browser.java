package org.powledger.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven through chromedriver's W3C WebDriver protocol, with
 * {@link java.net.http} and nothing else: one browser, one session, with the language it asks pages
 * for ({@code Accept-Language}, {@code navigator.languages}) chosen at start.
 */
final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process driver;
    private final URI session;
    private final Path profile;

    /** Where Chromium and chromedriver are, when both are installed. */
    record Installation(Path chromium, Path chromedriver) {

        static Optional<Installation> find() {
            Optional<Path> chromium = firstExisting("CHROMIUM", "chromium", "chromium-browser", "google-chrome");
            Optional<Path> driver = firstExisting("CHROMEDRIVER", "chromedriver");
            return chromium.isPresent() && driver.isPresent()
                    ? Optional.of(new Installation(chromium.get(), driver.get())) : Optional.empty();
        }

        private static Optional<Path> firstExisting(String variable, String... names) {
            String given = System.getenv(variable);
            if (given != null && Files.isExecutable(Path.of(given))) {
                return Optional.of(Path.of(given));
            }
            String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
            return Stream.of(names).flatMap(name -> Stream.of(path.split(":")).map(dir -> Path.of(dir, name)))
                    .filter(Files::isExecutable).findFirst();
        }
    }

    /** Starts chromedriver and a Chromium session that asks for pages in {@code language}. */
    static Browser start(Installation installation, String language) throws IOException {
        return new Browser(installation, language);
    }

    private Browser(Installation installation, String language) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        this.profile = Files.createTempDirectory("powledger-chromium-");
        this.driver = new ProcessBuilder(installation.chromedriver().toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        waitUntil("chromedriver answers", () -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(base.resolve("/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", installation.chromium().toString());
        ArrayNode args = options.putArray("args");
        for (String arg : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1000,1400", "--lang=" + language,
                "--user-data-dir=" + profile)) {
            args.add(arg);
        }
        options.putObject("prefs").put("intl.accept_languages", language);
        ObjectNode capabilities = JSON.createObjectNode();
        ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        always.set("goog:chromeOptions", options);
        JsonNode created;
        try {
            created = send("POST", base.resolve("/session"), capabilities);
        } catch (RuntimeException e) {
            driver.destroy();
            throw e;
        }
        this.session = base.resolve("/session/" + created.get("sessionId").asText() + "/");
    }

    // --- pages and elements

    void open(String url) {
        command("POST", "url", JSON.createObjectNode().put("url", url));
    }

    String url() {
        return command("GET", "url", null).asText();
    }

    /** The first element matching {@code css}, waiting for it to appear. */
    String find(String css) {
        String[] found = new String[1];
        waitUntil("an element " + css, () -> {
            List<String> all = findAll(css);
            found[0] = all.isEmpty() ? null : all.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    List<String> findAll(String css) {
        JsonNode answer = command("POST", "elements",
                JSON.createObjectNode().put("using", "css selector").put("value", css));
        return java.util.stream.StreamSupport.stream(answer.spliterator(), false)
                .map(node -> node.get(ELEMENT).asText()).toList();
    }

    void click(String element) {
        command("POST", "element/" + element + "/click", JSON.createObjectNode());
    }

    /** Types {@code text} into the element, as keys pressed. */
    void type(String element, String text) {
        command("POST", "element/" + element + "/value", JSON.createObjectNode().put("text", text));
    }

    void clear(String element) {
        command("POST", "element/" + element + "/clear", JSON.createObjectNode());
    }

    /** The attribute as written in the DOM, or null. */
    String attribute(String element, String name) {
        JsonNode value = command("GET", "element/" + element + "/attribute/" + name, null);
        return value.isNull() ? null : value.asText();
    }

    /** The live property ({@code value}, {@code checked}), or null. */
    String property(String element, String name) {
        JsonNode value = command("GET", "element/" + element + "/property/" + name, null);
        return value.isNull() ? null : value.asText();
    }

    String text(String element) {
        return command("GET", "element/" + element + "/text", null).asText();
    }

    String active() {
        return command("GET", "element/active", null).get(ELEMENT).asText();
    }

    /** Presses and releases one key on the focused element (a WebDriver key: {@code \uE004} is Tab). */
    void press(String key) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode keyboard = body.putArray("actions").addObject().put("type", "key").put("id", "keyboard");
        ArrayNode actions = keyboard.putArray("actions");
        actions.addObject().put("type", "keyDown").put("value", key);
        actions.addObject().put("type", "keyUp").put("value", key);
        command("POST", "actions", body);
    }

    /** Makes the window {@code width} by {@code height} pixels (a screenshot shows the window). */
    void resize(int width, int height) {
        command("POST", "window/rect", JSON.createObjectNode().put("width", width).put("height", height));
    }

    /** Runs {@code script} (a function body; {@code arguments} holds args) and gives its result. */
    JsonNode script(String script, Object... args) {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        ArrayNode list = body.putArray("args");
        for (Object arg : args) {
            list.add(JSON.valueToTree(arg));
        }
        return command("POST", "execute/sync", body);
    }

    byte[] screenshot() {
        return Base64.getDecoder().decode(command("GET", "screenshot", null).asText());
    }

    /** Waits until {@code condition} holds, failing with {@code what} after a while. */
    static void waitUntil(String what, Supplier<Boolean> condition) {
        Instant until = Instant.now().plus(PATIENCE);
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            send("DELETE", session, null);
        } catch (RuntimeException ignored) {
            // the browser may be gone already; the driver is stopped below either way
        }
        // Chromium and its helpers are the driver's children: stopped first, or they outlive the test.
        List<ProcessHandle> browser = driver.descendants().toList();
        browser.forEach(ProcessHandle::destroy);
        driver.destroy();
        for (ProcessHandle process : browser) {
            try {
                process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                process.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    // --- the protocol

    private JsonNode command(String method, String path, JsonNode body) {
        return send(method, session.resolve(path), body);
    }

    private static JsonNode send(String method, URI uri, JsonNode body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, publisher).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("WebDriver " + method + " " + uri.getPath() + " answered "
                        + response.statusCode() + ": " + answer.path("value").path("message").asText(response.body()));
            }
            return answer.path("value").isMissingNode() ? answer : answer.get("value");
        } catch (IOException e) {
            throw new IllegalStateException("WebDriver " + method + " " + uri.getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

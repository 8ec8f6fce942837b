package org.powledger.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven through chromedriver with plain W3C WebDriver calls over HTTP (no
 * Selenium: the protocol is a handful of JSON requests). One browser per instance, with a fresh
 * profile, reading pages in one language ({@code Accept-Language} and the UI locale).
 */
final class Browser implements AutoCloseable {

    /** The key of an element reference in W3C WebDriver answers. */
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process driver;
    private final URI session;
    private final Path profile;

    /** The Chromium and chromedriver executables, when both are installed. */
    record Installation(Path chromium, Path chromedriver) {

        static Optional<Installation> find() {
            Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
            Optional<Path> chromedriver = onPath("chromedriver");
            return chromium.isPresent() && chromedriver.isPresent()
                    ? Optional.of(new Installation(chromium.get(), chromedriver.get())) : Optional.empty();
        }

        private static Optional<Path> onPath(String... names) {
            String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
            return Stream.of(path.split(File.pathSeparator)).flatMap(dir -> Stream.of(names).map(n -> Path.of(dir, n)))
                    .filter(Files::isExecutable).findFirst();
        }
    }

    Browser(Installation installation, String language, int width, int height) throws IOException {
        int port = freePort();
        this.profile = Files.createTempDirectory("powledger-chromium-");
        this.driver = new ProcessBuilder(installation.chromedriver().toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        waitUntilReady(base);
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", installation.chromium().toString());
        options.set("args", JSON.valueToTree(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--lang=" + language,
                "--accept-lang=" + language, "--window-size=" + width + "," + height)));
        options.set("prefs", JSON.valueToTree(Map.of("intl.accept_languages", language)));
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
        JsonNode created = call("POST", base.resolve("session"), capabilities);
        this.session = base.resolve("session/" + created.get("sessionId").asText() + "/");
    }

    void open(String url) {
        command("POST", "url", Map.of("url", url));
    }

    /** Runs a script in the page and gives what it returns, as JSON. */
    JsonNode script(String script, Object... args) {
        return command("POST", "execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** Waits until the script returns true (polled), or fails saying what it waited for. */
    void waitFor(String what, String script) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!script(script).asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what + "; the page says: "
                        + script("return document.body.innerText.slice(0, 600)").asText());
            }
            sleep(100);
        }
    }

    /** Clicks the element a CSS selector finds, as a user would (WebDriver's element click). */
    void click(String css) {
        JsonNode element = command("POST", "element", Map.of("using", "css selector", "value", css));
        command("POST", "element/" + element.get(ELEMENT).asText() + "/click", Map.of());
    }

    /** Focuses the element a CSS selector finds by pressing Tab until it has the focus. */
    void tabTo(String css) {
        for (int i = 0; i < 100; i++) {
            if (script("return document.activeElement && document.activeElement.matches(arguments[0])", css)
                    .asBoolean()) {
                return;
            }
            command("POST", "actions", Map.of("actions", List.of(Map.of("type", "key", "id", "keyboard",
                    "actions", List.of(Map.of("type", "keyDown", "value", "\uE004"),
                            Map.of("type", "keyUp", "value", "\uE004"))))));
        }
        throw new AssertionError("Tab never reached " + css);
    }

    /** Presses one key (a WebDriver key code such as {@code \uE014}, arrow right) on the focused element. */
    void press(String key) {
        command("POST", "actions", Map.of("actions", List.of(Map.of("type", "key", "id", "keyboard",
                "actions", List.of(Map.of("type", "keyDown", "value", key), Map.of("type", "keyUp", "value", key))))));
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(command("GET", "screenshot", null).asText()));
    }

    @Override
    public void close() throws IOException {
        try {
            call("DELETE", session, null);
        } catch (RuntimeException | AssertionError ignored) {
            // the driver is stopped below either way
        } finally {
            driver.destroy();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private JsonNode command(String method, String path, Object body) {
        return call(method, session.resolve(path), body);
    }

    private static JsonNode call(String method, URI uri, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new AssertionError("WebDriver " + method + " " + uri + ": " + response.body());
            }
            return answer.get("value");
        } catch (IOException e) {
            throw new AssertionError("WebDriver " + method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void waitUntilReady(URI base) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (call("GET", base.resolve("status"), null).path("ready").asBoolean()) {
                    return;
                }
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

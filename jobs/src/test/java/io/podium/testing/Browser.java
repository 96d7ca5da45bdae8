package io.podium.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Chromium for tests, driven through chromedriver's W3C WebDriver HTTP API (no Selenium):
 * chromedriver runs as a child process on a free loopback port, and one session of headless
 * Chromium with a fresh profile (no network services: no sync, updates, QUIC or background
 * requests). {@link #start} skips the calling test, with the reason, when either program is
 * missing. {@link #close} ends the session and the chromedriver process.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getProperty("podium.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("podium.chromedriver", "/usr/bin/chromedriver"));

  /** The key of an element reference in W3C WebDriver responses. */
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final Path driverLog;
  private final String base;
  private final HttpClient http;
  private String session;

  private Browser(Process driver, Path driverLog, int port) {
    this.driver = driver;
    this.driverLog = driverLog;
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Starts chromedriver and a headless Chromium session; {@code dir} gets the profile and the driver's log. */
  public static Browser start(Path dir) throws Exception {
    assumeInstalled();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("chromedriver.log");
    Process process = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port,
        "--log-path=" + log)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("chromedriver.out").toFile())
        .start();
    Browser browser = new Browser(process, log, port);
    try {
      browser.awaitReady();
      browser.newSession(Files.createTempDirectory(dir, "chromium-profile"));
      return browser;
    } catch (Exception | Error e) {
      browser.close();
      throw e;
    }
  }

  /** Skips the calling test, saying what is missing, unless Chromium and chromedriver are installed. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no Chromium at " + CHROMIUM
        + " (Debian: apt-get install chromium chromium-driver)");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "skipped: no chromedriver at " + CHROMEDRIVER
        + " (Debian: apt-get install chromium-driver)");
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!driver.isAlive()) {
        throw new IOException("chromedriver exited with " + driver.exitValue() + ": " + log());
      }
      try {
        JsonNode status = call("GET", "/status", null);
        if (status.path("ready").asBoolean(false)) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException("chromedriver did not get ready within 30 s: " + log());
  }

  private void newSession(Path profile) throws Exception {
    Map<String, Object> chrome = new LinkedHashMap<>();
    chrome.put("binary", CHROMIUM.toString());
    chrome.put("args", List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile));
    Map<String, Object> always = new LinkedHashMap<>();
    always.put("browserName", "chrome");
    always.put("goog:chromeOptions", chrome);
    JsonNode value = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", always)));
    session = value.path("sessionId").asText(null);
    if (session == null) {
      throw new IOException("no session id in " + value);
    }
  }

  /** Opens a URL (file:// included) and waits until it has loaded. */
  public void open(String url) throws Exception {
    call("POST", s("/url"), Map.of("url", url));
  }

  public String title() throws Exception {
    return call("GET", s("/title"), null).asText();
  }

  /** The first element matching a CSS selector; fails when there is none. */
  public String find(String css) throws Exception {
    JsonNode value = call("POST", s("/element"), Map.of("using", "css selector", "value", css));
    String id = value.path(ELEMENT).asText("");
    if (id.isEmpty()) {
      throw new IOException("no element reference for '" + css + "' in " + value);
    }
    return id;
  }

  public void click(String element) throws Exception {
    call("POST", s("/element/" + element + "/click"), Map.of());
  }

  /** Types {@code text} into an element (an input), as keystrokes. */
  public void type(String element, String text) throws Exception {
    call("POST", s("/element/" + element + "/value"), Map.of("text", text));
  }

  /** Empties an input. */
  public void clear(String element) throws Exception {
    call("POST", s("/element/" + element + "/clear"), Map.of());
  }

  public String text(String element) throws Exception {
    return call("GET", s("/element/" + element + "/text"), null).asText();
  }

  /** Runs a script (a function body: {@code return ...}) in the page and returns its value. */
  public JsonNode execute(String script, Object... args) throws Exception {
    return call("POST", s("/execute/sync"), Map.of("script", script, "args", List.of(args)));
  }

  /** A screenshot of the viewport, as PNG bytes. */
  public byte[] screenshot() throws Exception {
    return Base64.getDecoder().decode(call("GET", s("/screenshot"), null).asText());
  }

  private String s(String path) {
    return "/session/" + session + path;
  }

  /** One WebDriver command; returns its {@code value}, or fails with the driver's error. */
  private JsonNode call(String method, String path, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json; charset=utf-8");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    JsonNode value = json.path("value");
    if (response.statusCode() != 200) {
      throw new IOException("WebDriver " + method + " " + path + ": HTTP " + response.statusCode() + " "
          + value.path("error").asText() + ": " + value.path("message").asText());
    }
    return value;
  }

  private String log() {
    try {
      return Files.exists(driverLog) ? Files.readString(driverLog) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Ends the session (Chromium exits) and stops chromedriver. */
  @Override
  public void close() throws InterruptedException {
    try {
      if (session != null) {
        call("DELETE", s(""), null);
      }
    } catch (Exception ignored) {
      // the driver is stopped below either way
    } finally {
      session = null;
      driver.destroy();
      if (!driver.waitFor(10, TimeUnit.SECONDS)) {
        driver.destroyForcibly();
        driver.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}

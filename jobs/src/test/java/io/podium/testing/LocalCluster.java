package io.podium.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Spark standalone cluster of bin/podium-cluster (a master and 2 workers on 127.0.0.1, each
 * worker with 2 cores, 2g and 2 fake GPUs), ONE for all the test classes of a JVM: started by the
 * first class that needs it, stopped when the JVM's tests are over (a resource of the root store).
 *
 * <pre>
 *   &#64;RegisterExtension static final LocalCluster cluster = LocalCluster.shared();
 *   ... Launcher.run(tmp, "sql", "SELECT 1", "--master", cluster.masterUrl());
 * </pre>
 *
 * A test that kills a worker ({@link #killWorker}) restarts it ({@link #restartWorker}) before it
 * ends, so that the next test finds 2 workers again.
 */
public final class LocalCluster implements BeforeAllCallback {

  public static final int WORKERS = 2;
  public static final int GPUS_PER_WORKER = 2;

  private static final LocalCluster SHARED = new LocalCluster();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private String masterUrl;
  private int webUiPort;

  private LocalCluster() {}

  /** The extension of the shared cluster (register it with {@code @RegisterExtension}). */
  public static LocalCluster shared() {
    return SHARED;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(LocalCluster.class.getName(), key -> new Started(), Started.class);
  }

  /** Stops the cluster when the root store closes, at the end of the JVM's tests. */
  private final class Started implements ExtensionContext.Store.CloseableResource {

    Started() {
      try {
        start();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("the local cluster did not start", e);
      }
    }

    @Override
    public void close() throws Exception {
      stop();
    }
  }

  private synchronized void start() throws IOException, InterruptedException {
    if (masterUrl != null) {
      return;
    }
    Path target = Paths.root().resolve("jobs/target");
    Files.createDirectories(target);
    dir = Files.createTempDirectory(target, "local-cluster-");
    Script run = script(Duration.ofMinutes(3), "start", "--workers", String.valueOf(WORKERS),
        "--gpus-per-worker", String.valueOf(GPUS_PER_WORKER), "--dir", dir.toString());
    if (run.code != 0) {
      throw new IOException("bin/podium-cluster start failed: " + run);
    }
    String[] lines = run.output.strip().split("\n");
    masterUrl = Files.readString(dir.resolve("master-url")).strip();
    if (!lines[lines.length - 1].strip().equals(masterUrl)) {
      throw new IOException("bin/podium-cluster start did not end with the master URL: " + run);
    }
    for (String line : Files.readAllLines(dir.resolve("cluster.env"))) {
      if (line.startsWith("MASTER_WEBUI_PORT=")) {
        webUiPort = Integer.parseInt(line.substring("MASTER_WEBUI_PORT=".length()));
      }
    }
  }

  private synchronized void stop() throws IOException, InterruptedException {
    if (masterUrl == null) {
      return;
    }
    Script run = script(Duration.ofMinutes(1), "stop", "--dir", dir.toString());
    masterUrl = null;
    if (run.code != 0) {
      throw new IOException("bin/podium-cluster stop failed: " + run);
    }
    // The logs stay in jobs/target; the copies of the application jar (one per executor) go.
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)
          && !Files.isSymbolicLink(p)).toList()) {
        Files.deleteIfExists(jar);
      }
    }
  }

  /** spark://127.0.0.1:PORT. */
  public String masterUrl() {
    return checkStarted(masterUrl);
  }

  /** The state folder: logs, pid files, the workers' work dirs worker-I/app-ID/EXECUTOR/stderr. */
  public Path dir() {
    return checkStarted(dir);
  }

  /** http://127.0.0.1:PORT of the master's web UI ({@code /json/} is its state). */
  public String masterWebUi() {
    checkStarted(masterUrl);
    return "http://127.0.0.1:" + webUiPort;
  }

  private <T> T checkStarted(T value) {
    if (value == null) {
      throw new IllegalStateException("the local cluster is not started: register LocalCluster.shared()"
          + " with @RegisterExtension (static field)");
    }
    return value;
  }

  /** The master's state (its web UI's /json/): workers, activeapps, completedapps. */
  public JsonNode masterJson() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(masterWebUi() + "/json/"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("master JSON: HTTP " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The workers the master lists as ALIVE. */
  public List<JsonNode> aliveWorkerNodes() throws IOException, InterruptedException {
    List<JsonNode> alive = new ArrayList<>();
    for (JsonNode worker : masterJson().path("workers")) {
      if ("ALIVE".equals(worker.path("state").asText())) {
        alive.add(worker);
      }
    }
    return alive;
  }

  public int aliveWorkers() throws IOException, InterruptedException {
    return aliveWorkerNodes().size();
  }

  /** Waits until the master lists {@code count} workers ALIVE. */
  public void awaitAliveWorkers(int count, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int alive;
    while ((alive = aliveWorkers()) != count) {
      if (System.nanoTime() > deadline) {
        throw new IOException(alive + " workers ALIVE, not " + count + ", after " + timeout);
      }
      Thread.sleep(200);
    }
  }

  /** The pid of worker i's JVM (1..WORKERS), from its pid file. */
  public long workerPid(int i) throws IOException {
    return Long.parseLong(Files.readString(dir().resolve("worker-" + i + ".pid")).strip());
  }

  /** Worker i's host:port, as the master lists it (from the worker's log). */
  public String workerAddress(int i) throws IOException {
    Matcher m = Pattern.compile("Starting Spark worker (\\S+:\\d+) ")
        .matcher(Files.readString(dir().resolve("worker-" + i + ".log"), StandardCharsets.UTF_8));
    String address = null;
    while (m.find()) {
      address = m.group(1);
    }
    if (address == null) {
      throw new IOException("worker " + i + "'s log names no address yet");
    }
    return address;
  }

  /**
   * The files that worker i's executors (the worker JVM's descendants) hold open now, read from
   * {@code /proc/PID/fd} (Linux): which tasks run where, without the driver's UI.
   */
  public List<Path> openFilesOfExecutors(int i) throws IOException {
    ProcessHandle worker = ProcessHandle.of(workerPid(i))
        .orElseThrow(() -> new IOException("worker " + i + " is not running"));
    List<Path> open = new ArrayList<>();
    for (ProcessHandle executor : worker.descendants().toList()) {
      try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(executor.pid()), "fd"))) {
        for (Path fd : fds.toList()) {
          try {
            open.add(Files.readSymbolicLink(fd));
          } catch (IOException closedMeanwhile) {
            // the descriptor was closed between the listing and the read
          }
        }
      } catch (IOException | UncheckedIOException exited) {
        // the process ended between the listing and the read
      }
    }
    return open;
  }

  /**
   * SIGKILLs worker i's JVM and all its descendants (its executors), as a lost machine; waits until
   * they are gone and the master no longer lists the worker ALIVE.
   */
  public void killWorker(int i) throws IOException, InterruptedException {
    String address = workerAddress(i);
    ProcessHandle worker = ProcessHandle.of(workerPid(i))
        .orElseThrow(() -> new IOException("worker " + i + " is not running"));
    List<ProcessHandle> all = new ArrayList<>();
    all.add(worker);
    worker.descendants().forEach(all::add);
    for (int k = all.size() - 1; k >= 0; k--) {
      all.get(k).destroyForcibly(); // SIGKILL on Unix
    }
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("process " + p.pid() + " of worker " + i + " did not exit after SIGKILL", e);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (aliveWorkerNodes().stream()
        .anyMatch(w -> (w.path("host").asText() + ":" + w.path("port").asText()).equals(address))) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the master still lists worker " + i + " (" + address + ") ALIVE 90 s after its kill");
      }
      Thread.sleep(200);
    }
  }

  /** Starts worker i again (after {@link #killWorker}); returns once it registered with the master. */
  public void restartWorker(int i) throws IOException, InterruptedException {
    Script run = script(Duration.ofMinutes(2), "start-worker", String.valueOf(i), "--dir", dir().toString());
    if (run.code != 0) {
      throw new IOException("bin/podium-cluster start-worker " + i + " failed: " + run);
    }
  }

  /** The executors' stderr files, DIR/worker-I/APP/EXECUTOR/stderr, of one app (or of all: null). */
  public List<Path> executorLogs(String appId) throws IOException {
    try (Stream<Path> files = Files.find(dir(), 4, (p, attrs) -> attrs.isRegularFile()
        && p.getFileName().toString().equals("stderr")
        && p.getParent().getParent().getParent().getFileName().toString().startsWith("worker-")
        && (appId == null || p.getParent().getParent().getFileName().toString().equals(appId)))) {
      return files.sorted().toList();
    }
  }

  private record Script(int code, String output) {
    @Override
    public String toString() {
      return "exit " + code + "\n" + output;
    }
  }

  private static Script script(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.root().resolve("bin/podium-cluster").toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile("podium-cluster", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().put("PODIUM_NO_BUILD", "1"); // the jar of this build; never build from a test
      pb.environment().remove("SPARK_HOME");
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException("bin/podium-cluster " + String.join(" ", args) + " ran over " + timeout + ":\n"
            + Files.readString(log));
      }
      return new Script(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}

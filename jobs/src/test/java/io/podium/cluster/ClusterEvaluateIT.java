package io.podium.cluster;

import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.models.builtin.BuiltinModels;
import io.podium.testing.Cli;
import io.podium.testing.EventLog;
import io.podium.testing.Launcher;
import io.podium.testing.LocalCluster;
import io.podium.testing.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/podium evaluate} on the local standalone cluster (two workers, two fake GPUs each):
 * GPUs scheduled per inference task, and the faults a cluster has (a worker lost mid-chunk, the
 * driver killed mid-run, runs racing for the same table), each survived with every request
 * answered exactly once. Each run's own output and Spark's event log are the evidence.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterEvaluateIT {

  @RegisterExtension
  static final LocalCluster cluster = LocalCluster.shared();

  /** Loglikelihood benchmarks of the bundled samples: 138 requests in 12 shards (bbh 71, gpqa 32, mmlu_pro 25, musr 10). */
  static final String BENCHMARKS = "bbh,gpqa,mmlu_pro,musr";
  /** What the fault tests evaluate: 42 requests in 3 chunks of 3 shards. */
  static final String KILL_BENCHMARKS = "gpqa,musr";
  static final Pattern CHUNK = Pattern.compile("chunk (\\d+)/(\\d+): (\\d+)/(\\d+) requests done, [^;]*; (\\d+) inference"
      + " task\\(s\\), (\\d+) attempt\\(s\\)(?:, (\\d+) lost \\{[^}]*\\}, (\\d+) request\\(s\\) computed again)?");

  @TempDir
  static Path tmp;
  static String warehouse;

  @BeforeAll
  static void ingest() throws IOException {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    warehouse = tmp.resolve("wh").toString();
    Cli run = Cli.run("ingest", "--source", samples.toString(), "--warehouse", warehouse, "--shards", "16",
        "--benchmarks", BENCHMARKS);
    assertEquals(0, run.code, run.toString());
  }

  @Test
  @Order(1)
  void everyInferenceTaskHasAGpuOfItsOwnAndScoresEqualLocalMode() throws Exception {
    Path events = Files.createDirectories(tmp.resolve("events-gpu"));
    String benchmarks = "gpqa,mmlu_pro,musr";
    Launcher run = Launcher.run(tmp, "evaluate", "--warehouse", warehouse, "--model", "builtin:tiny-gpt",
        "--benchmarks", benchmarks, "--shards-per-chunk", "6", "--allow-cpu", "--master", cluster.masterUrl(),
        "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
        "--conf", "spark.eventLog.compress=false", "--conf", "spark.eventLog.rolling.enabled=false");
    assertEquals(0, run.code, run.toString());
    assertTrue(run.output.contains("inference: resource profile"), run.output);
    String key = "podium/tiny-gpt@v1#float32";
    long requests = count("SELECT count(*) FROM " + table("requests") + " WHERE benchmark IN ('gpqa', 'mmlu_pro', 'musr')");

    // Exactly once, each from an executor (not the driver), on a GPU address it was given; the
    // CPU build ran it on the CPU, as --allow-cpu allows, and says so.
    assertEquals(List.of(requests + "," + requests + ",0,0"), content("SELECT count(*), count(DISTINCT request_id),"
        + " count_if(gpu_address IS NULL OR gpu_address NOT IN ('0', '1')), count_if(executor_id = 'driver')"
        + " FROM " + table("predictions") + " WHERE model_key = '" + key + "'"));
    assertEquals(List.of("2"), content("SELECT count(DISTINCT executor_id) FROM " + table("predictions")
        + " WHERE model_key = '" + key + "'")); // one executor per worker, both used
    assertEquals(List.of("CPUExecutionProvider,cpu"), content("SELECT DISTINCT execution_provider, device FROM "
        + table("predictions") + " WHERE model_key = '" + key + "'"));
    Map<Long, String> gpuOfTask = new HashMap<>();
    for (Row r : TestSpark.get().sql("SELECT task_attempt_id, count(DISTINCT executor_id, gpu_address),"
        + " first(executor_id) || '/' || first(gpu_address) FROM " + table("predictions") + " WHERE model_key = '"
        + key + "' GROUP BY task_attempt_id").collectAsList()) {
      assertEquals(1L, r.getLong(1), "task " + r.getLong(0) + " wrote rows with more than one GPU");
      gpuOfTask.put(r.getLong(0), r.getString(2));
    }

    // The scheduler's own record: the inference stages ran with a profile asking for one GPU per
    // task; every other stage ran with the default profile, which asks for none.
    EventLog log = EventLog.readOnly(events);
    Set<Integer> inference = log.stagesWithRdd("podium inference ");
    assertFalse(inference.isEmpty());
    for (Map.Entry<Integer, Integer> stage : log.stageProfiles().entrySet()) {
      Map<String, Double> asks = log.taskResources(stage.getValue());
      if (inference.contains(stage.getKey())) {
        assertNotEquals(0, stage.getValue());
        assertEquals(1.0, asks.get("gpu"), "stage " + stage.getKey() + " " + asks);
      } else {
        assertEquals(0, stage.getValue(), "stage " + stage.getKey() + " is not an inference stage");
        assertFalse(asks.containsKey("gpu"), "the default profile asks for " + asks);
      }
    }
    // No two tasks that ran at the same time had the same GPU of the same executor, and some did
    // run at the same time (on one executor, on its two GPUs).
    List<EventLog.Task> tasks = log.tasks().stream()
        .filter(t -> inference.contains(t.stage()) && t.succeeded() && gpuOfTask.containsKey(t.id())).toList();
    assertEquals(gpuOfTask.keySet(), new HashSet<>(tasks.stream().map(EventLog.Task::id).toList()));
    int concurrentOnOneExecutor = 0;
    for (EventLog.Task a : tasks) {
      for (EventLog.Task b : tasks) {
        if (a.id() < b.id() && a.overlaps(b)) {
          assertNotEquals(gpuOfTask.get(a.id()), gpuOfTask.get(b.id()), "tasks " + a + " and " + b + " shared a GPU");
          concurrentOnOneExecutor += a.executor().equals(b.executor()) ? 1 : 0;
        }
      }
    }
    assertTrue(concurrentOnOneExecutor > 0, "no two inference tasks ran at once on one executor: " + tasks);

    // The same model in local mode (here, in the test JVM) under another key: the same scores.
    Path local = modelFile("tiny-gpt-local", "builtin", "tiny-gpt");
    assertEquals(0, Cli.in(warehouse, "evaluate", "--model", local.toString(), "--benchmarks", benchmarks).code);
    Cli score = Cli.in(warehouse, "score");
    assertEquals(0, score.code, score.toString());
    String scores = "SELECT benchmark, subtask, metric, value, stderr, n FROM " + table("task_scores")
        + " WHERE model_key = '%s' ORDER BY benchmark, subtask, metric";
    List<String> onCluster = content(String.format(scores, key));
    assertFalse(onCluster.isEmpty());
    assertEquals(onCluster, content(String.format(scores, "podium/tiny-gpt-local@v1#float32")));
  }

  @Test
  @Order(2)
  void aGpuTaskThatCannotUseItsGpuFailsNamingTheExecutorTheAddressAndTheFix() throws Exception {
    // This build has ONNX Runtime's CPU engine: no CUDA execution provider for the fake GPUs.
    Launcher run = Launcher.run(tmp, "evaluate", "--warehouse", warehouse, "--model", "builtin:bigram-gpt",
        "--benchmarks", "gpqa", "--limit", "1", "--master", cluster.masterUrl(), "--conf", "spark.task.maxFailures=1");
    assertEquals(1, run.code, run.toString());
    Matcher m = Pattern.compile("cannot run on GPU ([01]) of executor (\\d+) \\(").matcher(run.output);
    assertTrue(m.find(), run.output);
    assertTrue(run.output.contains("Fix: run the GPU build of Podium on GPU executors (mvn -Pgpu package")
        && run.output.contains("allow_cpu: true in the model file, or evaluate --allow-cpu"), run.output);
    assertEquals(0, count("SELECT count(*) FROM " + table("predictions") + " WHERE model_key = 'podium/bigram-gpt@v1#float32'"
        + " AND benchmark = 'gpqa' AND doc_id < 1"));
  }

  @Test
  @Order(3)
  void threeRunsAtOnceTwoOfTheSameModelLoseAndDuplicateNothing() throws Exception {
    Path twice = modelFile("tiny-gpt-twice", "builtin", "tiny-gpt");
    // Three drivers in local mode, each its own JVM: the race is between their Delta commits to
    // one warehouse, the same on a cluster. (Three cluster apps with their executors were tried:
    // on this 2-core machine they took six minutes, for the same commits.)
    String[] small = {"--benchmarks", "gpqa", "--shards-per-chunk", "2", "--warehouse", warehouse,
        "--conf", "spark.master=local[1]"};
    List<Launcher.Running> runs = new ArrayList<>();
    for (String model : List.of(twice.toString(), twice.toString(), "builtin:bigram-gpt")) {
      runs.add(Launcher.start(tmp, concat(new String[] {"evaluate", "--model", model}, small)));
    }
    int failed = 0;
    StringBuilder outputs = new StringBuilder();
    for (Launcher.Running run : runs) {
      Launcher done = run.finish(Duration.ofMinutes(6));
      failed += done.code == 0 ? 0 : 1;
      outputs.append(done).append('\n');
    }
    assertEquals(0, failed, outputs.toString());
    long requests = count("SELECT count(*) FROM " + table("requests") + " WHERE benchmark = 'gpqa'");
    assertEquals(List.of("podium/bigram-gpt@v1#float32," + requests + "," + requests,
            "podium/tiny-gpt-twice@v1#float32," + requests + "," + requests),
        content("SELECT model_key, count(*), count(DISTINCT request_id) FROM " + table("predictions")
            + " WHERE benchmark = 'gpqa' AND model_key IN ('podium/bigram-gpt@v1#float32',"
            + " 'podium/tiny-gpt-twice@v1#float32') GROUP BY model_key ORDER BY model_key"));
    System.out.println("three runs at once:\n" + summaries(outputs.toString()));
  }

  @Test
  @Order(4)
  void aDriverKilledMidRunLosesAtMostTheChunkInFlight() throws Exception {
    // An ONNX export folder on the driver's disk: shipped to the executors as an archive.
    Path export = BuiltinModels.materialize("tiny-gpt", tmp.resolve("exports"));
    Path model = modelFile("tiny-gpt-driver-kill", "onnx", export.toString());
    String key = "podium/tiny-gpt-driver-kill@v1#float32";
    String[] args = {"evaluate", "--model", model.toString(), "--benchmarks", KILL_BENCHMARKS, "--shards-per-chunk", "3",
        "--allow-cpu", "--warehouse", warehouse, "--master", cluster.masterUrl()};
    Launcher.Running first = Launcher.start(tmp, args);
    first.awaitLine(Pattern.compile("chunk 1/\\d+:"), Duration.ofMinutes(4));
    awaitInferenceInFlight(first, 2, 1);
    first.killTree();

    String before = first.output();
    List<long[]> chunks = chunks(before);
    long committed = count("SELECT count(*) FROM " + table("predictions") + " WHERE model_key = '" + key + "'");
    long total = chunks.get(0)[3];
    // What the killed run reported committed is exactly what is there: nothing lost.
    assertEquals(chunks.get(chunks.size() - 1)[2], committed, before);

    Launcher rerun = Launcher.run(tmp, args);
    assertEquals(0, rerun.code, rerun.toString());
    assertTrue(rerun.output.contains(total + " requests, " + committed + " already answered, " + (total - committed)
        + " to compute"), rerun.output);
    assertEquals(List.of(total + "," + total), content("SELECT count(*), count(DISTINCT request_id) FROM "
        + table("predictions") + " WHERE model_key = '" + key + "'"));
    // The rerun's first chunk is the one the killed run had in flight (same shards, same order):
    // the only work done twice, at most one chunk.
    List<long[]> again = chunks(rerun.output);
    long inFlight = again.get(0)[2] - committed;
    long largestChunk = 0;
    for (int i = 0; i < again.size(); i++) {
      largestChunk = Math.max(largestChunk, again.get(i)[2] - (i == 0 ? committed : again.get(i - 1)[2]));
    }
    assertTrue(inFlight > 0 && inFlight <= largestChunk, rerun.output);
    System.out.printf("driver killed: %d of %d requests committed before the kill, %d computed by the rerun,"
        + " of which %d (one chunk) had been in flight%n", committed, total, total - committed, inFlight);
  }

  @Test
  @Order(5)
  void aWorkerLostMidChunkCostsOnlyItsTasksInFlight() throws Exception {
    Path model = modelFile("tiny-gpt-worker-kill", "builtin", "tiny-gpt");
    String key = "podium/tiny-gpt-worker-kill@v1#float32";
    Launcher.Running run = Launcher.start(tmp, "evaluate", "--model", model.toString(), "--benchmarks", KILL_BENCHMARKS,
        "--shards-per-chunk", "3", "--allow-cpu", "--warehouse", warehouse, "--master", cluster.masterUrl());
    Launcher done;
    run.awaitLine(Pattern.compile("chunk 1/\\d+:"), Duration.ofMinutes(4));
    // Killed while an inference task of a later chunk is writing on worker 1's executor (where a
    // task runs is up to the scheduler's locality waits: seen from the files the executor holds open).
    int killed = awaitInferenceOnWorker(run, 1);
    cluster.killWorker(1);
    try {
      done = run.finish(Duration.ofMinutes(5));
    } finally {
      cluster.restartWorker(1);
    }
    assertEquals(0, done.code, done.toString());
    long total = count("SELECT count(*) FROM " + table("requests") + " WHERE benchmark IN ('gpqa', 'musr')");
    assertEquals(List.of(total + "," + total), content("SELECT count(*), count(DISTINCT request_id) FROM "
        + table("predictions") + " WHERE model_key = '" + key + "'"));

    // From the run's own numbers: attempts were lost in the chunk in flight only, and what was
    // computed again is at most its requests; chunks committed before the kill were not computed again.
    List<long[]> chunks = chunks(done.output);
    long lost = 0;
    for (int i = 0; i < chunks.size(); i++) {
      long[] c = chunks.get(i);
      long size = c[2] - (i == 0 ? 0 : chunks.get(i - 1)[2]);
      if (c[0] == killed) {
        assertTrue(c[6] > 0, "no attempt of chunk " + killed + " was lost:\n" + done.output);
        assertTrue(c[7] <= size, done.output);
      } else {
        assertEquals(0, c[6], "chunk " + c[0] + " lost attempts:\n" + done.output);
      }
      lost += c[6];
    }
    assertTrue(done.output.contains(lost + " inference attempt(s) lost"), done.output);
    System.out.println("worker killed:\n" + summaries(done.output));
  }

  /**
   * Waits until an executor of worker {@code worker} holds open a staged predictions file of chunk 2
   * or later (an inference task writes its file from its first row to its commit); returns the chunk.
   */
  private static int awaitInferenceOnWorker(Launcher.Running run, int worker) throws InterruptedException, IOException {
    String staging = Path.of(warehouse).toRealPath().resolve("_staging/predictions").toString();
    Pattern attempt = Pattern.compile(Pattern.quote(staging) + "/[^/]+/chunk-(\\d+)/_temporary/.*attempt_.*");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      for (Path open : cluster.openFilesOfExecutors(worker)) {
        Matcher m = attempt.matcher(open.toString());
        if (m.matches() && Integer.parseInt(m.group(1)) >= 2) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(20);
    }
    run.killTree();
    throw new AssertionError("no inference task of chunk 2 or later ran on worker " + worker + ":\n" + run.output());
  }

  /** Waits until {@code tasks} inference tasks of chunk {@code chunk} are writing at once (staging attempt folders). */
  private static void awaitInferenceInFlight(Launcher.Running run, int chunk, int tasks)
      throws InterruptedException, IOException {
    Path staging = Path.of(warehouse, "_staging", "predictions");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (attemptsWriting(staging, String.format("chunk-%05d", chunk)) >= tasks) {
        return;
      }
      Thread.sleep(20);
    }
    run.killTree();
    throw new AssertionError("chunk " + chunk + " never had " + tasks + " inference tasks at once:\n" + run.output());
  }

  private static int attemptsWriting(Path staging, String chunk) {
    int n = 0;
    try (Stream<Path> runs = Files.list(staging)) {
      for (Path run : runs.toList()) {
        Path attempts = run.resolve(chunk).resolve("_temporary/0/_temporary");
        if (Files.isDirectory(attempts)) {
          try (Stream<Path> list = Files.list(attempts)) {
            n += (int) list.filter(p -> p.getFileName().toString().startsWith("attempt_")).count();
          }
        }
      }
    } catch (NoSuchFileException | UncheckedIOException e) {
      return n; // folders come and go while tasks commit
    } catch (IOException e) {
      return n;
    }
    return n;
  }

  /** The chunk lines of a run: {chunk, chunks, done, total, tasks, attempts, lost, recomputed}. */
  static List<long[]> chunks(String output) {
    List<long[]> chunks = new ArrayList<>();
    Matcher m = CHUNK.matcher(output);
    while (m.find()) {
      long[] c = new long[8];
      for (int g = 1; g <= 8; g++) {
        c[g - 1] = m.group(g) == null ? 0 : Long.parseLong(m.group(g));
      }
      chunks.add(c);
    }
    if (chunks.isEmpty()) {
      throw new AssertionError("no chunk lines in:\n" + output);
    }
    return chunks;
  }

  private static String summaries(String output) {
    StringBuilder lines = new StringBuilder();
    for (String line : output.split("\n")) {
      if (line.contains("chunk ") || line.contains("conflicted") || line.startsWith("complete ")) {
        lines.append(line).append('\n');
      }
    }
    return lines.toString();
  }

  private static Path modelFile(String name, String backend, String uri) throws IOException {
    return Files.writeString(tmp.resolve(name + ".yaml"), "model_id: podium/" + name + "\nrevision: v1\n"
        + "precision: float32\nbackend: " + backend + "\nuri: " + uri + "\n");
  }

  private static String table(String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

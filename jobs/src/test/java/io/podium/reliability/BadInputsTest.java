package io.podium.reliability;

import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.models.builtin.BuiltinModels;
import io.podium.testing.Cli;
import io.podium.testing.Paths;
import io.podium.testing.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad inputs in docs/reliability.md, one case per row: each runs the command on
 * a real warehouse (real Delta tables, real files, a real HTTP server on 127.0.0.1) and checks
 * what the row says Podium does: the exit code and the message, the counts (accepted + rejected =
 * input), that nothing is written that should not be, and that no secret shows.
 */
class BadInputsTest {

  @TempDir
  static Path tmp;

  private static FaultyEndpoint endpoint;
  /** A warehouse holding BBH navigate's three documents (six log-likelihood requests), for the model cases. */
  private static String models;

  private static final String SECRET = "SECRETvalue0451";

  @BeforeAll
  static void start() throws Exception {
    endpoint = new FaultyEndpoint();
    Path source = tmp.resolve("models-source");
    navigate(source, Good.NAVIGATE);
    models = tmp.resolve("models-wh").toString();
    Cli ingest = Cli.in(models, "ingest", "--source", source.toString(), "--benchmarks", "bbh");
    assertEquals(0, ingest.code, ingest.toString());
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  // ------------------------------------------------------------------ the table and its cases

  /** The ids of the rows of docs/reliability.md's "Bad inputs" tables. */
  private static Set<String> rows() throws IOException {
    String doc = Files.readString(Paths.root().resolve("docs/reliability.md"));
    String section = doc.substring(doc.indexOf("## Bad inputs"));
    Set<String> ids = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| ([a-z0-9-]+) \\|").matcher(section);
    while (m.find()) {
      if (!m.group(1).equals("case")) { // the header
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  @Test
  void everyRowOfTheCatalogueIsACaseAndEveryCaseARow() throws Exception {
    Set<String> cases = new TreeSet<>();
    Stream.of(benchmarkFiles(), models(), submissions()).flatMap(s -> s).forEach(a -> cases.add((String) a.get()[0]));
    assertEquals(rows(), cases);
    assertTrue(cases.size() >= 31, cases.size() + " cases");
  }

  // ------------------------------------------------------------------ benchmark files

  /** Good records to put bad ones among. */
  private static final class Good {
    static final List<String> NAVIGATE = List.of(
        "{\"input\": \"If you follow these instructions, do you return to the starting point? Take 2 steps. Turn"
            + " around. Take 2 steps.\\nOptions:\\n- Yes\\n- No\", \"target\": \"Yes\"}",
        "{\"input\": \"If you follow these instructions, do you return to the starting point? Take 1 step.\\nOptions:"
            + "\\n- Yes\\n- No\", \"target\": \"No\"}",
        "{\"input\": \"If you follow these instructions, do you return to the starting point? Turn left. Turn"
            + " right.\\nOptions:\\n- Yes\\n- No\", \"target\": \"Yes\"}");
    static final String MMLU_PRO = "{\"question_id\": %d, \"question\": \"Which of these is a prime number?\","
        + " \"options\": [\"4\", \"6\", \"7\", \"9\"], \"answer\": \"C\", \"answer_index\": 2, \"cot_content\": \"\","
        + " \"category\": \"math\", \"src\": \"podium-test\"}";
  }

  /** BBH navigate's test file (the lines given) and its few-shot prompt, as the hf layout has them. */
  private static Path navigate(Path source, List<String> lines) throws IOException {
    Path file = source.resolve("bbh/navigate/test-00000-of-00001.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    Path prompt = source.resolve("BIG-Bench-Hard/cot-prompts/navigate.txt");
    Files.createDirectories(prompt.getParent());
    try (InputStream in = BadInputsTest.class.getResourceAsStream("/samples/BIG-Bench-Hard/cot-prompts/navigate.txt")) {
      Files.write(prompt, in.readAllBytes());
    }
    return file;
  }

  /** A MATH test record of Level 5, as the MATH dataset's test.jsonl has them. */
  private static String math(int idx, String type) {
    return "{\"problem\": \"What is $1+" + idx + "$?\", \"solution\": \"It is $\\\\boxed{" + (idx + 1) + "}$.\","
        + " \"level\": \"Level 5\", \"type\": \"" + type + "\", \"idx\": " + idx + "}";
  }

  private static List<String> with(List<String> lines, String... more) {
    List<String> out = new ArrayList<>(lines);
    out.addAll(List.of(more));
    return out;
  }

  /**
   * A benchmark-file case.
   *
   * @param source writes the source folder
   * @param benchmark the benchmark ingested
   * @param code the exit code
   * @param message what the output says (a part of it)
   * @param input records in the source
   * @param accepted documents ingested
   * @param reason what every reject's reason says (a part of it), or null for no reject
   */
  record FileCase(Source source, String benchmark, int code, String message, long input, long accepted,
      String reason) {}

  interface Source {
    void write(Path dir) throws Exception;
  }

  static Stream<Arguments> benchmarkFiles() {
    List<String> good = Good.NAVIGATE;
    return Stream.of(
        Arguments.of("malformed-line", new FileCase(d -> navigate(d, with(good, "{\"input\": \"Take 1 step.\", \"target\"")),
            "bbh", 0, "1 rejected record(s)", 4, 3, "malformed JSON")),
        Arguments.of("missing-field", new FileCase(d -> navigate(d, with(good, "{\"input\": \"Take 1 step.\"}")),
            "bbh", 0, "1 rejected record(s)", 4, 3, "target")),
        Arguments.of("wrong-type", new FileCase(d -> navigate(d, with(good, "{\"input\": \"Take 1 step.\", \"target\": 7}")),
            "bbh", 0, "1 rejected record(s)", 4, 3, "target")),
        Arguments.of("unknown-subtask", new FileCase(d -> {
          Path file = d.resolve("math/test.jsonl");
          Files.createDirectories(file.getParent());
          Files.writeString(file, String.join("\n", math(1, "Algebra"), math(2, "Calculus"), math(3, "Geometry"))
              + "\n");
        }, "math_hard", 0, "1 rejected record(s)", 3, 2, "unknown subtask")),
        Arguments.of("unknown-subtask-folder", new FileCase(d -> {
          navigate(d, good);
          Path odd = d.resolve("bbh/navigatee/test-00000-of-00001.jsonl");
          Files.createDirectories(odd.getParent());
          Files.writeString(odd, String.join("\n", good) + "\n");
        }, "bbh", 0, "not read: 1 file(s) at bbh/{subtask}/test-* for no bbh subtask (navigatee); bbh has"
            + " boolean_expressions", 3, 3, null)),
        Arguments.of("empty-file", new FileCase(d -> {
          navigate(d, good);
          Files.write(d.resolve("bbh/navigate/test-00001-of-00002.jsonl"), new byte[0]);
        }, "bbh", 0, "test-00001-of-00002.jsonl holds no record (an empty file)", 3, 3, null)),
        Arguments.of("huge-line", new FileCase(d -> {
          Path file = navigate(d, good);
          try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            out.write("{\"input\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 17; i++) {
              out.write(chunk);
            }
            out.write("\", \"target\": \"Yes\"}\n".getBytes(StandardCharsets.UTF_8));
          }
        }, "bbh", 0, "1 rejected record(s)", 4, 3, "more than the 16,777,216 a record may have")),
        Arguments.of("bom", new FileCase(d -> {
          Path file = navigate(d, good);
          byte[] text = Files.readAllBytes(file);
          byte[] withBom = new byte[text.length + 3];
          withBom[0] = (byte) 0xEF;
          withBom[1] = (byte) 0xBB;
          withBom[2] = (byte) 0xBF;
          System.arraycopy(text, 0, withBom, 3, text.length);
          Files.write(file, withBom);
        }, "bbh", 0, "ingested", 3, 3, null)),
        Arguments.of("invalid-utf8", new FileCase(d -> {
          Path file = navigate(d, good);
          try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            out.write("{\"input\": \"caf".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
            out.write("\", \"target\": \"Yes\"}\n".getBytes(StandardCharsets.UTF_8));
          }
        }, "bbh", 0, "1 rejected record(s)", 4, 3, "not UTF-8 (bytes C3 28")),
        Arguments.of("duplicate-document", new FileCase(d -> {
          Path file = d.resolve("MMLU-Pro/data/test-00000-of-00001.jsonl");
          Files.createDirectories(file.getParent());
          Files.writeString(file, String.join("\n", String.format(Good.MMLU_PRO, 1), String.format(Good.MMLU_PRO, 2),
              String.format(Good.MMLU_PRO, 1)) + "\n");
        }, "mmlu_pro", 0, "1 rejected record(s)", 3, 2, "duplicate question_id 1: the same as the record at")),
        Arguments.of("target-not-a-choice", new FileCase(d -> navigate(d, with(good,
            "{\"input\": \"Take 1 step.\\nOptions:\\n- Yes\\n- No\", \"target\": \"Maybe\"}")),
            "bbh", 0, "is not one of the choices; kept, as the harness keeps it", 4, 4, null)),
        Arguments.of("parquet-wrong-schema", new FileCase(d -> {
          Path file = d.resolve("MMLU-Pro/data/test-00000-of-00001.jsonl");
          Files.createDirectories(file.getParent());
          Files.writeString(file, String.format(Good.MMLU_PRO, 1) + "\n");
          Path staged = d.resolve("staged");
          Dataset<Row> wrong = TestSpark.get().sql("SELECT id AS question_number, 'what?' AS prompt FROM range(2)");
          wrong.coalesce(1).write().parquet(staged.toString());
          try (Stream<Path> parts = Files.list(staged)) {
            Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.move(part, d.resolve("MMLU-Pro/data/test-00001-of-00002.parquet"));
          }
        }, "mmlu_pro", 0, "2 rejected record(s)", 3, 1, "question")),
        Arguments.of("no-known-files", new FileCase(d -> {
          Files.createDirectories(d);
          Files.writeString(d.resolve("README.txt"), "not a benchmark\n");
          Files.writeString(d.resolve("data.csv"), "a,b\n1,2\n");
        }, null, 1, "no shipped layout (", 2, 0, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("benchmarkFiles")
  void benchmarkFile(String id, FileCase c) throws Exception {
    Path source = tmp.resolve("files-" + id);
    c.source().write(source);
    String wh = tmp.resolve("files-wh-" + id).toString();
    List<String> args = new ArrayList<>(List.of("--source", source.toString()));
    if (c.benchmark() != null) {
      args.addAll(List.of("--benchmarks", c.benchmark()));
    }
    if ("math_hard".equals(c.benchmark())) {
      args.addAll(List.of("--layout", "shared-data")); // one file for all subjects, the subject a field
    }
    Cli run = Cli.in(wh, "ingest", args.toArray(String[]::new));
    assertEquals(c.code(), run.code, run.toString());
    assertTrue((run.out + run.err).contains(c.message()), run.toString());
    if (c.code() != 0) {
      assertEquals(1, run.err.lines().count(), "one line: " + run.err);
      assertFalse(Files.exists(Path.of(wh, "benchmark_docs")) && count("SELECT count(*) FROM delta.`" + wh
          + "/benchmark_docs`") > 0, "no document written");
      return;
    }
    long accepted = count("SELECT count(*) FROM delta.`" + wh + "/benchmark_docs` WHERE benchmark = '"
        + c.benchmark() + "'");
    List<String> reasons = content("SELECT reason FROM delta.`" + wh + "/ingest_rejects`");
    assertEquals(c.accepted(), accepted, run.toString());
    assertEquals(c.input(), accepted + reasons.size(), "accepted + rejected = input: " + reasons);
    if (c.reason() == null) {
      assertEquals(List.of(), reasons);
    } else {
      reasons.forEach(r -> assertTrue(r.contains(c.reason()), r));
      // each reject names its file and line
      assertEquals(reasons.size(), count("SELECT count(*) FROM delta.`" + wh + "/ingest_rejects` WHERE source_file"
          + " LIKE '%" + source.getFileName() + "/%' AND line > 0"));
    }
    assertTrue(content("SELECT original FROM delta.`" + wh + "/benchmark_docs`").stream()
        .noneMatch(t -> t.contains("\uFFFD")), "no replacement character: bytes are never guessed");
  }

  // ------------------------------------------------------------------ models

  /**
   * A model case.
   *
   * @param model the --model argument, made by the case
   * @param code the exit code
   * @param message what the one line says (parts of it, in order)
   * @param seconds the most the run may take
   */
  record ModelCase(ModelArg model, int code, List<String> message, int seconds) {}

  interface ModelArg {
    String make(Path dir) throws Exception;
  }

  /** tiny-gpt's export folder, with one file changed by {@code damage}. */
  private static ModelArg export(String name, Damage damage) {
    return dir -> {
      Path folder = BuiltinModels.materialize("tiny-gpt", dir.resolve(name));
      damage.apply(folder);
      return folder.toString();
    };
  }

  interface Damage {
    void apply(Path folder) throws IOException;
  }

  /** A model file for the faulty endpoint (fault set by the case): 2 s calls, a budget of 5 s. */
  private static ModelArg endpointModel(String name, FaultyEndpoint.Fault fault, String uri) {
    return endpointModel(name, fault, uri, 2);
  }

  private static ModelArg endpointModel(String name, FaultyEndpoint.Fault fault, String uri, int retries) {
    return dir -> {
      if (fault != null) {
        endpoint.fault(fault);
      }
      Path file = dir.resolve(name + ".yaml");
      Files.createDirectories(dir);
      Files.writeString(file, "model_id: org/" + name + "\nrevision: r1\nprecision: bfloat16\nbackend: openai\n"
          + "uri: " + (uri != null ? uri : endpoint.baseUrl()) + "\nbatch_size: 2\noptions:\n  timeout_seconds: 2\n"
          + "  max_retries: " + retries + "\n  backoff_ms: 100\n  retry_budget_seconds: 5\n  retry_budget_calls: 20\n");
      return file.toString();
    };
  }

  static Stream<Arguments> models() throws IOException {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    return Stream.of(
        Arguments.of("unknown-builtin", new ModelCase(d -> "builtin:nope", 2,
            List.of("no built-in model 'nope'; the built-in models are tiny-gpt"), 30)),
        Arguments.of("missing-model-onnx", new ModelCase(export("missing-onnx", f -> Files.delete(f.resolve("model.onnx"))),
            1, List.of("has no model.onnx. Fix: "), 30)),
        Arguments.of("corrupt-model-onnx", new ModelCase(export("corrupt-onnx", f -> {
          byte[] junk = new byte[4096];
          new java.util.Random(7).nextBytes(junk);
          junk[0] = (byte) 0xFF; // no ONNX model starts so
          Files.write(f.resolve("model.onnx"), junk);
        }), 1, List.of("model.onnx is not an ONNX model: ", "Fix: export the model again"), 30)),
        Arguments.of("truncated-model-onnx", new ModelCase(export("truncated-onnx", f -> {
          byte[] whole = Files.readAllBytes(f.resolve("model.onnx"));
          Files.write(f.resolve("model.onnx"), Arrays.copyOf(whole, whole.length / 2));
        }), 1, List.of("model.onnx is truncated: field 7 at byte ", "Fix: copy the file again"), 30)),
        Arguments.of("garbage-tokenizer", new ModelCase(export("garbage-tokenizer",
            f -> Files.writeString(f.resolve("tokenizer.json"), "this is not a tokenizer\n")),
            1, List.of("tokenizer.json is not a tokenizer: not JSON", "Fix: "), 30)),
        Arguments.of("no-config-json", new ModelCase(export("no-config", f -> Files.delete(f.resolve("config.json"))),
            1, List.of("has no config.json. Fix: "), 30)),
        Arguments.of("endpoint-down", new ModelCase(endpointModel("down", null, "http://127.0.0.1:" + closedPort + "/v1"),
            1, List.of("GET /models failed (ConnectException", "Fix: start the server"), 30)),
        Arguments.of("endpoint-500", new ModelCase(endpointModel("error500", FaultyEndpoint.Fault.ERROR_500, null),
            1, List.of("failed on request ", "(bbh/navigate doc ", "answered HTTP 500: ", "(3 attempts)",
                "Fix: see the server's log"), 60)),
        Arguments.of("endpoint-429", new ModelCase(endpointModel("limited", FaultyEndpoint.Fault.RATE_LIMITED, null, 10),
            1, List.of("failed on request ", "answered HTTP 429", "the run's retry budget is spent",
                "the server asked to wait 1 s", "Fix: the server limits the request rate"), 60)),
        Arguments.of("endpoint-garbage", new ModelCase(endpointModel("garbage", FaultyEndpoint.Fault.NOT_JSON, null),
            1, List.of("failed on request ", "answered HTTP 200 with something that is not JSON: '<html>",
                "Fix: is uri the base URL"), 60)),
        Arguments.of("endpoint-malformed-json", new ModelCase(endpointModel("malformed",
            FaultyEndpoint.Fault.NOT_A_COMPLETION, null), 1, List.of("failed on request ",
            "answered no choice for this prompt", "Fix: is uri an OpenAI-compatible completions API"), 60)),
        Arguments.of("endpoint-never-answers", new ModelCase(endpointModel("silent", FaultyEndpoint.Fault.NO_ANSWER, null,
            10),
            1, List.of("failed on request ", "did not answer within 2 s", "the run's retry budget is spent",
                "Fix: "), 60)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void model(String id, ModelCase c) throws Exception {
    String model = c.model().make(tmp.resolve("model-" + id));
    long started = System.nanoTime();
    Cli run = Cli.in(models, "evaluate", "--model", model, "--benchmarks", "bbh");
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%s: exit %d in %.1f s: %s", id, run.code, seconds, run.err);
    assertEquals(c.code(), run.code, run.toString());
    assertEquals(1, run.err.lines().count(), "one line: " + run.err);
    int at = 0;
    for (String part : c.message()) {
      int found = run.err.indexOf(part, at);
      assertTrue(found >= 0, "'" + part + "' in order in: " + run.err);
      at = found + part.length();
    }
    assertTrue(seconds <= c.seconds(), id + " took " + seconds + " s");
    // no model of these can answer: no prediction was committed by any
    assertEquals(0, count("SELECT count(*) FROM delta.`" + models + "/predictions`"));
  }

  @Test
  void aRunThatFailsKeepsWhatItCommittedAndARerunDoesTheRest() throws Exception {
    Path source = tmp.resolve("resume-source");
    List<String> docs = new ArrayList<>();
    for (int steps = 1; steps <= 12; steps++) {
      docs.add("{\"input\": \"If you follow these instructions, do you return to the starting point? Take " + steps
          + " steps. Turn around. Take " + steps + " steps.\\nOptions:\\n- Yes\\n- No\", \"target\": \"Yes\"}");
    }
    navigate(source, docs);
    String wh = tmp.resolve("resume-wh").toString();
    assertEquals(0, Cli.in(wh, "ingest", "--source", source.toString(), "--benchmarks", "bbh", "--shards", "4").code);
    long requests = count("SELECT count(*) FROM delta.`" + wh + "/requests`");
    String model = endpointModel("resumed", FaultyEndpoint.Fault.FIRST_CALL_ANSWERS, null).make(tmp.resolve("resume"));
    // one shard per chunk, every request of a task in one call: the first chunk is answered, the next fails
    Files.writeString(Path.of(model), Files.readString(Path.of(model)).replace("batch_size: 2", "batch_size: 16"));
    Cli failed = Cli.in(wh, "evaluate", "--model", model, "--shards-per-chunk", "1");
    assertEquals(1, failed.code, failed.toString());
    assertTrue(failed.err.contains("answered HTTP 500"), failed.err);
    long kept = count("SELECT count(*) FROM delta.`" + wh + "/predictions`");
    assertTrue(kept > 0 && kept < requests, kept + " of " + requests + " committed before the failure");

    endpoint.fault(FaultyEndpoint.Fault.ANSWERS);
    Cli rerun = Cli.in(wh, "evaluate", "--model", model, "--shards-per-chunk", "1");
    assertEquals(0, rerun.code, rerun.toString());
    assertTrue(rerun.out.contains("(" + (requests - kept) + " computed now, " + kept + " done before)"), rerun.out);
    assertEquals(requests, count("SELECT count(*) FROM delta.`" + wh + "/predictions`"));
  }

  @Test
  void aSubmissionWhoseEndpointFailsEndsFailedWithTheLineAsItsReason() throws Exception {
    endpoint.fault(FaultyEndpoint.Fault.ERROR_500);
    String key = "org/served@r1#bfloat16";
    Cli submit = Cli.in(models, "submit", "--model", "org/served", "--revision", "r1", "--precision", "bfloat16",
        "--backend", "openai", "--uri", endpoint.baseUrl());
    assertEquals(0, submit.code, submit.toString());
    assertEquals(0, Cli.in(models, "claim", "--claim-id", "run-1").code);
    long started = System.nanoTime();
    Cli run = Cli.in(models, "evaluate", "--submission", key, "--claim-id", "run-1", "--benchmarks", "bbh");
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(1, run.code, run.toString());
    // the defaults: 3 retries after 1, 2 and 4 s
    assertTrue(seconds < 60, seconds + " s");
    assertTrue(endpoint.completions.get() >= 4, "one call and three retries: " + endpoint.completions.get());
    List<String> row = content("SELECT status, reason FROM delta.`" + models + "/submissions` WHERE model_key = '"
        + key + "'");
    assertTrue(row.get(0).startsWith("FAILED,model " + key + " failed on request "), row.toString());
    assertTrue(row.get(0).contains("answered HTTP 500") && row.get(0).contains("(4 attempts)"), row.toString());
    assertTrue(run.err.contains(row.get(0).substring("FAILED,".length())), "the reason is the line: " + run.err);
  }

  // ------------------------------------------------------------------ submissions

  /**
   * A submission case: {@code submit} with one field replaced.
   *
   * @param option the option given a bad value
   * @param value the bad value
   * @param message what the one line says (a part of it)
   */
  record SubmitCase(String option, String value, String message) {}

  static Stream<Arguments> submissions() {
    return Stream.of(
        Arguments.of("id-with-dot-dot", new SubmitCase("--model", "../../etc/passwd",
            "--model '../../etc/passwd' is not a model id of the form org/name")),
        Arguments.of("revision-with-dot-dot", new SubmitCase("--revision", "../../x",
            "--revision '../../x' is not a revision")),
        Arguments.of("quotes-and-sql", new SubmitCase("--model", "org/x'; DROP TABLE submissions; --",
            "is not a model id of the form org/name")),
        Arguments.of("newline", new SubmitCase("--submitter", "alice\nPENDING", "--submitter 'alice\\nPENDING' is not"
            + " a name")),
        Arguments.of("very-long", new SubmitCase("--model", "org/" + "m".repeat(10_000),
            "(10004 characters) is not a model id")),
        Arguments.of("credentials-in-uri", new SubmitCase("--uri", "s3a://AKIAEXAMPLE:" + SECRET + "@bucket/model",
            "--uri must not carry credentials")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("submissions")
  void submission(String id, SubmitCase c) throws Exception {
    String wh = tmp.resolve("submit-wh").toString();
    Cli good = Cli.in(wh, "submit", "--model", "org/kept-" + id, "--revision", "v1", "--precision", "float32",
        "--backend", "onnx", "--uri", "/models/kept");
    assertEquals(0, good.code, good.toString());
    List<String> before = content("SELECT * EXCEPT (updated_at) FROM delta.`" + wh + "/submissions`");

    List<String> args = new ArrayList<>(List.of("--model", "org/m", "--revision", "v1", "--precision", "float32",
        "--backend", "onnx", "--uri", "/models/m", "--submitter", "alice"));
    args.set(args.indexOf(c.option()) + 1, c.value());
    for (boolean dryRun : new boolean[] {true, false}) {
      List<String> line = new ArrayList<>(args);
      if (dryRun) {
        line.add("--dry-run");
      }
      Cli run = Cli.in(wh, "submit", line.toArray(String[]::new));
      assertEquals(2, run.code, run.toString());
      assertTrue(run.err.contains(c.message()), run.toString());
      assertEquals(1, run.err.lines().count(), "one line: " + run.err);
      assertFalse((run.out + run.err).contains(SECRET), "the secret shows: " + run);
    }
    List<String> after = content("SELECT * EXCEPT (updated_at) FROM delta.`" + wh + "/submissions`");
    assertEquals(before, after, "nothing written");
    assertTrue(after.stream().noneMatch(r -> r.contains(SECRET)));
  }
}

package io.podium.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.CommandLine;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.models.Backends;
import io.podium.testing.Paths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code --dry-run}: the arguments are parsed and validated as the command would, and nothing
 * runs (no SparkSession). Runs in this JVM without touching Spark.
 */
class DryRunTest {

  /** Output and exit code of one command line. */
  private record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private static Result run(CommandLine podium, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = podium.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Result run(String... args) {
    return run(Podium.commandLine(), args);
  }

  private static void assertValid(String... args) {
    boolean sessionBefore = SparkSession.getDefaultSession().isDefined();
    long start = System.nanoTime();
    Result r = run(args);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, r.code(), String.join(" ", args) + "\n" + r);
    assertEquals("dry run: podium " + args[0] + " arguments are valid\n", r.out().replace("\r\n", "\n"), r.toString());
    if (!sessionBefore) {
      assertFalse(SparkSession.getDefaultSession().isDefined(), "a dry run started Spark: " + String.join(" ", args));
      assertFalse(SparkSession.getActiveSession().isDefined(), "a dry run started Spark: " + String.join(" ", args));
    }
    assertTrue(seconds < 5, "a dry run took " + seconds + " s: " + String.join(" ", args));
  }

  private static void assertUsageError(String expected, String... args) {
    Result r = run(args);
    assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
    assertTrue(r.err().contains(expected), "expected '" + expected + "' for " + String.join(" ", args) + "\n" + r);
    assertFalse(r.out().contains("dry run:"), r.toString());
  }

  /** A model file with that YAML, in a new temporary folder. */
  private static String modelFile(String yaml) {
    try {
      java.nio.file.Path file = Files.createTempDirectory("podium-dry-run").resolve("model.yaml");
      Files.writeString(file, yaml);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void validArgumentsOfEveryCommandExitZeroWithoutSpark() {
    assertValid("ingest", "--source", "s3a://bucket/benchmarks", "--shards", "16", "--fewshot-source",
        "mmlu_pro=/data/validation.parquet", "--warehouse", "s3a://bucket/podium", "--dry-run");
    assertValid("evaluate", "--model", "builtin:tiny-gpt", "--limit", "5", "--dry-run");
    assertValid("evaluate", "--model", Paths.root().resolve("conf/models/bigram-gpt.yaml").toString(), "--dry-run");
    assertValid("score", "--dry-run");
    assertValid("score", "--model", "org/name@rev#bfloat16", "--math-method", "corrected", "--dry-run");
    assertValid("score", "--model", "org/name@rev#bfloat16", "--math-method", "leaderboard_fork", "--dry-run");
    assertValid("score", "--model", "org/name@rev#bfloat16", "--math-method", "sympy_2024", "--dry-run");
    assertValid("score-responses", "--benchmark", "ifeval", "--input", "r.jsonl", "--prompts", "p.jsonl",
        "--output", "out", "--dry-run");
    assertValid("score-responses", "--benchmark", "math_hard", "--input", "r.jsonl", "--docs", "d.jsonl",
        "--output", "v.jsonl", "--dry-run");
    assertValid("snapshot", "--replicates", "200", "--dry-run");
    assertValid("import-harness", "results_2025.json", "--dry-run");
    assertValid("export-harness", "--model", "org/name@main#bfloat16", "--out", "results", "--dry-run");
    assertValid("sql", "SELECT 1", "--dry-run");
    assertValid("sql", "-f", "report.sql", "--format", "csv", "--dry-run");
    assertValid("demo", "--dry-run");
    assertValid("benchmark-inference", "--model", "builtin:tiny-gpt", "--repeat", "1", "--dry-run");
    // Anywhere on the line.
    assertValid("snapshot", "--dry-run", "--warehouse", "/tmp/w");
  }

  @Test
  void invalidArgumentsExitTwoWithTheCommandsMessage() {
    assertUsageError("--source is required", "ingest", "--dry-run");
    assertUsageError("--shards must be at least 1", "ingest", "--source", "x", "--shards", "0", "--dry-run");
    assertUsageError("--fewshot-source takes BENCHMARK=PATH", "ingest", "--source", "x", "--fewshot-source",
        "nope", "--dry-run");
    assertUsageError("unknown option --sauce", "ingest", "--sauce", "x", "--dry-run");
    assertUsageError("give --model (e.g. --model builtin:tiny-gpt) or --submission KEY", "evaluate", "--dry-run");
    assertUsageError("--limit needs an integer", "evaluate", "--model", "builtin:tiny-gpt", "--limit", "many",
        "--dry-run");
    // The model spec is checked in a dry run as before a run: one line, what and the fix.
    assertUsageError("podium evaluate: --model builtin:nope: no built-in model 'nope'; the built-in models are"
        + " tiny-gpt, bigram-gpt, tiny-llama, qwen2.5-0.5b-shape, llama-3-8b-layer-shape, sphinx-trigram",
        "evaluate", "--model", "builtin:nope", "--dry-run");
    assertUsageError("--model /nowhere/model.yaml: model file /nowhere/model.yaml does not exist", "evaluate",
        "--model", "/nowhere/model.yaml", "--dry-run");
    assertUsageError("an openai uri is the endpoint's base URL", "evaluate", "--model", modelFile(
        "model_id: org/m\nbackend: openai\nuri: localhost:8000\n"), "--dry-run");
    assertUsageError("--math-method", "score", "--math-method", "guess", "--dry-run");
    assertUsageError("--benchmark is required", "score-responses", "--dry-run");
    assertUsageError("--prompts is required", "score-responses", "--benchmark", "ifeval", "--input", "r",
        "--output", "o", "--dry-run");
    assertUsageError("--benchmark must be ifeval or math_hard", "score-responses", "--benchmark", "bbh",
        "--input", "r", "--output", "o", "--dry-run");
    assertUsageError("--replicates must be at least 100", "snapshot", "--replicates", "10", "--dry-run");
    assertUsageError("--type 'robot' is not one of", "submit", "--model", "org/m", "--revision", "v1", "--precision",
        "float32", "--backend", "builtin", "--uri", "tiny-gpt", "--type", "robot", "--dry-run");
    assertUsageError("name at least one results file", "import-harness", "--dry-run");
    assertUsageError("podium export-harness: --out is required", "export-harness", "--model", "m@r#p", "--dry-run");
    assertUsageError("give one statement", "sql", "--dry-run");
    assertUsageError("not both", "sql", "SELECT 1", "--file", "a.sql", "--dry-run");
    assertUsageError("unknown format", "sql", "SELECT 1", "--format", "xml", "--dry-run");
    assertUsageError("--limit and --repeat must be at least 1", "benchmark-inference", "--repeat", "0", "--dry-run");
    assertUsageError("unknown command 'nope'", "nope", "--dry-run");
  }

  @Test
  void aDryRunValidatesAndNeverRunsWhileARunValidatesFirst() {
    int[] runs = {0};
    Command probe = new Command() {
      public String name() {
        return "probe";
      }

      public String summary() {
        return "test command";
      }

      public String usage() {
        return "--need X";
      }

      public List<Option> options() {
        return List.of(Option.value("need", "X", "required"));
      }

      @Override
      public void validate(ParsedArgs args) {
        if (args.get("need") == null) {
          throw new UsageException("podium probe: --need is required");
        }
      }

      public int run(ParsedArgs args, CommandContext context) {
        runs[0]++;
        return 0;
      }
    };
    CommandLine podium = new CommandLine(List.of(probe));
    assertEquals(0, run(podium, "probe", "--need", "x", "--dry-run").code());
    assertEquals(0, runs[0], "a dry run ran the command");
    Result missing = run(podium, "probe", "--dry-run");
    assertEquals(2, missing.code(), missing.toString());
    assertTrue(missing.err().contains("--need is required"), missing.toString());
    // Without --dry-run the same validation stops the run before it starts.
    assertEquals(2, run(podium, "probe").code());
    assertEquals(0, runs[0], "a run started on arguments its validate refused");
    assertEquals(0, run(podium, "probe", "--need", "x").code());
    assertEquals(1, runs[0]);
  }

  @Test
  void helpListsDryRun() {
    Result r = run("ingest", "--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("--dry-run"), r.out());
  }

  @Test
  void helpColumnsLineUpAndEvaluateNamesEveryBackend() {
    String commands = run("--help").out();
    assertAlignedAfterTwoSpaces(commands.lines().filter(l -> l.startsWith("  ")).toList(), commands);
    String evaluate = run("evaluate", "--help").out();
    assertAlignedAfterTwoSpaces(evaluate.lines().filter(l -> l.startsWith("  --")).toList(), evaluate);
    for (String backend : Backends.names()) {
      assertTrue(evaluate.contains(backend), backend + " missing from:\n" + evaluate);
    }
  }

  /** Every line's second column starts at the same place. */
  private static void assertAlignedAfterTwoSpaces(List<String> lines, String all) {
    assertTrue(lines.size() > 3, all);
    Set<Integer> starts = new TreeSet<>();
    for (String line : lines) {
      Matcher m = Pattern.compile("^  \\S.*?\\S  +(\\S)").matcher(line);
      assertTrue(m.find(), line);
      starts.add(m.start(1));
    }
    assertEquals(1, starts.size(), "columns start at " + starts + ":\n" + all);
  }
}

package io.podium.evaluate;

import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.ModelSpec;
import io.podium.models.Models;
import io.podium.models.onnx.OnnxDecoderModel;
import io.podium.udf.HadoopModelFolders;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate job on real Spark and Delta with the built-in ONNX models. */
class EvaluateTest {

  @TempDir
  static Path tmp;
  static String warehouse;

  @BeforeAll
  static void ingest() throws Exception {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    warehouse = tmp.resolve("wh").toString();
    Cli run = Cli.run("ingest", "--source", samples.toString(), "--warehouse", warehouse, "--shards", "16",
        "--benchmarks", "bbh,gpqa,musr,mmlu_pro,math_hard");
    assertEquals(0, run.code, run.toString());
  }

  static String table(String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  private static Cli evaluate(String... args) {
    return Cli.in(warehouse, "evaluate", args);
  }

  @Test
  void aStoppedRunResumesAndEveryRequestIsAnsweredExactlyOnce() {
    String key = "podium/tiny-gpt@v1#float32";
    long total = count("SELECT count(*) FROM " + table("requests") + " WHERE benchmark <> 'math_hard'");
    Cli first = evaluate("--model", "builtin:tiny-gpt", "--benchmarks", "bbh,gpqa,musr,mmlu_pro",
        "--shards-per-chunk", "2", "--max-chunks", "2");
    assertEquals(3, first.code, first.toString());
    assertTrue(first.out.contains("INCOMPLETE"), first.out);
    long afterFirst = count("SELECT count(*) FROM " + table("predictions") + " WHERE model_key = '" + key + "'");
    assertTrue(afterFirst > 0 && afterFirst < total, afterFirst + " of " + total);

    Cli second = evaluate("--model", "builtin:tiny-gpt", "--benchmarks", "bbh,gpqa,musr,mmlu_pro",
        "--shards-per-chunk", "2");
    assertEquals(0, second.code, second.toString());
    assertTrue(second.out.contains("(" + (total - afterFirst) + " computed now, " + afterFirst + " done before)"),
        second.out);
    assertEquals(total, count("SELECT count(*) FROM " + table("predictions") + " WHERE model_key = '" + key + "'"));
    assertEquals(total, count("SELECT count(DISTINCT request_id) FROM " + table("predictions")
        + " WHERE model_key = '" + key + "'"));
    assertEquals(0, count("SELECT count(*) FROM " + table("requests") + " r LEFT ANTI JOIN " + table("predictions")
        + " p ON p.request_id = r.request_id AND p.model_key = '" + key + "' WHERE r.benchmark <> 'math_hard'"));

    // A third run has nothing to do and commits nothing.
    long version = TestSpark.get().sql("DESCRIBE HISTORY " + table("predictions") + " LIMIT 1").first().getLong(0);
    Cli third = evaluate("--model", "builtin:tiny-gpt", "--benchmarks", "bbh,gpqa,musr,mmlu_pro");
    assertEquals(0, third.code, third.toString());
    assertTrue(third.out.contains("(0 computed now, " + total + " done before)"), third.out);
    assertEquals(version, TestSpark.get().sql("DESCRIBE HISTORY " + table("predictions") + " LIMIT 1").first().getLong(0));
  }

  @Test
  void resultsDoNotDependOnPartitioningBatchingOrPrefixSharing() throws Exception {
    Path spec = tmp.resolve("tiny-unshared.yaml");
    Files.writeString(spec, "model_id: podium/tiny-gpt-unshared\nrevision: v1\nbackend: builtin\nuri: tiny-gpt\n"
        + "batch_size: 3\nprefix_sharing: false\n");
    assertEquals(0, evaluate("--model", "builtin:tiny-gpt", "--benchmarks", "musr,mmlu_pro",
        "--shards-per-chunk", "16").code);
    assertEquals(0, evaluate("--model", spec.toString(), "--benchmarks", "musr,mmlu_pro",
        "--shards-per-chunk", "1").code);
    Row worst = TestSpark.get().sql("SELECT count(*), max(abs(a.loglikelihood - b.loglikelihood)),"
        + " 0 FROM " + table("predictions") + " a JOIN "
        + table("predictions") + " b USING (request_id) WHERE a.model_key = 'podium/tiny-gpt@v1#float32'"
        + " AND b.model_key = 'podium/tiny-gpt-unshared@v1#float32'").first();
    assertEquals(35, worst.getLong(0));
    assertTrue(worst.getDouble(1) <= 1e-4, "max |delta| " + worst.getDouble(1));
    // is_greedy can flip where two logits tie within float rounding, so it is not compared here
    // (the engine's own tests compare it on fixed inputs).
  }

  @Test
  void theModelRunsOncePerRequest() throws Exception {
    // The Delta MERGE of a chunk must not evaluate its source (the model) a second time: the
    // engine of the Spark tasks forwards exactly the tokens one direct pass over the requests does.
    Path file = tmp.resolve("tiny-once.yaml");
    Files.writeString(file, "model_id: podium/tiny-once\nrevision: v1\nbackend: builtin\nuri: tiny-gpt\n");
    assertEquals(0, evaluate("--model", file.toString(), "--benchmarks", "musr", "--shards-per-chunk", "4").code);
    ModelSpec spec = ModelSpec.parse(file.toString());
    HadoopModelFolders folders = HadoopModelFolders.from(TestSpark.get().sparkContext().hadoopConfiguration());
    OnnxDecoderModel inTasks = (OnnxDecoderModel) Models.get(spec, null, 1, folders); // one core per task
    OnnxDecoderModel direct = (OnnxDecoderModel) Models.get(spec, null, 2, folders);
    List<LoglikelihoodRequest> requests = TestSpark.get().sql("SELECT context, continuation FROM "
        + table("requests") + " WHERE benchmark = 'musr'").collectAsList().stream()
        .map(r -> new LoglikelihoodRequest(r.getString(0), r.getString(1))).toList();
    direct.loglikelihood(requests);
    assertTrue(direct.tokensForwarded() > 0);
    assertEquals(direct.tokensForwarded(), inTasks.tokensForwarded());
  }

  @Test
  void concurrentRunsForTwoModelsLoseAndDuplicateNothing() throws Exception {
    Cli.run("sql", "--warehouse", warehouse, "SELECT 1"); // opens this warehouse in the session
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<EvaluateJob.Summary>> runs = List.of("builtin:bigram-gpt", "builtin:tiny-gpt").stream()
          .map(model -> pool.submit(() -> new EvaluateJob(TestSpark.get(), PodiumConf.benchmarks(), warehouse, new java.io.PrintStream(
              java.io.OutputStream.nullOutputStream())).run(new EvaluateJob.Options(ModelSpec.parse(model), null,
              List.of("gpqa"), null, 2, null))))
          .toList();
      for (Future<EvaluateJob.Summary> run : runs) {
        assertTrue(run.get().complete());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(List.of("podium/bigram-gpt@v1#float32,32,32", "podium/tiny-gpt@v1#float32,32,32"),
        content("SELECT model_key, count(*), count(DISTINCT request_id) FROM " + table("predictions")
            + " WHERE benchmark = 'gpqa' GROUP BY model_key"));
  }

  @Test
  void twoRunsOfTheSameModelAtOnceWriteEachPredictionOnce() throws Exception {
    Cli.run("sql", "--warehouse", warehouse, "SELECT 1"); // opens this warehouse in the session
    ModelSpec twice = new ModelSpec("podium/tiny-gpt-twice", "v1", "float32", "builtin", "tiny-gpt", null, null);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<java.io.ByteArrayOutputStream> outputs = List.of(new java.io.ByteArrayOutputStream(),
        new java.io.ByteArrayOutputStream());
    try {
      // Four shards per chunk: both runs commit chunk after chunk into the same partition.
      List<Future<EvaluateJob.Summary>> runs = outputs.stream()
          .map(out -> pool.submit(() -> new EvaluateJob(TestSpark.get(), PodiumConf.benchmarks(), warehouse,
              new java.io.PrintStream(out, true)).run(new EvaluateJob.Options(twice, null, List.of("gpqa"), null, 4,
              null))))
          .toList();
      for (Future<EvaluateJob.Summary> run : runs) {
        assertTrue(run.get().complete());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(List.of("32,32"), content("SELECT count(*), count(DISTINCT request_id) FROM " + table("predictions")
        + " WHERE model_key = '" + twice.modelKey() + "'"));
    // Each row was written by one of the two runs, by the task attempt it names, on the CPU of local mode.
    assertEquals(List.of("CPUExecutionProvider,driver,true,true"), content("SELECT DISTINCT execution_provider,"
        + " executor_id, gpu_address IS NULL, task_attempt_id >= 0 FROM " + table("predictions")
        + " WHERE model_key = '" + twice.modelKey() + "'"));
    String both = outputs.get(0) + "\n" + outputs.get(1);
    assertTrue(both.contains("inference: default profile: local mode has no GPU scheduling"), both);
  }

  @Test
  void generationRequestsAreAnsweredAndCutAtTheStopSequence() {
    Cli run = evaluate("--model", "builtin:bigram-gpt", "--benchmarks", "math_hard", "--limit", "1");
    assertEquals(0, run.code, run.toString());
    List<Row> rows = TestSpark.get().sql("SELECT generated_text, generated_tokens, stop_reason FROM "
        + table("predictions") + " WHERE model_key = 'podium/bigram-gpt@v1#float32' AND benchmark = 'math_hard'")
        .collectAsList();
    assertEquals(3, rows.size()); // doc 0 of the three sample subjects
    for (Row r : rows) {
      assertTrue(!r.getString(0).contains("Problem:"), r.getString(0));
      assertTrue(r.getInt(1) > 0 && r.getInt(1) <= 1024);
      assertTrue(List.of("Problem:", "<eos>", "max_gen_toks").contains(r.getString(2)), r.getString(2));
    }
  }

  @Test
  void aModelThatIsNotThereFailsOnTheDriverInOneLine() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("no-such-model"));
    Cli missing = evaluate("--model", folder.toString(), "--benchmarks", "musr");
    assertEquals(1, missing.code, missing.toString());
    assertEquals("podium evaluate failed: model folder " + folder + " has no model.onnx. Fix: give the folder of an"
        + " Optimum ONNX export (model.onnx, tokenizer.json, config.json); export the model again with optimum-cli"
        + " export onnx --task text-generation-with-past, and copy the whole folder\n", missing.err,
        missing.toString());
    assertEquals(0, count("SELECT count(*) FROM " + table("predictions") + " WHERE model_key LIKE 'no-such-model@%'"));

    Cli unknown = evaluate("--model", "builtin:nope", "--benchmarks", "musr");
    assertEquals(2, unknown.code, unknown.toString());
    assertTrue(unknown.err.startsWith("podium evaluate: --model builtin:nope: no built-in model 'nope'; the built-in"
        + " models are tiny-gpt, "), unknown.err);
    assertEquals(1, unknown.err.lines().count(), unknown.err);
  }

  @Test
  void sqlFunctionsScoreAndGenerate() {
    Cli run = Cli.run("sql", "--warehouse", warehouse, "--format", "csv",
        "SELECT podium_loglikelihood('builtin:bigram-gpt', 'The answer is', ' the') >"
            + " podium_loglikelihood('builtin:bigram-gpt', 'The answer is', ' xqz') AS english_wins,"
            + " length(podium_generate('builtin:bigram-gpt', 'Once upon a time', 8)) > 0 AS generated,"
            + " podium_loglikelihood('builtin:sphinx-trigram', 'I would like a cup of', ' coffee') >"
            + " podium_loglikelihood('builtin:sphinx-trigram', 'I would like a cup of', ' gravel') AS trigram_knows");
    assertEquals(0, run.code, run.toString());
    assertEquals("english_wins,generated,trigram_knows\r\ntrue,true,true\r\n", run.out);
  }
}

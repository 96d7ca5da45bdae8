package io.podium.bench;

import static org.apache.spark.sql.functions.col;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import io.podium.evaluate.EvaluateJob;
import io.podium.models.ContinuationSplitter;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.ModelSpec;
import io.podium.models.onnx.OnnxDecoderModel;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code podium benchmark-inference}: measures the evaluate job against a bare ONNX Runtime
 * loop over the same log-likelihood requests and model, side by side, and counts the tokens
 * prefix sharing saves on the ingested request set. A benchmark, not a test: it prints numbers.
 */
public final class InferenceBenchmarkCommand implements Command {

  @Override
  public String name() {
    return "benchmark-inference";
  }

  @Override
  public String summary() {
    return "benchmark: evaluate job vs a bare ONNX Runtime loop (tokens/s), and prefix-sharing token counts";
  }

  @Override
  public String usage() {
    return "--model builtin:NAME [--benchmarks LIST] [--limit N] [--repeat N]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("model", "SPEC", "a built-in model (builtin:tiny-gpt or builtin:bigram-gpt) or ONNX folder"),
        Option.repeated("benchmarks", "LIST", "benchmarks whose loglikelihood requests are timed (default all)"),
        Option.value("limit", "N", "documents per subtask for the timed runs (default 20)"),
        Option.value("repeat", "N", "timed rounds of each side, alternating (default 3)"),
        Option.flag("count-prefix-sharing", "also count the tokens forwarded with and without prefix sharing over"
            + " every loglikelihood request (tokenizes the whole set: slow)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.getInt("limit", 20) < 1 || args.getInt("repeat", 3) < 1) {
      throw new UsageException("--limit and --repeat must be at least 1");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    String model = args.get("model", "builtin:tiny-gpt");
    ModelSpec base = ModelSpec.parse(model);
    int limit = args.getInt("limit", 20);
    int repeat = args.getInt("repeat", 3);
    SparkSession spark = context.spark();
    PrintStream out = context.out();
    List<String> benchmarks = args.getList("benchmarks");

    Dataset<Row> all = spark.table(Warehouse.qualified(Tables.REQUESTS))
        .where(col("request_type").equalTo("loglikelihood"));
    if (!benchmarks.isEmpty()) {
      all = all.where(col("benchmark").isin(benchmarks.toArray()));
    }
    Path folder = BenchModels.localFolder(base, spark);
    long loadStart = System.nanoTime();
    try (OnnxDecoderModel engine = new OnnxDecoderModel(base.modelKey(), folder, OnnxDecoderModel.Options.defaults())) {
      out.printf("bare engine loaded in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
      if (args.has("count-prefix-sharing")) {
        prefixSharing(all, engine, out);
      }

      List<Row> timed = all.where(col("doc_id").lt(limit))
          .orderBy("benchmark", "subtask", "doc_id", "request_index").collectAsList();
      out.printf("%ntimed set: %d loglikelihood requests (first %d documents of each subtask)%n", timed.size(), limit);
      List<LoglikelihoodRequest> requests = new ArrayList<>();
      for (Row r : timed) {
        requests.add(new LoglikelihoodRequest(r.getAs("context"), r.getAs("continuation")));
      }
      engine.loglikelihood(requests.subList(0, Math.min(32, requests.size()))); // warm-up
      out.printf("%-6s %12s %12s %7s %14s %7s %9s%n", "round", "bare tok/s", "job tok/s", "ratio",
          "job-run tok/s", "ratio", "plan s");
      // One model key for every round, its predictions deleted after each: round 1's job loads the
      // model on the executors (as the bare engine was loaded above, untimed), later rounds find it
      // loaded, as the chunks of a long run do.
      ModelSpec bench = new ModelSpec(base.modelId() + "-bench-" + System.nanoTime(), base.revision(),
          base.precision(), base.backend(), base.uri(), base.batchSize(), base.prefixSharing());
      double bareSum = 0;
      double jobSum = 0;
      double runSum = 0;
      for (int round = 1; round <= repeat; round++) {
        double bare = bareLoop(engine, requests);
        EvaluateJob.Summary s = evaluateJob(spark, context.warehouse().root(), bench, benchmarks, limit);
        double job = s.tokens() / s.seconds();
        double run = s.tokens() / (s.seconds() - s.planSeconds());
        bareSum += bare;
        jobSum += job;
        runSum += run;
        out.printf("%-6d %12.0f %12.0f %7.2f %14.0f %7.2f %9.1f%n", round, bare, job, job / bare, run, run / bare,
            s.planSeconds());
      }
      out.printf("%-6s %12.0f %12.0f %7.2f %14.0f %7.2f%n", "mean", bareSum / repeat, jobSum / repeat,
          jobSum / bareSum, runSum / repeat, runSum / bareSum);
      out.println("job: the whole evaluate job (round 1 loads the model on the executors); job-run: after planning"
          + " (reading requests and predictions for resume)");
    }
    return 0;
  }

  /** The same batching as the Spark task: whole documents, about 256 requests per call. */
  private static double bareLoop(OnnxDecoderModel engine, List<LoglikelihoodRequest> requests) {
    long start = System.nanoTime();
    long tokens = 0;
    for (int s = 0; s < requests.size(); s += 256) {
      for (LoglikelihoodResult r : engine.loglikelihood(requests.subList(s, Math.min(requests.size(), s + 256)))) {
        tokens += r.contextTokens() + r.tokens();
      }
    }
    return tokens / ((System.nanoTime() - start) / 1e9);
  }

  /** The evaluate job under the benchmark's own model key; its predictions are deleted after, so every round computes all. */
  private static EvaluateJob.Summary evaluateJob(SparkSession spark, String warehouse, ModelSpec spec, List<String> benchmarks,
      int limit) throws java.io.IOException {
    List<String> names = benchmarks.isEmpty() ? loglikelihoodBenchmarks(spark) : benchmarks;
    EvaluateJob.Summary s = new EvaluateJob(spark, PodiumConf.benchmarks(), warehouse, new PrintStream(java.io.OutputStream.nullOutputStream()))
        .run(new EvaluateJob.Options(spec, null, names, limit, 64, null));
    spark.sql("DELETE FROM " + Warehouse.qualified(Tables.PREDICTIONS) + " WHERE model_key = "
        + SqlLiterals.string(spec.modelKey()));
    return s;
  }

  private static List<String> loglikelihoodBenchmarks(SparkSession spark) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.table(Warehouse.qualified(Tables.REQUESTS)).where(col("request_type").equalTo("loglikelihood"))
        .select("benchmark").distinct().collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  /**
   * Tokens forwarded over the whole request set, with the model's tokenizer: with prefix
   * sharing each document's context but its last token once, then each continuation after
   * that last token; without, each request's context and continuation but the last token.
   */
  private static void prefixSharing(Dataset<Row> all, OnnxDecoderModel engine, PrintStream out) {
    long requests = 0;
    long shared = 0;
    long separate = 0;
    Set<String> seen = new HashSet<>();
    java.util.Iterator<Row> it = all.select("benchmark", "subtask", "doc_id", "context", "continuation")
        .toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      ContinuationSplitter.Split split = ContinuationSplitter.truncate(ContinuationSplitter.split(
          engine.tokenizer(), r.getString(3), r.getString(4)), engine.maxLength());
      int ctx = split.context().length;
      int cont = split.continuation().length;
      requests++;
      separate += ctx + cont - 1;
      shared += cont;
      if (seen.add(r.getString(0) + "/" + r.getString(1) + "/" + r.getInt(2) + "/" + ctx)) {
        shared += ctx - 1;
      }
    }
    out.printf("prefix sharing over %d loglikelihood requests: %d tokens forwarded with sharing, %d scoring each"
        + " choice separately (%.2fx fewer)%n", requests, shared, separate, separate / (double) Math.max(shared, 1));
  }
}

package io.podium.bench;

import static org.apache.spark.sql.functions.col;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.ModelSpec;
import io.podium.models.onnx.DecoderShape;
import io.podium.models.onnx.OnnxDecoderModel;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code podium benchmark-engine}: the ONNX Runtime engine alone on a fixed slice of the
 * ingested requests (the first documents of every benchmark): prefill tokens/s over the
 * log-likelihood requests, generated tokens/s over the generation requests, the process's peak
 * resident memory in each phase, and the FLOPs done per second against this machine's
 * matrix-multiply peak measured in the same run. A benchmark, not a test: it prints numbers.
 */
public final class EngineBenchmarkCommand implements Command {

  @Override
  public String name() {
    return "benchmark-engine";
  }

  @Override
  public String summary() {
    return "benchmark: the ONNX engine on a slice of every benchmark (prefill and generation tok/s, peak memory, FLOP/s)";
  }

  @Override
  public String usage() {
    return "--model builtin:NAME|ONNX-FOLDER [--benchmarks LIST] [--docs N] [--requests N] [--max-gen-toks N] [--threads N] [--max-batch-tokens N]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("model", "SPEC", "a built-in ONNX model (e.g. builtin:qwen2.5-0.5b-shape) or an ONNX folder"),
        Option.repeated("benchmarks", "LIST", "benchmarks in the slice (default all)"),
        Option.value("docs", "N", "documents per subtask in the slice (default 2)"),
        Option.value("requests", "N", "at most N requests per benchmark, the first (default all of the documents')"),
        Option.value("max-gen-toks", "N", "generation limit per request, at most the task's (default 32)"),
        Option.value("threads", "N", "ONNX Runtime threads (default: every core)"),
        Option.value("max-batch-tokens", "N", "rows x length per pass at most (default the engine's, 4096)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.getInt("docs", 2) < 1 || args.getInt("requests", Integer.MAX_VALUE) < 1 || args.getInt("max-gen-toks", 32) < 1 || args.getInt("threads", 0) < 0) {
      throw new UsageException("--docs and --max-gen-toks must be at least 1, --threads at least 0");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    ModelSpec spec = ModelSpec.parse(args.get("model", "builtin:tiny-llama"));
    int docs = args.getInt("docs", 2);
    int maxGen = args.getInt("max-gen-toks", 32);
    int perBenchmark = args.getInt("requests", Integer.MAX_VALUE);
    int threads = args.getInt("threads", 0);
    SparkSession spark = context.spark();
    PrintStream out = context.out();

    org.apache.spark.sql.Dataset<Row> requests = spark.table(Warehouse.qualified(Tables.REQUESTS));
    List<String> benchmarks = args.getList("benchmarks");
    if (!benchmarks.isEmpty()) {
      requests = requests.where(col("benchmark").isin(benchmarks.toArray()));
    }
    List<Row> slice = requests.where(col("doc_id").lt(docs))
        .orderBy("benchmark", "subtask", "doc_id", "request_index").collectAsList();
    List<LoglikelihoodRequest> scored = new ArrayList<>();
    List<GenerationRequest> generated = new ArrayList<>();
    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
    for (Row r : slice) {
      if (kinds.merge(r.<String>getAs("benchmark"), 1, Integer::sum) > perBenchmark) {
        kinds.merge(r.<String>getAs("benchmark"), -1, Integer::sum);
        continue;
      }
      if ("loglikelihood".equals(r.getAs("request_type"))) {
        scored.add(new LoglikelihoodRequest(r.getAs("context"), r.getAs("continuation")));
      } else {
        Integer limit = r.getAs("max_gen_toks");
        generated.add(new GenerationRequest(r.getAs("context"), r.getList(r.fieldIndex("until")),
            Math.min(maxGen, limit == null ? maxGen : limit)));
      }
    }
    out.printf("slice: the first %d documents of each subtask%s: %d loglikelihood and %d generation requests %s%n",
        docs, perBenchmark == Integer.MAX_VALUE ? "" : ", at most " + perBenchmark + " requests per benchmark",
        scored.size(), generated.size(), kinds);

    Path folder = BenchModels.localFolder(spec, spark);
    DecoderShape shape = DecoderShape.of(new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(folder.resolve("config.json").toFile()));
    OnnxDecoderModel.Options options = new OnnxDecoderModel.Options(spec.batchSize(),
        args.getInt("max-batch-tokens", OnnxDecoderModel.DEFAULT_MAX_BATCH_TOKENS), true, null, threads);
    double peak = MatmulPeak.measure(threads, shape);
    out.printf("matrix-multiply peak of this machine (ONNX Runtime MatMul, float32, %s threads): %.1f GFLOP/s%n",
        threads == 0 ? "all" : threads, peak / 1e9);
    ResidentMemory.resetPeak();
    long loadStart = System.nanoTime();
    try (OnnxDecoderModel engine = new OnnxDecoderModel(spec.modelKey(), folder, options)) {
      out.printf("load: %.1f s, peak resident %s%n", (System.nanoTime() - loadStart) / 1e9,
          ResidentMemory.format(ResidentMemory.peak()));
      engine.loglikelihood(scored.subList(0, Math.min(2, scored.size()))); // warm-up

      ResidentMemory.resetPeak();
      long before = engine.tokensForwarded();
      long start = System.nanoTime();
      double flops = 0;
      for (int s = 0; s < scored.size(); s += 256) {
        List<LoglikelihoodResult> results = engine.loglikelihood(scored.subList(s, Math.min(scored.size(), s + 256)));
        flops += loglikelihoodFlops(shape, results);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long tokens = engine.tokensForwarded() - before;
      out.printf("prefill (loglikelihood): %d tokens forwarded in %.1f s: %.1f tok/s, %.1f GFLOP/s (%.0f%% of peak),"
          + " peak resident %s%n", tokens, seconds, tokens / seconds, flops / seconds / 1e9, 100 * flops / seconds / peak,
          ResidentMemory.format(ResidentMemory.peak()));

      ResidentMemory.resetPeak();
      long steps = engine.stepTokens();
      long stepNanos = engine.stepNanos();
      Generated g = generate(engine, generated, maxGen);
      double decodeSeconds = (engine.stepNanos() - stepNanos) / 1e9;
      out.printf("generation: %d prompts, %d prompt tokens, %d tokens generated in %.1f s; decoding steps %.2f s"
          + " (%d rows x steps): %.1f generated tok/s, the rest (prefill) %.1f prompt tok/s; peak resident %s%n",
          generated.size(), g.promptTokens(), g.newTokens(), g.seconds(), decodeSeconds, engine.stepTokens() - steps,
          g.newTokens() / decodeSeconds, g.promptTokens() / (g.seconds() - decodeSeconds),
          ResidentMemory.format(ResidentMemory.peak()));
    }
    out.printf("matrix-multiply peak measured again after the run: %.1f GFLOP/s%n", MatmulPeak.measure(threads, shape) / 1e9);
    return 0;
  }

  private record Generated(long promptTokens, long newTokens, double seconds) {}

  private static Generated generate(OnnxDecoderModel engine, List<GenerationRequest> requests, int maxGen) {
    long start = System.nanoTime();
    long prompts = 0;
    long newTokens = 0;
    for (int s = 0; s < requests.size(); s += 64) {
      List<GenerationRequest> batch = new ArrayList<>();
      for (GenerationRequest r : requests.subList(s, Math.min(requests.size(), s + 64))) {
        batch.add(new GenerationRequest(r.context(), r.until(), Math.min(maxGen, r.maxGenToks())));
      }
      for (GenerationResult g : engine.generate(batch)) {
        prompts += g.contextTokens();
        newTokens += g.tokens();
      }
    }
    return new Generated(prompts, newTokens, (System.nanoTime() - start) / 1e9);
  }

  /**
   * FLOPs of the passes behind a batch of results, by position: a document's context once (as
   * prefix sharing forwards it), then each continuation's tokens but the last on that context.
   */
  static double loglikelihoodFlops(DecoderShape shape, List<LoglikelihoodResult> results) {
    double flops = 0;
    java.util.Set<Integer> contexts = new java.util.HashSet<>();
    for (LoglikelihoodResult r : results) {
      int c = r.contextTokens();
      if (contexts.add(c)) {
        for (int i = 1; i <= c; i++) {
          flops += shape.flopsPerToken(i);
        }
      }
      for (int j = 1; j < r.tokens(); j++) {
        flops += shape.flopsPerToken(c + j);
      }
    }
    return flops;
  }
}

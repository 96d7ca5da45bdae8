package io.podium.estimate;

import static org.apache.spark.sql.functions.col;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.models.Tokenizer;
import io.podium.models.onnx.HfTokenizer;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code podium estimate}: what the ingested suite costs one model: the tokens Podium forwards
 * and those lm-evaluation-harness's HF backend would forward for the same requests
 * ({@link SuiteTokens}), their FLOPs, and GPU-hours and CO2 at a given utilization, by the Open
 * LLM Leaderboard's own CO2 formula, next to a published figure when one is given.
 */
public final class EstimateCommand implements Command {

  @Override
  public String name() {
    return "estimate";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "what the suite costs a model: tokens (Podium and the harness), FLOPs, GPU-hours, CO2";
  }

  @Override
  public String usage() {
    return "--params N [--layers N --hidden N] [--window N] [--tokenizer FILE | --bpe cl100k_base|o200k_base]"
        + " [--gen-tokens N] [--gpu h100|h200|a100] [--mfu F] [--published-co2 KG]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("params", "N", "the model's parameters, e.g. 8e9 (required)"),
        Option.value("layers", "N", "decoder layers (with --hidden: adds attention's FLOPs)"),
        Option.value("hidden", "N", "attention width (query heads x head size; hidden_size for most models)"),
        Option.value("window", "N", "context window, the harness's max_length (default 8192)"),
        Option.value("tokenizer", "FILE", "a model's tokenizer.json (default: --bpe)"),
        Option.value("bpe", "NAME", "built-in stand-in BPE when no --tokenizer: cl100k_base (default) or o200k_base"),
        Option.value("gen-tokens", "N", "tokens generated per generation request (default: its max_gen_toks, the upper bound)"),
        Option.value("gpu", "NAME", "h100 (default), h200 or a100: its dense bf16 peak"),
        Option.value("mfu", "F", "model FLOPs utilization, 0-1 (default 0.4)"),
        Option.value("published-co2", "KG", "the leaderboard's published CO2 for this model, to compare with"),
        Option.repeated("benchmarks", "LIST", "benchmarks counted (default all ingested)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (!args.has("params")) {
      throw new UsageException("--params is required (the model's parameters, e.g. 8e9)");
    }
    double params = number(args, "params", 0);
    double mfu = number(args, "mfu", 0.4);
    if (params <= 0 || mfu <= 0 || mfu > 1) {
      throw new UsageException("--params must be positive and --mfu in (0, 1]");
    }
    if (args.getInt("window", 8192) < 2 || args.getInt("gen-tokens", 1) < 1) {
      throw new UsageException("--window must be at least 2 and --gen-tokens at least 1");
    }
    if (args.has("layers") != args.has("hidden")) {
      throw new UsageException("give --layers and --hidden together (or neither: attention's FLOPs are then left out)");
    }
    GpuPeak.named(args.get("gpu", "h100"));
    if (!args.has("tokenizer")) {
      BpeTokenizer.named(args.get("bpe", "cl100k_base"));
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    double params = number(args, "params", 0);
    FlopCost cost = FlopCost.of(params, args.getInt("layers", 0), args.getInt("hidden", 0));
    int window = args.getInt("window", 8192);
    Integer generated = args.has("gen-tokens") ? args.getInt("gen-tokens", 1) : null;
    GpuPeak gpu = GpuPeak.named(args.get("gpu", "h100"));
    double mfu = number(args, "mfu", 0.4);
    PrintStream out = context.out();

    Tokenizer tokenizer;
    String tokenizerName;
    if (args.has("tokenizer")) {
      Path file = Path.of(args.get("tokenizer"));
      if (!Files.isRegularFile(file)) {
        throw new UsageException("--tokenizer " + file + " is not a file; give a model's tokenizer.json");
      }
      tokenizer = new HfTokenizer(file, 0);
      tokenizerName = file.toString();
    } else {
      BpeTokenizer bpe = BpeTokenizer.named(args.get("bpe", "cl100k_base"));
      tokenizer = bpe;
      tokenizerName = bpe.name() + " (a stand-in: give --tokenizer for the model's own)";
    }

    Dataset<Row> requests = context.spark().table(Warehouse.qualified(Tables.REQUESTS));
    List<String> benchmarks = args.getList("benchmarks");
    if (!benchmarks.isEmpty()) {
      requests = requests.where(col("benchmark").isin(benchmarks.toArray()));
    }
    SuiteTokens suite = new SuiteTokens(tokenizer, window, generated, cost);
    Iterator<Row> rows = requests.select("benchmark", "subtask", "doc_id", "request_type", "context", "continuation",
        "max_gen_toks").orderBy("benchmark", "subtask", "doc_id", "request_index").toLocalIterator();
    List<SuiteTokens.Request> document = new ArrayList<>();
    String key = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String k = r.getString(0) + "/" + r.getString(1) + "/" + r.getInt(2);
      if (!k.equals(key) && !document.isEmpty()) {
        suite.addDocument(document);
        document.clear();
      }
      key = k;
      document.add(new SuiteTokens.Request(r.getString(0), "loglikelihood".equals(r.getString(3)), r.getString(4),
          r.isNullAt(5) ? "" : r.getString(5), r.isNullAt(6) ? 0 : r.getInt(6)));
    }
    if (!document.isEmpty()) {
      suite.addDocument(document);
    }
    if (tokenizer instanceof AutoCloseable closeable) {
      closeable.close();
    }

    out.printf("model: %.3g parameters%s; window %d; tokenizer %s; generation: %s%n", params,
        cost.perAttendedPosition() > 0 ? ", attention " + args.get("layers") + " layers x " + args.get("hidden") : "",
        window, tokenizerName, generated == null ? "each request's max_gen_toks (upper bound)" : generated + " tokens");
    out.printf("%-12s %10s %16s %16s %7s%n", "benchmark", "requests", "Podium tokens", "harness tokens", "ratio");
    for (Map.Entry<String, SuiteTokens.Count> e : suite.byBenchmark().entrySet()) {
      print(out, e.getKey(), e.getValue());
    }
    SuiteTokens.Count total = suite.total();
    print(out, "total", total);
    double podiumHours = total.podiumFlops() / (gpu.flops() * mfu) / 3600;
    double harnessHours = total.harnessFlops() / (gpu.flops() * mfu) / 3600;
    out.printf("FLOPs: Podium %.3g, harness %.3g; on %s at %.0f%% of %.1f TFLOP/s:%n", total.podiumFlops(),
        total.harnessFlops(), gpu.label(), 100 * mfu, gpu.flops() / 1e12);
    out.printf("  Podium  %8.2f GPU-hours, %8.3f kg CO2%n", podiumHours, Emissions.kilograms(podiumHours));
    out.printf("  harness %8.2f GPU-hours, %8.3f kg CO2  (the leaderboard's formula: 8 x H100 at 5.6 kW, 269.8 g/kWh)%n",
        harnessHours, Emissions.kilograms(harnessHours));
    if (args.has("published-co2")) {
      double published = number(args, "published-co2", 0);
      out.printf("  published %.2f kg CO2 = %.1f GPU-hours by that formula: estimate / published = %.3f (harness),"
          + " %.3f (Podium)%n", published, Emissions.gpuHours(published), Emissions.kilograms(harnessHours) / published,
          Emissions.kilograms(podiumHours) / published);
    }
    return 0;
  }

  private static void print(PrintStream out, String name, SuiteTokens.Count c) {
    out.printf("%-12s %10d %16d %16d %7.2f%n", name, c.requests(), c.podiumTokens(), c.harnessTokens(),
        c.harnessTokens() / (double) Math.max(1, c.podiumTokens()));
  }

  private static double number(ParsedArgs args, String name, double fallback) {
    if (!args.has(name)) {
      return fallback;
    }
    try {
      return Double.parseDouble(args.get(name));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got '" + args.get(name) + "'");
    }
  }
}

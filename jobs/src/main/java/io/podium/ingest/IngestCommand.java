package io.podium.ingest;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import io.podium.tasks.TaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** {@code podium ingest}: benchmark files → benchmark_docs, requests, ingest_rejects. */
public final class IngestCommand implements Command {

  public static final int DEFAULT_SHARDS = 64;

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String summary() {
    return "read benchmark files (local or s3a://) into benchmark_docs, requests and ingest_rejects";
  }

  @Override
  public String usage() {
    return "--source DIR|s3a://BUCKET/PREFIX [--layout NAME|FILE] [--benchmarks LIST] [--shards N]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("source", "DIR|URI", "folder holding the benchmark files (required)"),
        Option.value("layout", "NAME|FILE", "source layout: a name in conf/sources (hf, shared-data) or a YAML file;"
            + " default: the shipped layout that matches the most benchmarks"),
        Option.repeated("benchmarks", "LIST", "comma-separated benchmarks to ingest (default: all in the source)"),
        Option.value("shards", "N", "number of shards requests are spread over (default " + DEFAULT_SHARDS + ")"),
        Option.repeated("fewshot-source", "BENCHMARK=PATH", "file (or glob) of a benchmark's few-shot split,"
            + " e.g. mmlu_pro=validation.parquet"),
        Option.flag("strict", "stop before writing anything if any record is rejected"),
        Option.flag("if-changed", "do nothing when the source's files (paths, sizes, times) and these arguments are"
            + " unchanged since the last ingest"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.get("source") == null) {
      throw new UsageException("podium ingest: --source is required (a folder or s3a:// prefix of benchmark files)");
    }
    if (args.getInt("shards", DEFAULT_SHARDS) < 1) {
      throw new UsageException("--shards must be at least 1");
    }
    fewshotSources(args);
  }

  /** {@code --fewshot-source BENCHMARK=PATH} values by benchmark. */
  private static Map<String, String> fewshotSources(ParsedArgs args) {
    Map<String, String> fewshot = new LinkedHashMap<>();
    for (String spec : args.getAll("fewshot-source")) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--fewshot-source takes BENCHMARK=PATH, got '" + spec + "'");
      }
      fewshot.put(spec.substring(0, eq), spec.substring(eq + 1));
    }
    return fewshot;
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    String source = args.get("source");
    int shards = args.getInt("shards", DEFAULT_SHARDS);
    Map<String, String> fewshot = fewshotSources(args);
    String sourceRoot = source.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")
        ? source
        : java.nio.file.Path.of(source).toAbsolutePath().normalize().toUri().toString();

    SparkSession spark = context.spark();
    Map<String, TaskDefinition> definitions = PodiumConf.benchmarks();
    SourceLayout layout = chooseLayout(spark, sourceRoot, args.get("layout"), context.out());
    IngestJob.Options options = new IngestJob.Options(
        sourceRoot, layout, args.getList("benchmarks"), shards, fewshot, args.has("strict"));

    String fingerprint = null;
    if (args.has("if-changed")) {
      fingerprint = SourceFingerprint.of(spark, sourceRoot, List.of(layout.name(), String.valueOf(args.getList(
          "benchmarks")), String.valueOf(shards), String.valueOf(fewshot), String.valueOf(args.has("strict"))));
      if (fingerprint.equals(SourceFingerprint.recorded(spark))) {
        context.out().println("source unchanged since the last ingest (" + source + "); nothing to do");
        return 0;
      }
    }
    long start = System.nanoTime();
    IngestJob.Result result = new IngestJob(spark, context.warehouse(), definitions).run(options);
    if (fingerprint != null) {
      SourceFingerprint.record(spark, fingerprint);
    }
    printReport(result, context.out());
    context.out().printf("ingested %s into %s in %.1f s (%d shards)%n",
        source, context.warehouse(), (System.nanoTime() - start) / 1e9, shards);
    return 0;
  }

  private static SourceLayout chooseLayout(SparkSession spark, String source, String requested, PrintStream out)
      throws IOException {
    Map<String, SourceLayout> shipped = SourceLayout.shipped();
    if (requested != null) {
      if (shipped.containsKey(requested)) {
        return shipped.get(requested);
      }
      Path path = new Path(requested);
      try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
        return SourceLayout.load(in, requested);
      } catch (java.io.FileNotFoundException e) {
        throw new UsageException("--layout " + requested + ": neither a shipped layout (" + String.join(", ",
            shipped.keySet()) + ") nor a file");
      }
    }
    SourceReader reader = new SourceReader(spark, source);
    SourceLayout best = null;
    int bestScore = 0;
    for (SourceLayout layout : shipped.values()) {
      int score = 0;
      for (var entry : layout.benchmarks().entrySet()) {
        String path = entry.getValue().test().path().replace("{subtask}", "*");
        if (!reader.resolve(path).isEmpty()) {
          score++;
        }
      }
      if (score > bestScore) {
        best = layout;
        bestScore = score;
      }
    }
    if (best == null) {
      throw new IOException("no shipped layout (" + String.join(", ", shipped.keySet()) + ") finds benchmark files in "
          + source + "; check the path or pass --layout FILE");
    }
    out.println("layout: " + best.name() + " (" + best.description() + ")");
    return best;
  }

  public static void printReport(IngestJob.Result result, PrintStream out) {
    out.printf("%-10s %8s %9s %9s %9s %9s %9s  %s%n",
        "benchmark", "input", "accepted", "rejected", "filtered", "requests", "few-shot", "note");
    for (BenchmarkCounts c : result.counts()) {
      String fewshot = c.fewshotRead() == 0 ? "-" : c.fewshotRead() + (c.fewshotRejected() > 0 ? "/" + c.fewshotRejected() + "x" : "");
      out.printf("%-10s %8d %9d %9d %9d %9d %9s  %s%n", c.benchmark(), c.input(), c.accepted(), c.rejected(),
          c.filtered(), c.requests(), fewshot, c.note());
    }
    for (BenchmarkCounts c : result.counts()) {
      for (String note : c.documentNotes()) {
        out.println("note: " + c.benchmark() + ": " + note);
      }
    }
    if (!result.rejects().isEmpty()) {
      out.println(result.rejects().size() + " rejected record(s), in table ingest_rejects; the first ones:");
      result.rejects().stream().limit(5).forEach(r -> out.println("  " + IngestJob.describe(r)));
    }
  }
}

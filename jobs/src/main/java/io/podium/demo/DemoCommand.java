package io.podium.demo;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.conf.PodiumConf;
import io.podium.evaluate.EvaluateJob;
import io.podium.ingest.IngestCommand;
import io.podium.ingest.IngestJob;
import io.podium.ingest.SourceLayout;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.leaderboard.snapshot.SnapshotCommand;
import io.podium.leaderboard.snapshot.SnapshotJob;
import io.podium.leaderboard.page.HtmlPage;
import io.podium.leaderboard.page.PageReader;
import io.podium.leaderboard.view.Snapshot;
import io.podium.models.ModelSpec;
import io.podium.score.ScoreCommand;
import io.podium.score.ScoreJob;
import io.podium.scoring.math.MathEquivalence;
import io.podium.sql.ResultFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code podium demo}: the pipeline on the embedded default: ingest the sample files shipped in
 * the jar (all six benchmarks, Hugging Face layout), evaluate the built-in models, score them, take
 * a leaderboard snapshot, and show requests per benchmark, predictions per model, the task scores
 * and the leaderboard.
 */
public final class DemoCommand implements Command {

  /** Where the demo writes the leaderboard page, relative to the working directory. */
  static final String PAGE = "podium-leaderboard.html";

  /** The built-in models the demo evaluates. */
  static final List<String> MODELS = List.of("builtin:tiny-gpt", "builtin:bigram-gpt", "builtin:sphinx-trigram");

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "run the pipeline on the bundled samples: ingest, evaluate and score the built-in models, snapshot";
  }

  @Override
  public String usage() {
    return "[--warehouse DIR]";
  }

  @Override
  public List<Option> options() {
    return List.of();
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    long start = System.nanoTime();
    Path samples = Files.createTempDirectory("podium-samples");
    PodiumConf.copySamples(samples);

    SparkSession spark = context.spark();
    context.out().println("== ingest: bundled samples (" + samples + ") -> " + context.warehouse());
    IngestJob.Options options = new IngestJob.Options(samples.toUri().toString(), SourceLayout.shipped().get("hf"),
        List.of(), IngestCommand.DEFAULT_SHARDS, Map.of(), false);
    IngestJob.Result result = new IngestJob(spark, context.warehouse(), PodiumConf.benchmarks()).run(options);
    IngestCommand.printReport(result, context.out());

    context.out().println();
    context.out().println("== requests per benchmark");
    Dataset<Row> perBenchmark = spark.sql(
        "SELECT benchmark, count(DISTINCT doc_id, subtask) AS docs, count(*) AS requests,"
            + " count(DISTINCT shard) AS shards FROM requests GROUP BY benchmark ORDER BY benchmark");
    ResultFormat.TABLE.print(perBenchmark.schema(), perBenchmark.collectAsList(), context.out(), 80);

    for (String model : MODELS) {
      context.out().println();
      context.out().println("== evaluate: " + model);
      EvaluateJob.Summary s = new EvaluateJob(spark, PodiumConf.benchmarks(), context.warehouse().root(), context.out()).run(
          new EvaluateJob.Options(ModelSpec.parse(model), null, List.of(), null,
              EvaluateJob.Options.DEFAULT_SHARDS_PER_CHUNK, null));
      context.out().printf("%s: %d requests, %d tokens, %.1f s on %s%n", s.modelKey(), s.total(), s.tokens(),
          s.seconds(), s.devices());
    }
    context.out().println();
    context.out().println("== predictions per model");
    Dataset<Row> perModel = spark.sql("SELECT model_key, benchmark, count(*) AS predictions FROM predictions"
        + " GROUP BY model_key, benchmark ORDER BY model_key, benchmark");
    ResultFormat.TABLE.print(perModel.schema(), perModel.collectAsList(), context.out(), 80);
    context.out().println();
    context.out().println("== score: all models (MATH compared as the 2024 leaderboard did: "
        + MathEquivalence.DEFAULT.id() + ")");
    ScoreJob.Summary scored = new ScoreJob(spark, PodiumConf.benchmarks(), context.out())
        .run(new ScoreJob.Options(List.of(), List.of(), MathEquivalence.DEFAULT));
    ScoreCommand.printReport(spark, scored, context.out());

    context.out().println();
    context.out().println("== snapshot: the leaderboard of the built-in models (over the bundled samples)");
    Normalization rules = Normalization.shipped();
    SnapshotJob.Result snapshot = new SnapshotJob(spark, context.warehouse(), rules,
        PodiumConf.benchmarks()).run();
    Snapshot board = SnapshotCommand.printResult(spark, snapshot, context.out());
    Path page = Path.of(PAGE).toAbsolutePath();
    Files.writeString(page, HtmlPage.render(new PageReader(spark, rules).read(board), rules), StandardCharsets.UTF_8);
    context.out().println("leaderboard page: " + page);
    context.out().printf("demo done in %.1f s; query the tables with: bin/podium sql \"SELECT ...\"%n",
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}

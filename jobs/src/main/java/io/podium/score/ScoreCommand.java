package io.podium.score;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import io.podium.models.ModelSpec;
import io.podium.scoring.math.MathEquivalence;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.sql.ResultFormat;
import io.podium.tables.Tables;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code podium score}: predictions → sample_scores and task_scores. */
public final class ScoreCommand implements Command {

  @Override
  public String name() {
    return "score";
  }

  @Override
  public String summary() {
    return "score the predictions as the leaderboard did: sample_scores and task_scores (idempotent)";
  }

  @Override
  public String usage() {
    return "[--model KEY|SPEC]... [--benchmarks LIST] [--math-method " + MathEquivalence.ids("|", "|") + "]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.repeated("model", "KEY|SPEC", "a model key (org/name@rev#precision) or a model spec as evaluate"
            + " takes it, e.g. builtin:tiny-gpt (default: every model with predictions)"),
        Option.repeated("benchmarks", "LIST", "comma-separated benchmarks (default: all ingested)"),
        Option.value("math-method", "METHOD", "MATH answer comparison: leaderboard_fork (default, as the"
            + " harness fork the 2024 leaderboard ran: string equality first, then symbolic), sympy_2024"
            + " (upstream harness of 2024: symbolic only) or corrected (the same rule as leaderboard_fork)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    mathMethod(args);
  }

  private static MathEquivalence mathMethod(ParsedArgs args) {
    try {
      return MathEquivalence.fromId(args.get("math-method", MathEquivalence.DEFAULT.id()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--math-method: " + e.getMessage());
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    MathEquivalence method = mathMethod(args);
    List<String> models = new ArrayList<>();
    for (String m : args.getList("model")) {
      models.add(modelKey(m));
    }
    ScoreJob.Summary s = new ScoreJob(context.spark(), PodiumConf.benchmarks(), context.out())
        .run(new ScoreJob.Options(models, args.getList("benchmarks"), method));
    printReport(context.spark(), s, context.out());
    return 0;
  }

  /** A model key as given, or the key of a model spec ({@code builtin:tiny-gpt}, a folder, a yaml file). */
  static String modelKey(String value) throws IOException {
    if (value.contains("@") && value.contains("#")) {
      return value;
    }
    return ModelSpec.parse(value).modelKey();
  }

  /** The task scores of the scored models, then what could not be scored. */
  public static void printReport(SparkSession spark, ScoreJob.Summary s, PrintStream out) {
    out.printf("scored %d documents of %d model(s) in %.1f s: %d sample scores, %d task scores%n", s.documents(),
        s.models().size(), s.seconds(), s.sampleScores(), s.taskScores());
    if (s.models().isEmpty()) {
      return;
    }
    Dataset<Row> scores = spark.sql("SELECT model_key, benchmark, metric, method,"
        + " count(*) AS tasks, count_if(n < docs) AS partial, CAST(sum(n) AS BIGINT) AS docs,"
        + " round(sum(value * units) / sum(units), 4) AS value"
        + " FROM " + Warehouse.qualified(Tables.TASK_SCORES)
        + " WHERE model_key IN (" + SqlLiterals.list(s.models()) + ")"
        + " GROUP BY model_key, benchmark, metric, method ORDER BY model_key, benchmark, metric");
    out.println("task scores by benchmark (value: micro average over the benchmark's scored tasks; partial:"
        + " tasks scored over the documents evaluated only, never ranked):");
    ResultFormat.TABLE.print(scores.schema(), scores.collectAsList(), out, 60);
    Map<String, List<ScoreJob.Partial>> partials = new java.util.TreeMap<>();
    s.partials().forEach(p -> partials.computeIfAbsent(p.modelKey(), k -> new ArrayList<>()).add(p));
    partials.forEach((model, tasks) -> {
      out.println(model + ": partial scores for " + tasks.size() + " task(s), over the documents evaluated"
          + " (not ranked; evaluate without --limit to complete them):");
      tasks.stream().limit(20).forEach(t -> out.println("  " + t.benchmark() + "/" + t.subtask() + " ("
          + t.scoredDocs() + " of " + t.docs() + " docs)"));
      if (tasks.size() > 20) {
        out.println("  ... and " + (tasks.size() - 20) + " more");
      }
    });
    Map<String, List<String>> gaps = ScoreJob.gapsByModel(s.gaps());
    gaps.forEach((model, tasks) -> {
      out.println(model + ": no score for " + tasks.size() + " task(s) with missing predictions:");
      tasks.stream().limit(20).forEach(t -> out.println("  " + t));
      if (tasks.size() > 20) {
        out.println("  ... and " + (tasks.size() - 20) + " more");
      }
    });
  }
}

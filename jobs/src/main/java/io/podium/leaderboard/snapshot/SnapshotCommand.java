package io.podium.leaderboard.snapshot;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.leaderboard.view.LeaderboardReader;
import io.podium.leaderboard.view.Snapshot;
import io.podium.leaderboard.view.SnapshotSelector;
import io.podium.leaderboard.view.ViewFormat;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@code podium snapshot}: task scores → one appended leaderboard snapshot. */
public final class SnapshotCommand implements Command {

  @Override
  public String name() {
    return "snapshot";
  }

  @Override
  public String summary() {
    return "append a leaderboard snapshot: normalized scores, ranks, 95% intervals, ties (unchanged scores: no new one)";
  }

  @Override
  public String usage() {
    return "[--replicates N]";
  }

  @Override
  public List<Option> options() {
    return List.of(Option.value("replicates", "N", "bootstrap replicates for the intervals (default "
        + Bootstrap.REPLICATES + ")"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.getInt("replicates", Bootstrap.REPLICATES) < 100) {
      throw new UsageException("--replicates must be at least 100");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    int replicates = args.getInt("replicates", Bootstrap.REPLICATES);
    SnapshotJob.Result r = new SnapshotJob(context.spark(), context.warehouse(), Normalization.shipped(),
        PodiumConf.benchmarks()).run(replicates);
    printResult(context.spark(), r, context.out());
    return 0;
  }

  /** One line on the snapshot, then its board as {@code podium leaderboard} shows it. */
  public static Snapshot printResult(SparkSession spark, SnapshotJob.Result r, PrintStream out) {
    if (!r.taken()) {
      out.println("no snapshot taken: no model has task scores yet; run podium score after podium evaluate");
      return null;
    }
    out.printf("%s snapshot %s (%s): %d ranked, %d listed apart%n",
        r.appended() ? "took" : "scores unchanged since", r.snapshotId(), r.time(), r.ranked(), r.unranked());
    LeaderboardReader reader = new LeaderboardReader(spark);
    Snapshot snapshot = reader.load(new SnapshotSelector(reader.snapshots()).select(r.snapshotId()));
    ViewFormat.TABLE.write(snapshot, out);
    return snapshot;
  }
}

package io.podium.app;

import io.podium.bench.EngineBenchmarkCommand;
import io.podium.bench.InferenceBenchmarkCommand;
import io.podium.cli.Command;
import io.podium.cli.CommandLine;
import io.podium.demo.DemoCommand;
import io.podium.estimate.EstimateCommand;
import io.podium.evaluate.EvaluateCommand;
import io.podium.ingest.IngestCommand;
import io.podium.leaderboard.LeaderboardCommand;
import io.podium.leaderboard.exporter.ExportHarnessCommand;
import io.podium.leaderboard.importer.ImportHarnessCommand;
import io.podium.leaderboard.snapshot.SnapshotCommand;
import io.podium.pipeline.RunPipelineCommand;
import io.podium.requests.RequestsCommand;
import io.podium.score.ScoreCommand;
import io.podium.score.responses.ScoreResponsesCommand;
import io.podium.sql.CatalogCommand;
import io.podium.sql.ShellCommand;
import io.podium.sql.SqlCommand;
import io.podium.submissions.ClaimCommand;
import io.podium.submissions.SubmissionsCommand;
import io.podium.submissions.SubmitCommand;
import java.util.List;

/**
 * The one main class of the application jar: {@code podium <command> [options]}. The same
 * entry serves {@code bin/podium}, {@code spark-submit --class io.podium.app.Podium} and
 * Airflow's SparkSubmitOperator. The list of commands lives here and nowhere else; a new
 * command is one line below.
 */
public final class Podium {

  private Podium() {}

  /** Every command, in the order {@code podium --help} lists them. */
  public static List<Command> commands() {
    return List.of(new DemoCommand(), new IngestCommand(), new EvaluateCommand(), new ScoreCommand(),
        new ScoreResponsesCommand(), new SnapshotCommand(), new LeaderboardCommand(),
        new ImportHarnessCommand(), new ExportHarnessCommand(), new SubmitCommand(), new SubmissionsCommand(), new ClaimCommand(),
        new RunPipelineCommand(), new RequestsCommand(), new SqlCommand(), new ShellCommand(), new CatalogCommand(),
        new InferenceBenchmarkCommand(), new EngineBenchmarkCommand(), new EstimateCommand());
  }

  /** The command line over {@link #commands()}. */
  public static CommandLine commandLine() {
    return new CommandLine(commands());
  }

  public static void main(String[] args) {
    int code = commandLine().run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }
}

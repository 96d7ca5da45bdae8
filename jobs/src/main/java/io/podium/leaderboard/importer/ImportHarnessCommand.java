package io.podium.leaderboard.importer;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import java.nio.file.Path;
import java.util.List;

/** {@code podium import-harness FILE...}: lm-evaluation-harness results → task_scores, submissions. */
public final class ImportHarnessCommand implements Command {

  @Override
  public String name() {
    return "import-harness";
  }

  @Override
  public String summary() {
    return "import lm-evaluation-harness results_*.json of the leaderboard group into task_scores and submissions";
  }

  @Override
  public String usage() {
    return "FILE [FILE...]";
  }

  @Override
  public List<Option> options() {
    return List.of();
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.positionals().isEmpty()) {
      throw new UsageException("podium import-harness: name at least one results file (results_<date>.json)");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    List<String> files = args.positionals();
    List<HarnessImport.Imported> imported = new HarnessImport(context.spark(), PodiumConf.benchmarks())
        .run(files.stream().map(Path::of).toList());
    for (HarnessImport.Imported i : imported) {
      context.out().printf("imported %s: %d task scores from %s%n", i.modelKey(), i.tasks(), i.file());
      if (!i.absent().isEmpty()) {
        context.out().printf("  %s has no result of %s (benchmarks the group has that this run did not have):"
            + " the model is listed unranked, missing them%n", i.file().getFileName(), String.join(", ", i.absent()));
      }
    }
    context.out().println("run podium snapshot to put them on the board");
    return 0;
  }
}
